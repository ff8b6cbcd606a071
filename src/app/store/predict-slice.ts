import type { StateCreator } from 'zustand';
import type { BackendConfig } from '../../core/protocol/engine-api';
import type { EngineError } from '../../core/protocol/engine-error';
import type { ScoredChunk } from '../../core/schema/batch-chunk';
import type { BatchTable } from '../../core/schema/batch-json';
import type { BatchSummary } from '../../core/schema/batch-summary';
import type { ColumnMatch } from '../../core/schema/column-match';
import type { HostTensor } from '../../core/schema/host-tensor';
import type { PixelScale } from '../../core/schema/image-input';
import type { BatchPredictions } from '../../core/schema/prediction';
import type { InputIssue, RowCheck } from '../../core/schema/validate-row';
import type { AppState } from './app-store';

/** One model input being filled as a tensor. */
export interface TensorDraft {
  readonly tensor: HostTensor | null;
  /** Where the values came from, in words ("random int64 values", "drawn", "digits.npy"…). */
  readonly source: string;
  /** The JSON editor's text (empty for tensors too large to edit as text). */
  readonly text: string;
  readonly error: string | null;
  /** The image mapping that made it (resize and scaling), stated on screen. */
  readonly imageNote: string | null;
  /** What the model sees for image inputs, 0..1 per pixel. */
  readonly preview: Float32Array | null;
}

export interface PredictionResult {
  readonly feeds: Readonly<Record<string, HostTensor>>;
  readonly outputs: Readonly<Record<string, HostTensor>>;
  readonly runMs: number;
  readonly config: BackendConfig;
  /** The outputs read with the plan (class, scores, value), after softmax when asked. */
  readonly predictions: BatchPredictions;
  /** Outputs that could not be read in the browser (sequences, maps), by name. */
  readonly unreadable: readonly string[];
  readonly snippets: { readonly javascript: string; readonly python: string; readonly mlflow: string };
  /** The input version it was made from: older than the state's means "from the previous input". */
  readonly inputVersion: number;
  /** One line per value outside a declared or training range (the result is marked with them). */
  readonly outside: readonly string[];
  /** Run with "Predict anyway", past a declared range. */
  readonly anyway: boolean;
}

export type BatchStatus = 'idle' | 'reading' | 'mismatch' | 'ready' | 'running' | 'done' | 'cancelled' | 'failed';

/** A download of the scored rows being built (issue 14): a slice at a time, with progress and Cancel. */
export interface BatchDownload {
  readonly format: 'csv' | 'json' | 'outputs';
  /** 0..1 of the rows written. */
  readonly fraction: number;
}

export interface BatchState {
  readonly status: BatchStatus;
  readonly fileName: string | null;
  readonly fileBytes: number;
  /** The package's own evaluation set (the metrics check). */
  readonly evaluation: boolean;
  readonly form: BatchTable['form'] | null;
  readonly header: readonly string[];
  readonly match: ColumnMatch | null;
  /** Column → feature matches the user accepted. */
  readonly renames: Readonly<Record<string, string>>;
  /** 0..1 of the file read and scored. */
  readonly fraction: number;
  readonly rowsDone: number;
  /**
   * The scored chunks, in order. During a run the pipeline appends to this array in place
   * (copying it after every chunk would cost the square of the chunk count); `rowsDone`
   * changes with each append, and the array is handed over as a new one when the run ends.
   */
  readonly chunks: readonly ScoredChunk[];
  readonly summary: BatchSummary | null;
  readonly elapsedMs: number | null;
  readonly error: string | null;
  /** The download being built, if any. */
  readonly download?: BatchDownload | null;
}

/** A model's Predict tab; its signature and prediction plan are the model's facts (`OpenModel.facts`). */
export interface PredictState {
  readonly pixelScales: Readonly<Record<string, PixelScale>>;
  /** Fill the features in a form, or fill the inputs as tensors (images, sequences…). */
  readonly mode: 'form' | 'tensors';
  /** Form values as typed (text) or switched (booleans), by feature name. */
  readonly values: Readonly<Record<string, string | boolean>>;
  readonly check: RowCheck | null;
  /** Problems with the tensor inputs (shape, values, and the feature rules when they map to features). */
  readonly tensorIssues: readonly InputIssue[];
  /** What the current values are ("Row 17 of test.csv, true label: virginica"). */
  readonly fillNote: string | null;
  readonly tensors: Readonly<Record<string, TensorDraft>>;
  readonly running: boolean;
  readonly result: PredictionResult | null;
  /** Why the last prediction failed, shown beside the Predict button; null after a success or a new try. */
  readonly error: EngineError | null;
  /** Counts changes to the inputs, so that a result can tell it is out of date. */
  readonly inputVersion: number;
  readonly softmax: boolean;
  readonly batch: BatchState;
}

export const IDLE_BATCH: BatchState = {
  status: 'idle',
  fileName: null,
  fileBytes: 0,
  evaluation: false,
  form: null,
  header: [],
  match: null,
  renames: {},
  fraction: 0,
  rowsDone: 0,
  chunks: [],
  summary: null,
  elapsedMs: null,
  error: null,
  download: null,
};

export interface PredictSlice {
  /** Per open model, once its Predict tab has been opened. */
  readonly predict: Readonly<Record<string, PredictState>>;
  initPredict(id: string, state: PredictState): void;
  updatePredict(id: string, change: Partial<PredictState> | ((s: PredictState) => Partial<PredictState>)): void;
  updateBatch(id: string, change: Partial<BatchState> | ((b: BatchState) => Partial<BatchState>)): void;
}

export const createPredictSlice: StateCreator<AppState, [], [], PredictSlice> = (set) => ({
  predict: {},
  initPredict: (id, state) => set((s) => ({ predict: { ...s.predict, [id]: state } })),
  updatePredict: (id, change) =>
    set((s) => {
      const current = s.predict[id];
      if (!current) return {};
      return { predict: { ...s.predict, [id]: { ...current, ...(typeof change === 'function' ? change(current) : change) } } };
    }),
  updateBatch: (id, change) =>
    set((s) => {
      const current = s.predict[id];
      if (!current) return {};
      const batch = { ...current.batch, ...(typeof change === 'function' ? change(current.batch) : change) };
      return { predict: { ...s.predict, [id]: { ...current, batch } } };
    }),
});
