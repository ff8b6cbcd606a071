/**
 * The "WebGPU floor": what launching one GPU kernel costs on this machine, whatever it computes.
 * A probe model of N chained element-wise nodes (`x → Relu → Relu → … → y`, float32[1, 16]) is
 * timed at two N in the WebGPU worker; the difference per extra node is the per-dispatch
 * overhead. A model of K kernels cannot run faster than K × overhead on WebGPU at batch 1.
 */
export const FLOOR_NODE_COUNTS = [4, 64] as const;
export const FLOOR_INPUT = { name: 'x', dims: [1, 16] } as const;

export interface GpuFloorMeasurement {
  /** The p50 of one run at each node count of FLOOR_NODE_COUNTS, in ms. */
  readonly p50Ms: readonly [number, number];
  readonly nodeCounts: readonly [number, number];
  /** Milliseconds per extra kernel; 0 when the longer chain was not slower (below the clock's resolution). */
  readonly perDispatchMs: number;
  readonly software: boolean;
}

export function gpuFloor(nodeCounts: readonly [number, number], p50Ms: readonly [number, number], software: boolean): GpuFloorMeasurement {
  const perDispatchMs = Math.max(0, (p50Ms[1] - p50Ms[0]) / (nodeCounts[1] - nodeCounts[0]));
  return { nodeCounts, p50Ms, perDispatchMs, software };
}

export interface GpuFloorVerdict {
  readonly kernels: number;
  readonly floorMs: number;
  readonly wasmP50Ms: number | null;
  readonly sentence: string;
}

const fmt = (ms: number): string => (ms >= 10 ? ms.toFixed(1) : ms >= 0.01 ? ms.toPrecision(2) : ms.toExponential(1));

/** The model's kernels × the overhead, against WASM's p50 at batch 1: can the GPU win before any arithmetic? */
export function gpuFloorVerdict(floor: GpuFloorMeasurement, kernels: number, wasmP50Ms: number | null): GpuFloorVerdict {
  const floorMs = kernels * floor.perDispatchMs;
  const caveat = floor.software ? ' (This adapter emulates a GPU in software: a real GPU’s dispatch cost differs.)' : '';
  let sentence: string;
  if (wasmP50Ms === null) sentence = `At least ${fmt(floorMs)} ms per run on WebGPU before any arithmetic; benchmark or profile WASM at batch 1 to compare.${caveat}`;
  else if (floorMs >= wasmP50Ms) sentence = `WebGPU cannot win at batch 1 here: launching its ${kernels} kernels alone takes ${fmt(floorMs)} ms, more than WASM’s whole run (${fmt(wasmP50Ms)} ms). Larger batches spread that cost.${caveat}`;
  else sentence = `WebGPU can win at batch 1 only if its ${kernels} kernels compute in under ${fmt(wasmP50Ms - floorMs)} ms in all: their launches already take ${fmt(floorMs)} ms of WASM’s ${fmt(wasmP50Ms)} ms.${caveat}`;
  return { kernels, floorMs, wasmP50Ms, sentence };
}
