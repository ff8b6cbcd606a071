import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { nodeNameOf, parseProfilerLines } from '../profile/profiler-events';
import { tensorIn } from './graph-model';
import { encodeModel, graphFrom, int, ints, tensorType, weight } from './test-models.fixture';
import { bindShape } from './work-estimate';

/**
 * The shapes the graph view infers, checked against the shapes onnxruntime-node's own profiler
 * records for every node (graph optimisation off, so its nodes are the model's).
 */
async function profiledShapes(bytes: Uint8Array, feeds: Record<string, ort.Tensor>): Promise<Map<string, { opType: string; outputs: number[][] }>> {
  const dir = mkdtempSync(join(tmpdir(), 'graph-shapes-'));
  try {
    const session = await ort.InferenceSession.create(bytes, { enableProfiling: true, profileFilePrefix: join(dir, 'p'), graphOptimizationLevel: 'disabled' });
    await session.run(feeds);
    session.endProfiling();
    await session.release();
    // onnxruntime-node writes <prefix>_<timestamp>.json.
    const [file] = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const events = parseProfilerLines(readFileSync(join(dir, file!), 'utf8').split('\n'));
    const nodes = new Map<string, { opType: string; outputs: number[][] }>();
    for (const e of events) {
      const name = nodeNameOf(e);
      if (name !== null && e.shapes) nodes.set(name, { opType: e.opType ?? '', outputs: e.shapes.outputs.map((s) => [...s.dims]) });
    }
    return nodes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function compare(bytes: Uint8Array, feeds: Record<string, ort.Tensor>, bindings: Record<string, number>): Promise<number> {
  const model = graphFrom(bytes);
  const profiled = await profiledShapes(bytes, feeds);
  let checked = 0;
  for (const node of model.nodes) {
    const actual = profiled.get(node.name);
    if (!actual) continue;
    expect(actual.opType, node.name).toBe(node.opType);
    node.outputs.forEach((name, i) => {
      const inferred = bindShape(tensorIn(model, node.group, name)?.shape ?? null, bindings);
      const real = actual.outputs[i];
      if (!real || inferred === null) return;
      expect(inferred, `${node.name} (${node.opType}) output ${name}`).toEqual(real.map((d, k) => (inferred[k] === null ? null : d)));
      checked += inferred.filter((d) => d !== null).length;
    });
  }
  return checked;
}

const floats = (n: number) => new Float32Array(n).fill(0.5);

describe('inferred shapes agree with onnxruntime-node', () => {
  it('on the digits CNN at batch 3', async () => {
    const bytes = readFileSync('public/examples/digits-cnn/model.onnx');
    const checked = await compare(bytes, { pixels: new ort.Tensor('float32', floats(3 * 64), [3, 1, 8, 8]) }, { batch: 3 });
    expect(checked).toBeGreaterThan(30);
  });

  it('on windows, transposed convolutions, reshaping and reductions', async () => {
    const bytes = encodeModel(
      {
        initializer: [weight('w1', [6, 2, 3, 3]), weight('w2', [6, 3, 2, 2]), weight('g', [10, 36]), weight('idx', [2])],
        node: [
          { opType: 'Conv', name: 'conv', input: ['x', 'w1'], output: ['c'], attribute: [ints('strides', [2, 1]), ints('pads', [1, 0, 2, 1]), int('group', 2), ints('dilations', [1, 2])] },
          { opType: 'MaxPool', name: 'pool', input: ['c'], output: ['p'], attribute: [ints('kernel_shape', [2, 2]), int('ceil_mode', 1), ints('strides', [2, 2])] },
          { opType: 'ConvTranspose', name: 'up', input: ['p', 'w2'], output: ['u'], attribute: [ints('strides', [2, 2]), ints('output_padding', [1, 0]), int('group', 2)] },
          { opType: 'Transpose', name: 'tr', input: ['u'], output: ['t'], attribute: [ints('perm', [0, 2, 3, 1])] },
          { opType: 'ReduceMean', name: 'mean', input: ['t'], output: ['m'], attribute: [ints('axes', [1]), int('keepdims', 0)] },
          { opType: 'Flatten', name: 'flat', input: ['m'], output: ['f'] },
          { opType: 'Unsqueeze', name: 'unsq', input: ['f'], output: ['us'], attribute: [ints('axes', [0, 3])] },
          { opType: 'Squeeze', name: 'sq', input: ['us'], output: ['s'], attribute: [ints('axes', [0, 3])] },
          { opType: 'Gemm', name: 'gemm', input: ['s', 'g'], output: ['y'], attribute: [int('transB', 1)] },
          { opType: 'Concat', name: 'cat', input: ['y', 'y'], output: ['cat'], attribute: [int('axis', 1)] },
          { opType: 'GlobalAveragePool', name: 'gap', input: ['c'], output: ['gp'] },
        ],
        input: [{ name: 'x', type: tensorType(['N', 4, 11, 9]) }],
        output: [{ name: 'cat' }, { name: 'gp' }],
      },
      11,
      7,
    );
    const checked = await compare(bytes, { x: new ort.Tensor('float32', floats(2 * 4 * 11 * 9), [2, 4, 11, 9]) }, { N: 2 });
    expect(checked).toBeGreaterThan(30);
  });
});
