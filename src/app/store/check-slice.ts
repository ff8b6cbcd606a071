import type { StateCreator } from 'zustand';
import type { CaseAgreement } from '../../core/check/check-data-sets';
import type { CaseResult } from '../../core/check/check-report';
import type { CheckVerdict } from '../../core/check/check-verdict';
import { DEFAULT_TOLERANCE, type Tolerance } from '../../core/check/tolerance';
import type { BackendId } from '../../core/protocol/engine-api';
import type { AppState } from './app-store';

export type CheckStatus = 'idle' | 'running' | 'done' | 'cancelled';

/** The Check outputs view of one model: what was asked, where it is, what it found. */
export interface CheckState {
  readonly status: CheckStatus;
  /** The backends of the last start, in order (the first is the agreement's baseline). */
  readonly backends: readonly BackendId[];
  /** Backend → what the user reads: “WASM, 2 threads”, “WebGPU (swiftshader, software)”. */
  readonly labels: Readonly<Record<string, string>>;
  readonly tolerance: Tolerance;
  readonly done: number;
  readonly total: number;
  readonly cases: readonly CaseResult[];
  readonly agreement: readonly CaseAgreement[];
  /** Once the check ended (done or cancelled). */
  readonly verdict: CheckVerdict | null;
  /** Set when the check could not start (a tolerance that is not two numbers, no backend). */
  readonly error: string | null;
}

export const IDLE_CHECK: CheckState = { status: 'idle', backends: [], labels: {}, tolerance: DEFAULT_TOLERANCE, done: 0, total: 0, cases: [], agreement: [], verdict: null, error: null };

export interface CheckSlice {
  /** Per open model, once a check has been started. */
  readonly checks: Readonly<Record<string, CheckState>>;
  updateCheck(id: string, change: Partial<CheckState>): void;
}

export const createCheckSlice: StateCreator<AppState, [], [], CheckSlice> = (set) => ({
  checks: {},
  // Never for a closed model: a check that ends after its model closed leaves nothing behind.
  updateCheck: (id, change) => set((s) => (s.models.some((m) => m.id === id) ? { checks: { ...s.checks, [id]: { ...(s.checks[id] ?? IDLE_CHECK), ...change } } } : {})),
});
