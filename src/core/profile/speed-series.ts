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

/** Where a warm run's time goes beyond its nodes: "outside" is model_run minus the nodes (CPU side). */
export function runBreakdown(profile: OperatorProfile): { readonly nodesMs: number; readonly outsideMs: number } {
  return { nodesMs: profile.cpuKernelsMs, outsideMs: Math.max(0, profile.runMs - profile.cpuKernelsMs) };
}
