import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBenchmark } from './native-baseline';

describe('the native baseline', () => {
  it('times the package through the playground engine on onnxruntime-node, with the example repeated to each batch size', async () => {
    const result = await nativeBenchmark('public/examples/iris-pipeline', { batchSizes: [1, 4], warmupRuns: 1, stop: { kind: 'runs', runs: 3 }, inputs: 'example', threads: 1 });
    expect(result.ortNodeVersion).toMatch(/^\d+\.\d+/);
    expect(result.points.map((p) => [p.batchSize, p.samplesMs.length])).toEqual([
      [1, 3],
      [4, 3],
    ]);
    expect(result.points.every((p) => p.p50Ms > 0)).toBe(true);
  });

  it('uses seeded random inputs, and says why when asked for an example the package does not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'native-'));
    copyFileSync('public/examples/digits-cnn/model.onnx', join(dir, 'model.onnx'));
    const settings = { batchSizes: [2], warmupRuns: 0, stop: { kind: 'runs', runs: 1 } as const, threads: 1 };
    const random = await nativeBenchmark(dir, { ...settings, inputs: 'random' });
    expect(random.points[0]!.batchSize).toBe(2);
    await expect(nativeBenchmark(dir, { ...settings, inputs: 'example' })).rejects.toThrow(/no input example/);
  });
});
