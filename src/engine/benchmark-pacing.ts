import type { BenchmarkPhase, BenchmarkProgress, BenchmarkRequest } from '../core/protocol/benchmark';

/** How often the loop lets the worker read its messages (a cancel), outside any timed region. */
const YIELD_EVERY_MS = 50;
/** How often progress is reported. */
const PROGRESS_EVERY_MS = 250;

/** A macrotask boundary: lets the worker handle incoming messages (a `session.run` may resolve through microtasks only). */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** What the benchmark loop does between samples, never inside one: report progress, let a cancel in. */
export interface BenchmarkPacer {
  /** Reports progress at most every 250 ms, or now when `force`d (a phase starts). */
  report(phase: BenchmarkPhase, pointIndex: number, runsDone: number, phaseStart: number, at: number, force?: boolean): void;
  /** Lets the worker read its messages every 50 ms; true when the run is cancelled. */
  shouldStop(at: number): Promise<boolean>;
}

/** Reads the clock once, now: the first yield is due 50 ms from here. */
export function benchmarkPacer(request: BenchmarkRequest, onProgress: (progress: BenchmarkProgress) => void, cancelled: () => boolean, now: () => number): BenchmarkPacer {
  const pointCount = request.points.length;
  let lastProgress = Number.NEGATIVE_INFINITY;
  let lastYield = now();
  return {
    report(phase, pointIndex, runsDone, phaseStart, at, force = false) {
      if (!force && at - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = at;
      onProgress({ runId: request.runId, phase, pointIndex, pointCount, batchSize: request.points[pointIndex]!.batchSize, runsDone, elapsedMs: at - phaseStart });
    },
    async shouldStop(at) {
      if (at - lastYield >= YIELD_EVERY_MS) {
        await nextTask();
        lastYield = now();
      }
      return cancelled();
    },
  };
}
