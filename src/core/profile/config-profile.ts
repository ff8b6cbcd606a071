import type { BackendConfig, BackendId, SessionTuning } from '../protocol/engine-api';
import { sessionConfigRecord, type SessionConfigRecord } from '../protocol/session-options';
import type { ProfileMeasurement } from '../protocol/profile';
import { percentile } from '../stats/percentile';
import { operatorProfile, type OperatorProfile } from './operator-profile';
import { parsePlacementLog, placementGroupsFromEvents, placementOf, type Placement } from './placement';

/** A load and first run taken apart, in milliseconds (the benchmark file's `coldStart`). */
export interface ColdStart {
  /** Reading (downloading) and unzipping the package on the page; null when unknown. */
  readonly readMs: number | null;
  /** Fetching and compiling the onnxruntime WASM binary, or creating the WebGPU device, in a new engine; null if not measured. */
  readonly runtimeMs: number | null;
  /** Session creation: graph optimisation, kernel set-up, weights uploaded. */
  readonly sessionCreateMs: number;
  /** The session's first run (WebGPU compiles its shaders here). */
  readonly firstRunMs: number;
  /** A warm run (median of the warm runs), for scale. */
  readonly warmRunMs: number;
}

/** One configuration taken apart: cold start, where a warm run's time goes, where nodes run, memory. */
export interface ConfigProfile {
  readonly backend: BackendId;
  readonly threads: number;
  readonly batchSize: number;
  readonly modelBytes: number;
  readonly coldStart: ColdStart;
  readonly operators: OperatorProfile | null;
  /** Why `operators` is missing, or a caveat about it. */
  readonly profilerNote: string | null;
  /** WebGPU only: which nodes run on the CPU instead. */
  readonly placement: Placement | null;
  readonly wasmHeapBytes: { readonly afterLoad: number; readonly afterRuns: number } | null;
  /** The session options it ran with (absent in profiles kept before they were recorded). */
  readonly session?: SessionConfigRecord;
}

export function coldStartOf(m: ProfileMeasurement, readMs: number | null): ColdStart {
  return {
    readMs,
    runtimeMs: m.runtimeStartMs,
    sessionCreateMs: m.sessionCreateMs,
    firstRunMs: m.firstRunMs,
    warmRunMs: m.warmRunsMs.length > 0 ? percentile(m.warmRunsMs, 50) : m.firstRunMs,
  };
}

function placementFrom(m: ProfileMeasurement): Placement | null {
  if (m.backend !== 'webgpu') return null;
  const logged = m.placementLog ? parsePlacementLog(m.placementLog) : null;
  if (logged) return placementOf(logged, 'verbose-log', m.events);
  const fromEvents = placementGroupsFromEvents(m.events);
  return fromEvents ? placementOf(fromEvents, 'profiler', m.events) : null;
}

export function configProfile(config: BackendConfig, m: ProfileMeasurement, readMs: number | null, modelBytes: number, tuning?: SessionTuning): ConfigProfile {
  const operators = operatorProfile(m.events);
  const note =
    m.profilerNote ??
    (operators === null
      ? 'onnxruntime printed no profile for this session.'
      : m.backend === 'webgpu' && operators.gpuKernelsMs === null
        ? 'This adapter gave no GPU timestamps: WebGPU nodes show the CPU time to dispatch them, not their GPU time.'
        : null);
  return {
    backend: config.backend,
    threads: config.threads,
    session: sessionConfigRecord(config.backend, tuning),
    batchSize: m.batchSize,
    modelBytes,
    coldStart: coldStartOf(m, readMs),
    operators,
    profilerNote: note,
    placement: placementFrom(m),
    wasmHeapBytes: m.wasmHeapBytes,
  };
}

/** Milliseconds per run spent in the GPU↔CPU copies onnxruntime inserted (CPU side, waiting included). */
export function copyMsOf(profile: ConfigProfile): number | null {
  if (!profile.operators || !profile.placement || profile.placement.copies.length === 0) return null;
  return profile.operators.nodes.filter((n) => n.opType === 'MemcpyToHost' || n.opType === 'MemcpyFromHost').reduce((sum, n) => sum + n.ms, 0);
}

const ms = (value: number): number => Math.round(value * 1e4) / 1e4;
const msOrNull = (value: number | null): number | null => (value === null ? null : ms(value));

/** How many of the slowest nodes the benchmark file lists. */
export const SLOWEST_NODES = 10;

/** The benchmark file's `--profile` fields for one result, as issue #7 names them. */
export interface ReportSpeedFields {
  readonly profile: readonly { readonly opType: string; readonly totalMs: number; readonly count: number }[];
  readonly slowestNodes: readonly { readonly name: string; readonly opType: string; readonly ms: number }[];
  readonly placement?: { readonly cpuNodes: number; readonly nodes: readonly { readonly name: string; readonly opType: string }[] };
  readonly coldStart: { readonly readMs: number | null; readonly runtimeMs: number | null; readonly sessionCreateMs: number; readonly firstRunMs: number; readonly warmRunMs: number };
}

export function reportSpeedFields(p: ConfigProfile): ReportSpeedFields {
  const c = p.coldStart;
  return {
    profile: (p.operators?.byOpType ?? []).map((t) => ({ opType: t.opType, totalMs: ms(t.totalMs), count: t.count })),
    slowestNodes: (p.operators?.nodes ?? []).slice(0, SLOWEST_NODES).map((n) => ({ name: n.name, opType: n.opType, ms: ms(n.ms) })),
    ...(p.backend === 'webgpu' && p.placement ? { placement: { cpuNodes: p.placement.cpuNodeCount, nodes: p.placement.cpuNodes.map((n) => ({ name: n.name, opType: n.opType })) } } : {}),
    coldStart: { readMs: msOrNull(c.readMs), runtimeMs: msOrNull(c.runtimeMs), sessionCreateMs: ms(c.sessionCreateMs), firstRunMs: ms(c.firstRunMs), warmRunMs: ms(c.warmRunMs) },
  };
}
