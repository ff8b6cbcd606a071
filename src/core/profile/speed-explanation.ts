import { describeAdapter, verdictLabel } from '../benchmark/adapter-kind';
import type { WebGpuAdapterInfo } from '../benchmark/run';
import { formatRatio } from '../stats/uncertain-figure';
import { copyMsOf, type ConfigProfile } from './config-profile';
import { runBreakdown } from './speed-series';

/** Above this share of the run the GPU sets the pace; below the lower one, overhead does. */
export const GPU_BOUND = 0.6;
export const OVERHEAD_BOUND = 0.3;

/** 0.133 ms, 21.9 ms, 7.49 s: three significant digits, seconds from a second on. */
const ms = (v: number): string => (v >= 1000 ? `${Number((v / 1000).toPrecision(3))} s` : `${Number(v.toPrecision(3))} ms`);
const pct = (share: number): string => `${Math.round(share * 100)} %`;

/** What a new page pays before the first answer, against a warm run. */
export function coldStartSentence(p: ConfigProfile, label: string): string {
  const c = p.coldStart;
  const steps = [
    ...(c.readMs !== null ? [`${ms(c.readMs)} reading the package`] : []),
    ...(c.runtimeMs !== null ? [`${ms(c.runtimeMs)} starting the runtime${p.backend === 'webgpu' ? ' (the WebGPU device)' : ' (fetching and compiling its WebAssembly)'}`] : []),
    `${ms(c.sessionCreateMs)} creating the session`,
    `${ms(c.firstRunMs)} for the first run${p.backend === 'webgpu' ? ', which compiles the GPU programs' : ''}`,
  ];
  const total = (c.readMs ?? 0) + (c.runtimeMs ?? 0) + c.sessionCreateMs + c.firstRunMs;
  const ratio = c.warmRunMs > 0 ? ` The first run costs ${formatRatio(c.firstRunMs / c.warmRunMs)} a warm one.` : '';
  return `Cold start: a new page waits ${ms(total)} for ${label}’s first answer — ${steps.join(', ')}. After that a run takes ${ms(c.warmRunMs)}.${ratio}`;
}

/** Where a warm run goes, in words, from the parts that add up to it. */
export function warmRunSentence(p: ConfigProfile, software: boolean): string | null {
  if (!p.operators) return null;
  const b = runBreakdown(p.operators);
  const head = `A warm run (${ms(b.runMs)} inside onnxruntime, at batch ${p.batchSize})`;
  if (p.backend !== 'webgpu') {
    const share = b.runMs > 0 ? b.nodesMs / b.runMs : 0;
    const pace =
      share >= GPU_BOUND
        ? `The run is bound by computation on ${p.threads} thread${p.threads === 1 ? '' : 's'}: more threads or a smaller model would shorten it.`
        : share <= OVERHEAD_BOUND
          ? 'Overhead, not computation, dominates: batching requests spreads it over more samples.'
          : 'Computation and overhead share the run.';
    return `${head} spends ${ms(b.nodesMs)} (${pct(share)}) computing in its nodes and ${ms(b.outsideMs)} outside them (passing inputs and outputs in and out of WebAssembly memory). ${pace}`;
  }
  if (b.gpuBusyMs === null || b.gpuIdleMs === null) {
    return `${head}: its nodes take ${ms(b.nodesMs)} on the CPU side to dispatch; the other ${ms(b.outsideMs)} are outside the nodes — waiting for the GPU and reading the outputs back (this adapter gave no GPU timestamps, so GPU time cannot be told from waiting).`;
  }
  const busy = b.runMs > 0 ? b.gpuBusyMs / b.runMs : 0;
  const pace =
    busy >= GPU_BOUND
      ? software
        ? 'The run is bound by GPU compute — here, CPU cores emulating a GPU.'
        : 'The run is bound by GPU compute: a faster GPU would shorten it.'
      : busy <= OVERHEAD_BOUND
        ? `The GPU idles most of the run: at batch ${p.batchSize} the model is too small to keep it busy, and dispatching, uploading and reading back dominate. A larger batch spreads that overhead; for single requests WASM avoids it.`
        : 'GPU compute and overhead share the run.';
  return `${head}: the GPU is busy running the model’s programs for ${ms(b.gpuBusyMs)} (${pct(busy)}) and idle for the other ${ms(b.gpuIdleMs)}, waiting for the CPU to dispatch the nodes (${ms(b.nodesMs)} of CPU-side node time, partly while the GPU works), for the inputs to go up and for the outputs to come back. ${pace}`;
}

/** WebGPU: nodes left on the CPU and the copies they cost. */
export function placementSentence(p: ConfigProfile): string | null {
  const placement = p.placement;
  if (p.backend !== 'webgpu' || !placement) return null;
  if (placement.cpuNodeCount === 0) return `Every node runs on the GPU: no copies between GPU and CPU memory inside the graph.`;
  const copies = copyMsOf(p);
  const share = copies !== null && p.operators && p.operators.runMs > 0 ? ` (${pct(copies / p.operators.runMs)} of the run, waiting for the GPU included)` : '';
  const named = placement.cpuNodes.length > 0 ? ` (${placement.cpuNodes.slice(0, 3).map((n) => n.opType).join(', ')}${placement.cpuNodes.length > 3 ? ', …' : ''})` : '';
  const cost = copies !== null ? `; the ${placement.copies.length} copies between GPU and CPU memory around them take ${ms(copies)} per run${share}` : '';
  return `${placement.cpuNodeCount} node${placement.cpuNodeCount === 1 ? '' : 's'} fall${placement.cpuNodeCount === 1 ? 's' : ''} back to the CPU${named}${cost}.`;
}

/** Warm and cold, the backends against each other, when more than one was profiled. */
function comparisonSentence(profiles: readonly ConfigProfile[], adapter: WebGpuAdapterInfo | null): string | null {
  if (profiles.length < 2) return null;
  const byWarm = [...profiles].sort((a, b) => a.coldStart.warmRunMs - b.coldStart.warmRunMs);
  const [fast, slow] = [byWarm[0]!, byWarm[byWarm.length - 1]!];
  const cold = (p: ConfigProfile): number => (p.coldStart.runtimeMs ?? 0) + p.coldStart.sessionCreateMs + p.coldStart.firstRunMs;
  const byCold = [...profiles].sort((a, b) => cold(a) - cold(b));
  const warmRatio = fast.coldStart.warmRunMs > 0 ? formatRatio(slow.coldStart.warmRunMs / fast.coldStart.warmRunMs) : '—';
  return `Warm, ${verdictLabel(fast, adapter)} runs in ${ms(fast.coldStart.warmRunMs)}, ${warmRatio} faster than ${verdictLabel(slow, adapter)} at ${ms(slow.coldStart.warmRunMs)}. Cold, ${verdictLabel(byCold[0]!, adapter)} answers first (${ms(cold(byCold[0]!))} from a new engine).`;
}

/**
 * The profile in plain language, built only from what was measured: cold start
 * against warm, GPU time against dispatch and readback, CPU-fallback nodes and
 * copies, and what the WebGPU adapter is.
 */
export function explainProfiles(profiles: readonly ConfigProfile[], adapter: WebGpuAdapterInfo | null): string[] {
  const software = adapter?.software === true;
  const lines: string[] = [];
  const compared = comparisonSentence(profiles, adapter);
  if (compared) lines.push(compared);
  for (const p of profiles) {
    const label = verdictLabel(p, adapter);
    lines.push(coldStartSentence(p, label));
    const warm = warmRunSentence(p, software);
    if (warm) lines.push(`${label}: ${warm}`);
    const placed = placementSentence(p);
    if (placed) lines.push(`${label}: ${placed}`);
  }
  if (adapter && profiles.some((p) => p.backend === 'webgpu')) lines.push(describeAdapter(adapter));
  return lines;
}
