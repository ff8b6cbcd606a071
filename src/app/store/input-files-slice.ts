import type { StateCreator } from 'zustand';
import type { TensorError } from '../../core/tensors/tensor-error';
import type { TensorFile, TensorReading } from '../../core/tensors/read-tensor-files';
import type { AppState } from './app-store';

/** Where the Run tab's inputs come from; `example` only when the package has an input example. */
export type RunInputSource = 'example' | 'random' | 'zeros' | 'file';

/** Which panel a set of input files feeds. */
export type InputFilesPlace = 'run' | 'predict';

/** Input files given for one panel, and what they were read as (shown before anything runs). */
export interface InputFilesState {
  /** Every file given, as given (a file dropped on one input carries its name in `input`). */
  readonly files: readonly TensorFile[];
  readonly status: 'reading' | 'read' | 'failed';
  /** The tensors read so far, checked against the model; null while reading or after a failure. */
  readonly reading: TensorReading | null;
  /** Why the files cannot be used: which input, what it expects, what the file holds. */
  readonly error: TensorError | null;
}

export interface InputFilesSlice {
  /** By model id, then panel. */
  readonly inputFiles: Readonly<Record<string, Partial<Record<InputFilesPlace, InputFilesState>>>>;
  /** The Run tab's chosen source, by model id (absent: the example when there is one, else random). */
  readonly runSources: Readonly<Record<string, RunInputSource>>;
  setInputFiles(id: string, place: InputFilesPlace, state: InputFilesState | null): void;
  setRunSource(id: string, source: RunInputSource): void;
}

export const createInputFilesSlice: StateCreator<AppState, [], [], InputFilesSlice> = (set) => ({
  inputFiles: {},
  runSources: {},
  setInputFiles: (id, place, state) =>
    set((s) => {
      const forModel = { ...s.inputFiles[id] };
      if (state) forModel[place] = state;
      else delete forModel[place];
      return { inputFiles: { ...s.inputFiles, [id]: forModel } };
    }),
  setRunSource: (id, source) => set((s) => ({ runSources: { ...s.runSources, [id]: source } })),
});

/** The Run tab's source: the user's choice, else the package's example when it has one, else random values. */
export function selectRunSource(state: Pick<AppState, 'runSources'>, model: { readonly id: string; readonly facts: { readonly example: unknown } | null }): RunInputSource {
  const hasExample = model.facts?.example !== null && model.facts?.example !== undefined;
  const chosen = state.runSources[model.id];
  if (chosen && (chosen !== 'example' || hasExample)) return chosen;
  return hasExample ? 'example' : 'random';
}
