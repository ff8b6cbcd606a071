import { configKey, configLabel, type WebGpuAdapterInfo } from '../benchmark/run';
import type { ColdStart, ConfigProfile } from './config-profile';
import type { OperatorProfile } from './operator-profile';

/** The steps of a cold start, in the order they happen. */
export const COLD_START_STEPS = [
  { key: 'readMs', label: 'Read & unzip the package' },
  { key: 'runtimeMs', label: 'Runtime fetch & compile' },
  { key: 'sessionCreateMs', label: 'Session creation' },
  { key: 'firstRunMs', label: 'First run' },
  { key: 'warmRunMs', label: 'A warm run' },
] as const satisfies readonly { key: keyof ColdStart; label: string }[];

export type ColdStartRow = { readonly key: string; readonly label: string; readonly totalMs: number } & Readonly<Record<keyof ColdStart, number>>;

/** One stacked bar per configuration (unknown steps count as 0). */
export function coldStartRows(profiles: readonly ConfigProfile[], adapter?: WebGpuAdapterInfo | null): ColdStartRow[] {
  return profiles.map((p) => {
    const c = p.coldStart;
    const values = { readMs: c.readMs ?? 0, runtimeMs: c.runtimeMs ?? 0, sessionCreateMs: c.sessionCreateMs, firstRunMs: c.firstRunMs, warmRunMs: c.warmRunMs };
    return { key: configKey(p), label: configLabel(p, adapter), totalMs: Object.values(values).reduce((a, b) => a + b, 0), ...values };
  });
}

export interface OpTypeBar {
  readonly opType: string;
  readonly ms: number;
  /** Share of the summed node time, 0–1. */
  readonly share: number;
}

/** The operator types taking the most time, the rest summed as "other". */
export function opTypeBars(profile: OperatorProfile, top = 8): OpTypeBar[] {
  const total = profile.byOpType.reduce((sum, t) => sum + t.totalMs, 0);
  const share = (ms: number): number => (total > 0 ? ms / total : 0);
  const head = profile.byOpType.slice(0, top).map((t) => ({ opType: t.opType, ms: t.totalMs, share: share(t.totalMs) }));
  const rest = profile.byOpType.slice(top).reduce((sum, t) => sum + t.totalMs, 0);
  return rest > 0 ? [...head, { opType: `other (${profile.byOpType.length - top} types)`, ms: rest, share: share(rest) }] : head;
}

/**
 * Where a warm run's time goes, as two splits of the same whole that each add up
 * to `runMs` (the shown run's model_run):
 * - the CPU side: the nodes' kernel calls (on WebGPU: dispatching them, and the
 *   nodes left on the CPU) + everything outside the nodes (inputs, outputs, and
 *   on WebGPU waiting for the GPU and reading back);
 * - the GPU side (WebGPU with timestamps): busy running programs + idle.
 * The two overlap in time (the GPU runs while the CPU dispatches), so their
 * parts must never be added across the splits.
 */
export interface RunBreakdown {
  readonly runMs: number;
  readonly nodesMs: number;
  readonly outsideMs: number;
  readonly gpuBusyMs: number | null;
  readonly gpuIdleMs: number | null;
}

export function runBreakdown(profile: OperatorProfile): RunBreakdown {
  const runMs = profile.runMs;
  const nodesMs = Math.min(profile.cpuKernelsMs, runMs);
  // Profiles saved before gpuBusyMs existed: the programs' sum, capped by the run.
  const busy = profile.gpuBusyMs ?? (profile.gpuKernelsMs === null ? null : Math.min(profile.gpuKernelsMs, runMs));
  return { runMs, nodesMs, outsideMs: runMs - nodesMs, gpuBusyMs: busy, gpuIdleMs: busy === null ? null : runMs - busy };
}
