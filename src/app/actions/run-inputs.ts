import { modelInputs } from '../../core/model/model-inputs';
import type { HostTensor } from '../../core/schema/host-tensor';
import { fail, type Result } from '../../core/protocol/engine-error';
import { completeReading } from '../../core/tensors/complete-reading';
import { badFile } from '../../core/tensors/tensor-error';
import type { AppState } from '../store/app-store';
import type { RunInputSource } from '../store/input-files-slice';
import type { ReadyModel } from '../store/models-slice';

/** The feeds for one Run: generated, the example's, or the files' tensors (only when every input was read and checked). */
export function runInputs(state: AppState, model: ReadyModel, source: RunInputSource): Result<Record<string, HostTensor>> {
  if (source !== 'file') {
    const made = modelInputs(model, source, [null]);
    return made.ok ? { ok: true, value: made.value[0]!.feeds } : made;
  }
  const files = state.inputFiles[model.id]?.run;
  if (!files || files.files.length === 0) return badFile('(none)', 'No input files were given.', 'Drop a file for each input, or one file (.npz, .json) or test_data_set folder for them all.');
  if (files.status === 'reading') return badFile('(reading)', 'The input files are still being read.', 'Run again in a moment.');
  if (files.error) return fail(files.error);
  const complete = completeReading(files.reading!, model.facts.inputs);
  if (!complete.ok) return complete;
  const made = modelInputs(model, { kind: 'data', name: 'files', tensors: complete.value.tensors }, [null]);
  return made.ok ? { ok: true, value: made.value[0]!.feeds } : made;
}
