import type { OrtRuntime } from './ort-runtime';

/** A one-node model (Identity on float32[1]): creating it starts the runtime, so that session creation is timed without it. */
const RUNTIME_PROBE_MODEL = Uint8Array.from([
  8, 8, 58, 55, 10, 16, 10, 1, 120, 18, 1, 121, 34, 8, 73, 100, 101, 110, 116, 105, 116, 121, 18, 1, 103, 90, 15, 10, 1, 120, 18, 10, 10, 8, 8, 1, 18, 4, 10, 2, 8, 1, 98,
  15, 10, 1, 121, 18, 10, 10, 8, 8, 1, 18, 4, 10, 2, 8, 1, 66, 2, 16, 17,
]);

/**
 * Starts the runtime (WASM compile, WebGPU device) with the probe model and
 * says how long that took: large the first time in a worker, about 1 ms after.
 * A failure is left for the real session to report, with its proper message.
 */
export async function startRuntime(ort: OrtRuntime, backend: string, now: () => number): Promise<number | null> {
  const started = now();
  try {
    const probe = await ort.InferenceSession.create(RUNTIME_PROBE_MODEL, { executionProviders: [backend] });
    const elapsed = now() - started;
    await probe.release().catch(() => undefined);
    return elapsed;
  } catch {
    return null;
  }
}
