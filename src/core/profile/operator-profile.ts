import type { ProfiledShape, ProfilerEvent } from '../protocol/profile';
import { gpuProgramOf, nodeNameOf } from './profiler-events';

/** One node of the optimised graph, in the warm run shown. */
export interface NodeTiming {
  readonly name: string;
  /** The operator that ran, after graph optimisation (e.g. FusedConv). */
  readonly opType: string;
  /** The execution provider onnxruntime assigned it to (e.g. WebGpuExecutionProvider). */
  readonly provider: string;
  /** Milliseconds on the CPU side, as the session profiler timed the kernel call. */
  readonly cpuMs: number;
  /** Milliseconds of its WebGPU programs on the GPU (timestamp queries); null when it dispatched none. */
  readonly gpuMs: number | null;
  /** The time this node costs where it runs: `gpuMs` for a node with GPU programs, `cpuMs` otherwise. */
  readonly ms: number;
  readonly clock: 'gpu' | 'cpu';
  /** The element types and dims of its inputs and outputs in that run, as the profiler recorded them. */
  readonly shapes?: { readonly inputs: readonly ProfiledShape[]; readonly outputs: readonly ProfiledShape[] };
}

export interface OpTypeTiming {
  readonly opType: string;
  /** Milliseconds in the run, all nodes of this type together. */
  readonly totalMs: number;
  /** Nodes of this type in the graph that ran. */
  readonly count: number;
}

/**
 * Where a warm run's time goes, from onnxruntime's own profiler: the median of the
 * warm runs recorded (by `model_run`), all its figures from that one run, so that they
 * add up and a run slowed by something else (a GC pause, another tab) is not mixed in.
 */
export interface OperatorProfile {
  /** Warm runs recorded (the profiler's first, cold run is left out); the median one is shown. */
  readonly runs: number;
  /** The shown run's `model_run`: the whole `session.run` inside onnxruntime, outputs included. */
  readonly runMs: number;
  /** The fastest and slowest of the warm runs recorded, for scale. */
  readonly runRangeMs: { readonly min: number; readonly max: number };
  /** The shown run's `SequentialExecutor::Execute`: the graph's nodes one after the other, on the CPU side. */
  readonly executeMs: number;
  /** Sum of every node's CPU-side time. */
  readonly cpuKernelsMs: number;
  /** Sum of every GPU program's time; null without GPU timestamps. */
  readonly gpuKernelsMs: number | null;
  /**
   * How long the GPU was busy within the shown run: the union of its programs'
   * intervals, clipped to the run (so it never exceeds `runMs`, even if programs
   * overlap or the GPU clock is skewed); null without GPU timestamps.
   */
  readonly gpuBusyMs: number | null;
  /** Nodes, slowest first. */
  readonly nodes: readonly NodeTiming[];
  /** Operator types, most time first. */
  readonly byOpType: readonly OpTypeTiming[];
}

interface Window {
  readonly start: number;
  readonly end: number;
}

/** Microseconds covered by the spans inside the window, overlaps counted once. */
function unionWithin(spans: readonly (readonly [number, number])[], window: Window): number {
  const clipped = spans.map(([a, b]) => [Math.max(a, window.start), Math.min(b, window.end)] as const).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** The run an event belongs to: the window that contains it, else the last one started before it. */
function runIndex(windows: readonly Window[], ts: number): number {
  let last = -1;
  for (const [i, w] of windows.entries()) {
    if (ts >= w.start && ts <= w.end) return i;
    if (w.start <= ts) last = i;
  }
  return last;
}

/**
 * The profile of the median warm run. Runs are the `model_run` events; Node and
 * (WebGPU) Api events belong to the run whose window holds them. The first
 * `skipRuns` runs are left out (the cold run: WebGPU compiles its shaders there),
 * unless there is nothing else. Returns null without any run.
 */
export function operatorProfile(events: readonly ProfilerEvent[], skipRuns = 1): OperatorProfile | null {
  const runs = events.filter((e) => e.cat === 'Session' && e.name === 'model_run').sort((a, b) => a.ts - b.ts);
  if (runs.length === 0) return null;
  const windows = runs.map((r) => ({ start: r.ts, end: r.ts + r.dur }));
  const skip = runs.length > skipRuns ? skipRuns : 0;
  const warm = runs.map((r, i) => ({ i, dur: r.dur })).slice(skip);
  // The lower median, so that two runs show the faster one.
  const shown = [...warm].sort((a, b) => a.dur - b.dur || a.i - b.i)[Math.floor((warm.length - 1) / 2)]!.i;
  const kept = (ts: number): boolean => runIndex(windows, ts) === shown;

  const cpu = new Map<string, { opType: string; provider: string; us: number; shapes: ProfilerEvent['shapes'] }>();
  const gpu = new Map<string, { opType: string; us: number }>();
  const gpuSpans: [number, number][] = [];
  for (const e of events) {
    if (!kept(e.ts)) continue;
    const node = nodeNameOf(e);
    if (node !== null) {
      const entry = cpu.get(node) ?? { opType: e.opType ?? 'unknown', provider: e.provider ?? 'unknown', us: 0, shapes: e.shapes };
      entry.us += e.dur;
      cpu.set(node, entry);
      continue;
    }
    const program = gpuProgramOf(e);
    if (program) {
      const entry = gpu.get(program.node) ?? { opType: program.opType, us: 0 };
      entry.us += e.dur;
      gpu.set(program.node, entry);
      gpuSpans.push([e.ts, e.ts + e.dur]);
    }
  }
  const names = new Set([...cpu.keys(), ...gpu.keys()]);
  const nodes: NodeTiming[] = [...names].map((name) => {
    const c = cpu.get(name);
    const g = gpu.get(name);
    const cpuMs = (c?.us ?? 0) / 1000;
    const gpuMs = g ? g.us / 1000 : null;
    const timing: NodeTiming = { name, opType: c?.opType ?? g!.opType, provider: c?.provider ?? 'WebGpuExecutionProvider', cpuMs, gpuMs, ms: gpuMs ?? cpuMs, clock: gpuMs === null ? 'cpu' : 'gpu' };
    return c?.shapes ? { ...timing, shapes: c.shapes } : timing;
  });
  nodes.sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));

  const byType = new Map<string, { totalMs: number; count: number }>();
  for (const node of nodes) {
    const entry = byType.get(node.opType) ?? { totalMs: 0, count: 0 };
    entry.totalMs += node.ms;
    entry.count += 1;
    byType.set(node.opType, entry);
  }
  const byOpType = [...byType.entries()].map(([opType, t]) => ({ opType, ...t })).sort((a, b) => b.totalMs - a.totalMs || a.opType.localeCompare(b.opType));
  const execute = events.find((e) => e.cat === 'Session' && e.name === 'SequentialExecutor::Execute' && kept(e.ts));

  return {
    runs: warm.length,
    runMs: runs[shown]!.dur / 1000,
    runRangeMs: { min: Math.min(...warm.map((w) => w.dur)) / 1000, max: Math.max(...warm.map((w) => w.dur)) / 1000 },
    executeMs: (execute?.dur ?? 0) / 1000,
    cpuKernelsMs: nodes.reduce((sum, node) => sum + node.cpuMs, 0),
    gpuKernelsMs: gpu.size > 0 ? nodes.reduce((sum, node) => sum + (node.gpuMs ?? 0), 0) : null,
    gpuBusyMs: gpu.size > 0 ? unionWithin(gpuSpans, windows[shown]!) / 1000 : null,
    nodes,
    byOpType,
  };
}
