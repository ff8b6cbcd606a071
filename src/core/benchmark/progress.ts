import type { BenchmarkProgress, StopRule } from '../protocol/benchmark';
import type { BackendConfig } from '../protocol/engine-api';
import { configLabel } from './run';

export interface ProgressState {
  readonly configs: readonly BackendConfig[];
  readonly configIndex: number;
  readonly progress: BenchmarkProgress | null;
  readonly stop: StopRule;
  readonly warmupRuns: number;
}

/** How far the phase is, 0–1: warm-up and measuring are counted as equal halves of a point. */
function phaseFraction(p: BenchmarkProgress, stop: StopRule, warmupRuns: number): number {
  if (p.phase === 'session' || p.phase === 'first-run') return 0;
  if (p.phase === 'warmup') return warmupRuns > 0 ? 0.5 * Math.min(1, p.runsDone / warmupRuns) : 0.5;
  const measured = stop.kind === 'runs' ? p.runsDone / stop.runs : p.elapsedMs / stop.ms;
  return 0.5 + 0.5 * Math.min(1, measured);
}

/** Overall progress of a benchmark, 0–1, for a progress bar. */
export function progressFraction(state: ProgressState): number {
  const configs = Math.max(1, state.configs.length);
  const p = state.progress;
  const inConfig = p ? (p.pointIndex + phaseFraction(p, state.stop, state.warmupRuns)) / Math.max(1, p.pointCount) : 0;
  return Math.min(1, (state.configIndex + inConfig) / configs);
}

const PHASES = { session: 'creating the session', 'first-run': 'first (cold) run', warmup: 'warming up', measure: 'measuring' } as const;

/** "WASM · 2 threads (2 of 3) · batch 8 (point 2 of 4) · measuring: 45 runs, 1.2 s" */
export function describeProgress(state: ProgressState): string {
  const config = state.configs[state.configIndex];
  if (!config) return 'Starting…';
  const head = `${configLabel(config)} (${state.configIndex + 1} of ${state.configs.length})`;
  const p = state.progress;
  if (!p) return `${head} · starting the engine`;
  const runs = p.phase === 'warmup' || p.phase === 'measure' ? `: ${p.runsDone} run${p.runsDone === 1 ? '' : 's'}, ${(p.elapsedMs / 1000).toFixed(1)} s` : '';
  return `${head} · batch ${p.batchSize} (point ${p.pointIndex + 1} of ${p.pointCount}) · ${PHASES[p.phase]}${runs}`;
}
