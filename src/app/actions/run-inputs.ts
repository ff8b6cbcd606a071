import { estimateRunMemory, largestFittingBatch } from '../../core/memory/run-memory';
import { runMemoryRefusal, runMemoryWarning } from '../../core/memory/run-memory-refusal';
import { givenDims, modelHeapBytes } from '../../core/memory/run-sizes';
import { fillInputs, type GeneratedSource, type InputLayout } from '../../core/benchmark/fill-inputs';
import { generatedLayout, generatedRandom, modelInputs } from '../../core/model/model-inputs';
import type { BackendConfig } from '../../core/protocol/engine-api';
import { fail, ok, type EngineError, type Result } from '../../core/protocol/engine-error';
import type { HostTensor } from '../../core/schema/host-tensor';
import { completeReading } from '../../core/tensors/complete-reading';
import { badFile } from '../../core/tensors/tensor-error';
import type { AppState } from '../store/app-store';
import type { RunInputSource } from '../store/input-files-slice';
import type { ReadyModel } from '../store/models-slice';
import { tick } from '../../core/scoring/tick';

/** The inputs of one Run, before any large buffer exists: tensors already at hand, or the layout of values still to make. */
export type RunFeeds =
  | { readonly kind: 'given'; readonly feeds: Record<string, HostTensor> }
  | { readonly kind: 'generated'; readonly source: GeneratedSource; readonly layout: readonly InputLayout[] };

/** Main-thread time one step of making inputs may take before the page gets a turn (well under a 50 ms long task). */
export const MAKE_SLICE_MS = 12;

/** The feeds for one Run: generated, the example's, or the files' tensors (only when every input was read and checked). */
export function runFeeds(state: AppState, model: ReadyModel, source: RunInputSource): Result<RunFeeds> {
  if (source === 'random' || source === 'zeros') return ok({ kind: 'generated', source, layout: generatedLayout(model, source, null) });
  if (source === 'example') {
    const made = modelInputs(model, 'example', [null]);
    return made.ok ? ok({ kind: 'given', feeds: made.value[0]!.feeds }) : made;
  }
  const files = state.inputFiles[model.id]?.run;
  if (!files || files.files.length === 0) return badFile('(none)', 'No input files were given.', 'Drop a file for each input, or one file (.npz, .json) or test_data_set folder for them all.');
  if (files.status === 'reading') return badFile('(reading)', 'The input files are still being read.', 'Run again in a moment.');
  if (files.error) return fail(files.error);
  const complete = completeReading(files.reading!, model.facts.inputs);
  if (!complete.ok) return complete;
  const made = modelInputs(model, { kind: 'data', name: 'files', tensors: complete.value.tensors }, [null]);
  return made.ok ? ok({ kind: 'given', feeds: made.value[0]!.feeds }) : made;
}

/**
 * Before anything is made or sent, weighs a Run against the engine's WebAssembly heap beside the
 * models loaded in it (`loadedBytes`: theirs, this one's included): refused when even its floor cannot
 * fit; ok with a warning (null when none) when the floor fits but the estimate does not, which the
 * Run shows until the user runs it anyway.
 */
export function checkRunMemory(model: ReadyModel, feeds: RunFeeds, config: BackendConfig, loadedBytes: number): Result<EngineError | null> {
  const dims = feeds.kind === 'given' ? givenDims(model.facts.inputs, feeds.feeds, model.dims) : model.dims;
  const sizes = { inputs: model.facts.inputs, outputs: model.description.outputs, workingSets: model.description.workingSets ?? null, modelBytes: loadedBytes };
  const estimate = estimateRunMemory(sizes, dims, config.backend, feeds.kind === 'given' ? feeds.feeds : {});
  if (estimate.fits) return ok(null);
  const { batch } = model.facts;
  if (!estimate.mayFit) return fail(runMemoryRefusal(estimate, dims, batch, largestFittingBatch(sizes, dims, batch, config.backend, 'floor')));
  return ok(runMemoryWarning(estimate, dims, batch, largestFittingBatch(sizes, dims, batch, config.backend, 'estimate')));
}

/** This model's bytes plus those of the other models with a session in the same engine (they share its heap). */
export function loadedModelBytes(state: AppState, model: ReadyModel, hasSession: (id: string) => boolean): number {
  const bytesOf = (m: ReadyModel | AppState['models'][number]): number => modelHeapBytes(m.pkg.model.bytes.length, m.description?.summary ?? null);
  return state.models.filter((m) => m.id !== model.id && hasSession(m.id)).reduce((sum, m) => sum + bytesOf(m), bytesOf(model));
}

/**
 * Makes the Run's tensors: generated values a slice of main-thread time at a time, yielding to
 * the page in between, so that a large batch never holds the page in one long task. Throws what
 * an allocation throws (RangeError); the caller reports it.
 */
export async function makeFeeds(feeds: RunFeeds, sliceMs = MAKE_SLICE_MS): Promise<Record<string, HostTensor>> {
  if (feeds.kind === 'given') return feeds.feeds;
  const steps = fillInputs(feeds.layout, feeds.source, generatedRandom());
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await tick();
      sliceStart = performance.now();
    }
  }
}
