import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeModel, graphFrom, tensorType, weight } from '../graph/test-models.fixture';
import { estimateRunMemory, HEAP_MARGIN_BYTES, largestFittingBatch, WASM_HEAP_BYTES, type RunMemoryModel } from './run-memory';
import { aboutCount, runMemoryRefusal, runMemoryWarning } from './run-memory-refusal';
import { givenDims, modelHeapBytes } from './run-sizes';
import { workingSets } from './working-sets';

const bytes = readFileSync('public/examples/mlp-large/model.onnx');
const mlpLarge: RunMemoryModel = {
  inputs: [{ name: 'pixels_flat', dtype: 'float32', shape: ['batch', 64] }],
  outputs: [{ name: 'logits', dtype: 'float32', shape: ['batch', 10] }],
  workingSets: workingSets(graphFrom(new Uint8Array(bytes))),
  modelBytes: bytes.length,
};
const BATCH = { kind: 'symbolic', name: 'batch' } as const;
const GiB = 1024 ** 3;

describe('estimateRunMemory', () => {
  it('mlp-large at batch 300,000: inputs, outputs and the largest step ([batch, 2048] in and out, float32) against 4 GiB', () => {
    const e = estimateRunMemory(mlpLarge, { batch: 300_000 }, 'wasm');
    expect(e.inputs).toBe(300_000 * 64 * 4);
    expect(e.outputs).toBe(300_000 * 10 * 4);
    expect(e.largestStep).toBe(300_000 * 2048 * 4 * 2);
    expect(e.needed).toBe(e.inputs + e.outputs + e.largestStep);
    expect(e.heap).toBe(4 * GiB);
    expect(e.available).toBe(4 * GiB - bytes.length - HEAP_MARGIN_BYTES);
    expect(e.fits).toBe(false);
    expect(e.notBounded).toEqual([]);
  });

  it('mlp-large at batch 1,000 fits; on WebGPU the steps are not counted (they live on the device)', () => {
    expect(estimateRunMemory(mlpLarge, { batch: 1000 }, 'wasm').fits).toBe(true);
    const gpu = estimateRunMemory(mlpLarge, { batch: 300_000 }, 'webgpu');
    expect([gpu.stepsInHeap, gpu.largestStep, gpu.fits]).toEqual([false, 0, true]);
  });

  it('names what it cannot bound: text inputs, outputs sized by the data, steps without shapes, no graph at all', () => {
    const model: RunMemoryModel = {
      inputs: [{ name: 'words', dtype: 'string', shape: ['n'] }],
      outputs: [{ name: 'ids', dtype: 'int64', shape: ['k'] }, { name: 'score', dtype: 'float32', shape: [-1] }],
      workingSets: { sets: [[{ bytes: 8, dims: ['n'] }], [{ bytes: 4, dims: ['unk__3'] }]], floors: [], nodes: 5, unknownNodes: 2, unknownExample: 'Loop “body”' },
      modelBytes: 1000,
    };
    const e = estimateRunMemory(model, { n: 10 }, 'wasm');
    expect(e.inputs).toBe(0);
    expect(e.largestStep).toBe(80);
    expect(e.notBounded).toEqual([
      'text input “words”',
      'output “ids” (its size depends on the data)',
      'output “score” (its size depends on the data)',
      'the values of 2 of 5 steps (no shape known, e.g. Loop “body”)',
      'steps whose values have sizes set by the data (unk__3)',
    ]);
    expect(estimateRunMemory({ ...model, workingSets: null }, { n: 10 }, 'wasm').notBounded).toContain('the values between steps (the graph’s shapes could not be read)');
  });
});

describe('largestFittingBatch', () => {
  it('is the last batch whose estimate fits: one more does not', () => {
    const largest = largestFittingBatch(mlpLarge, {}, BATCH, 'wasm')!;
    // (4 GiB − model − margin) / (256 + 40 + 16,384 bytes a row)
    expect(largest).toBe(Math.floor((WASM_HEAP_BYTES - bytes.length - HEAP_MARGIN_BYTES) / (256 + 40 + 16_384)));
    expect(estimateRunMemory(mlpLarge, { batch: largest }, 'wasm').fits).toBe(true);
    expect(estimateRunMemory(mlpLarge, { batch: largest + 1 }, 'wasm').fits).toBe(false);
  });

  it('is null without a symbolic batch dimension, 0 when not a single row fits', () => {
    expect(largestFittingBatch(mlpLarge, {}, { kind: 'fixed', size: 1 }, 'wasm')).toBeNull();
    expect(largestFittingBatch({ ...mlpLarge, modelBytes: 4 * GiB }, {}, BATCH, 'wasm')).toBe(0);
  });
});

describe('runMemoryRefusal', () => {
  it('says what batch 300,000 needs at the least, of what, what the heap holds, and the largest batch that might fit', () => {
    const dims = { batch: 300_000 };
    const e = estimateRunMemory(mlpLarge, dims, 'wasm');
    // The floor alone exceeds the heap: Gemm 2 reads one [batch, 2048] float32 and writes another (2 × 2.3 GiB), beside the input.
    expect(e.floor).toBe(300_000 * (256 + 2 * 8192));
    expect(e.mayFit).toBe(false);
    const error = runMemoryRefusal(e, dims, BATCH, largestFittingBatch(mlpLarge, dims, BATCH, 'wasm', 'floor'));
    expect(error.code).toBe('too-large-for-memory');
    expect(error.message).toBe(
      'Batch 300,000 needs at least 4.6 GB of memory (inputs 73.2 MB, and 4.6 GB that its largest step must hold at once with the outputs made by then); this browser’s WebAssembly memory is 4.0 GB at most, 3.7 GB once the loaded models (24.6 MB) and a 256.0 MB margin are set aside; the largest batch that might fit is about 240,000.',
    );
    expect(error.hint).toBe('Nothing was sent to the engine. Set “batch” to 240,000 or less, or run the rows in several smaller batches.');
  });

  it('rounds "about" down to three significant digits', () => {
    expect([aboutCount(999), aboutCount(239_855), aboutCount(1_234_567)]).toEqual(['999', '239,000', '1,230,000']);
  });
});

describe('givenDims and modelHeapBytes', () => {
  it('binds symbolic dimensions from the data, over the chosen sizes', () => {
    const specs = [{ name: 'x', dtype: 'float32', shape: ['batch', 'seq', 4] }, { name: 'y', dtype: 'int64', shape: null }] as const;
    expect(givenDims(specs, { x: { dims: [7, 12, 4] }, y: { dims: [3] } }, { batch: 1, other: 5 })).toEqual({ batch: 7, seq: 12, other: 5 });
    // A tensor whose rank differs binds nothing (the run refuses it elsewhere).
    expect(givenDims(specs, { x: { dims: [7, 4] } }, {})).toEqual({});
  });

  it('counts the model file and its external data', () => {
    expect(modelHeapBytes(1000, null)).toBe(1000);
    expect(modelHeapBytes(1000, { externalDataBytes: { 'a.bin': 500, 'b.bin': 20 } } as never)).toBe(1520);
  });
});

/**
 * x[batch, 64] → Gemm 4096 → Relu → Gemm 10, the reviewer's relu_mlp. Reference: onnxruntime-web 1.30 WASM in node
 * (/tmp/review-memory/run-web.mjs) ran it at batch 180,000 and 230,000 and failed at 270,000. Relu writes in place, so
 * the old "needs at least" (every value of the Relu step in its own buffer, 2 × [batch, 4096]) refused batches that run.
 */
function reluMlp(): RunMemoryModel {
  const bytes = encodeModel({
    initializer: [weight('w1', [64, 4096]), weight('w2', [4096, 10])],
    node: [
      { opType: 'Gemm', name: 'g1', input: ['x', 'w1'], output: ['h'] },
      { opType: 'Relu', name: 'relu', input: ['h'], output: ['r'] },
      { opType: 'Gemm', name: 'g2', input: ['r', 'w2'], output: ['y'] },
    ],
    input: [{ name: 'x', type: tensorType(['batch', 64]) }],
    output: [{ name: 'y', type: tensorType(['batch', 10]) }],
  });
  return {
    inputs: [{ name: 'x', dtype: 'float32', shape: ['batch', 64] }],
    outputs: [{ name: 'y', dtype: 'float32', shape: ['batch', 10] }],
    workingSets: workingSets(graphFrom(bytes)),
    modelBytes: bytes.length,
  };
}

describe('the floor and the estimate (relu_mlp: runs at 180,000 and 230,000 in onnxruntime-web, fails at 270,000)', () => {
  const model = reluMlp();

  it('the floor is the input plus one [batch, 4096] (Relu may write in place; Gemm 2 reads r and writes y at once)', () => {
    const e = estimateRunMemory(model, { batch: 180_000 }, 'wasm');
    expect(e.floor).toBe(180_000 * (256 + 16_384 + 40));
    // The estimate counts h and r apart and y throughout: above the heap, so not "at least".
    expect(e.needed).toBe(180_000 * (256 + 40 + 2 * 16_384));
    expect([e.fits, e.mayFit]).toEqual([false, true]);
  });

  it('180,000 and 230,000 are not refused but warned about, with the range; 270,000 is refused', () => {
    for (const batch of [180_000, 230_000]) expect(estimateRunMemory(model, { batch }, 'wasm').mayFit).toBe(true);
    expect(estimateRunMemory(model, { batch: 270_000 }, 'wasm').mayFit).toBe(false);
    const dims = { batch: 180_000 };
    const warning = runMemoryWarning(estimateRunMemory(model, dims, 'wasm'), dims, BATCH, largestFittingBatch(model, dims, BATCH, 'wasm', 'estimate'));
    expect(warning.code).toBe('may-not-fit-memory');
    expect(warning.message).toMatch(/^Batch 180,000 may not fit in memory: about 2\.8 GB–5\.5 GB\. At least 2\.8 GB \(inputs 43\.9 MB, and 2\.8 GB that its largest step must hold at once with the outputs made by then\); 5\.5 GB if no buffer were reused/);
    expect(warning.hint).toMatch(/^Nothing was sent to the engine yet\. Run anyway to try .* set “batch” to 121,000 or less/);
    expect(largestFittingBatch(model, {}, BATCH, 'wasm', 'floor')).toBeGreaterThan(230_000);
    expect(largestFittingBatch(model, {}, BATCH, 'wasm', 'floor')).toBeLessThan(270_000);
  });
});

describe('inputs without a declared shape', () => {
  const model: RunMemoryModel = { inputs: [{ name: 'x', dtype: 'float32', shape: null }], outputs: [], workingSets: { sets: [], floors: [], nodes: 0, unknownNodes: 0 }, modelBytes: 0 };

  it('take the given tensor’s dims (a 2 GiB file tensor is 2 GiB, not 4 bytes)', () => {
    const e = estimateRunMemory(model, {}, 'wasm', { x: { dims: [512, 1024, 1024] } });
    expect(e.inputs).toBe(2 * GiB);
    expect(e.notBounded).toEqual([]);
  });

  it('are named as not bounded when no tensor is given', () => {
    const e = estimateRunMemory(model, {}, 'wasm');
    expect(e.inputs).toBe(0);
    expect(e.notBounded).toEqual(['input “x” (no shape declared)']);
  });
});
