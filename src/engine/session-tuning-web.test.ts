import { readFileSync } from 'node:fs';
import * as ortWeb from 'onnxruntime-web/wasm';
import { describe, expect, it } from 'vitest';
import { createEngine } from './create-engine';
import type { OrtRuntime } from './ort-runtime';
import type { SessionTuning } from '../core/protocol/engine-api';
import { toPayload } from '../core/schema/host-tensor';

// onnxruntime-web itself (its WASM build runs in Node too): onnxruntime-node ignores
// freeDimensionOverrides, so the option's effect is shown on the runtime the app ships.
const IRIS = new Uint8Array(readFileSync(new URL('../../public/examples/iris-pipeline/model.onnx', import.meta.url)));
const rows = (n: number) => ({ float_input: toPayload({ dtype: 'float32', dims: [n, 4], data: new Float32Array(n * 4).fill(5) }) });

async function loaded(sessionId: string, tuning: SessionTuning) {
  const engine = createEngine(ortWeb as unknown as OrtRuntime, { now: () => performance.now(), crossOriginIsolated: false });
  ortWeb.env.wasm.numThreads = 1;
  const load = await engine.load({ sessionId, fileName: 'model.onnx', modelBytes: IRIS.slice().buffer, backend: 'wasm', format: 'onnx', tuning });
  expect(load.ok).toBe(true);
  return engine;
}

describe('session tuning on onnxruntime-web (WASM, in Node)', () => {
  it('fixes a symbolic dimension with freeDimensionOverrides: the model then takes that size and no other', async () => {
    const fixed = await loaded('fixed', { freeDimensionOverrides: { batch: 4 } });
    expect((await fixed.run('fixed', rows(4))).ok).toBe(true);
    const refused = await fixed.run('fixed', rows(2));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Got: 2 Expected: 4/);
    // Without the override the same model takes any batch.
    const free = await loaded('free', {});
    expect((await free.run('free', rows(2))).ok).toBe(true);
  });
});
