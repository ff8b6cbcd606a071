import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphFrom } from '../graph/test-models.fixture';
import { estimateRunMemory, HEAP_MARGIN_BYTES, largestFittingBatch, WASM_HEAP_BYTES, type RunMemoryModel } from './run-memory';
import { aboutCount, runMemoryRefusal } from './run-memory-refusal';
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
      workingSets: { sets: [[{ bytes: 8, dims: ['n'] }], [{ bytes: 4, dims: ['unk__3'] }]], nodes: 5, unknownNodes: 2, unknownExample: 'Loop “body”' },
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
  it('says what batch 300,000 needs, of what, what the heap holds, and the largest batch that fits', () => {
    const dims = { batch: 300_000 };
    const e = estimateRunMemory(mlpLarge, dims, 'wasm');
    const error = runMemoryRefusal(e, dims, BATCH, largestFittingBatch(mlpLarge, dims, BATCH, 'wasm'));
    expect(error.code).toBe('too-large-for-memory');
    expect(error.message).toBe(
      'Batch 300,000 needs at least 4.7 GB of memory (inputs 73.2 MB, outputs 11.4 MB, the largest step 4.6 GB); this browser’s WebAssembly memory is 4.0 GB at most, 3.7 GB once the loaded models (24.6 MB) and a 256.0 MB margin are set aside; the largest batch that fits is about 239,000.',
    );
    expect(error.hint).toBe('Nothing was sent to the engine. Set “batch” to 239,000 or less, or run the rows in several smaller batches.');
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
