import type { StateCreator } from 'zustand';
import type { ColumnMatch } from '../../core/schema/column-match';
import type { ClassShares, DriftReport, FeatureDrift } from '../../core/stats/drift-report';
import type { AppState } from './app-store';

export type DriftStatus = 'idle' | 'reading' | 'mismatch' | 'running' | 'done' | 'cancelled' | 'failed';

/** What the production file is compared with. */
export interface DriftReference {
  /** The package's evaluation CSV, a CSV the user picked, or the training histograms in metadata.json. */
  readonly kind: 'evaluation' | 'picked' | 'training-statistics';
  readonly name: string;
  /** training-statistics: the features that have a histogram. */
  readonly features?: readonly string[];
}

export interface DriftState {
  readonly status: DriftStatus;
  /** null: the package has no evaluation CSV and none was picked. */
  readonly reference: DriftReference | null;
  readonly productionName: string | null;
  /** Which file's columns did not match, with the match that says why. */
  readonly mismatch: { readonly side: 'reference' | 'production'; readonly fileName: string; readonly match: ColumnMatch } | null;
  /** 0..1 of both files read and scored. */
  readonly fraction: number;
  readonly rows: { readonly reference: number; readonly production: number };
  readonly report: DriftReport | null;
  /** Predicted class shares; null for models that predict no classes. */
  readonly shares: ClassShares | null;
  /** Regression models: the predicted values' drift. */
  readonly predictions: FeatureDrift | null;
  /** Features with no numbers in one of the files (not tested). */
  readonly notNumeric: readonly string[];
  readonly error: string | null;
}

export const IDLE_DRIFT: DriftState = {
  status: 'idle',
  reference: null,
  productionName: null,
  mismatch: null,
  fraction: 0,
  rows: { reference: 0, production: 0 },
  report: null,
  shares: null,
  predictions: null,
  notNumeric: [],
  error: null,
};

export interface DriftSlice {
  /** Per open model, once its Drift tab has been opened. */
  readonly drift: Readonly<Record<string, DriftState>>;
  updateDrift(id: string, change: Partial<DriftState>): void;
}

export const createDriftSlice: StateCreator<AppState, [], [], DriftSlice> = (set) => ({
  drift: {},
  // Never for a closed model: a run that ends after its model closed leaves nothing behind.
  updateDrift: (id, change) => set((s) => (s.models.some((m) => m.id === id) ? { drift: { ...s.drift, [id]: { ...(s.drift[id] ?? IDLE_DRIFT), ...change } } } : {})),
});
