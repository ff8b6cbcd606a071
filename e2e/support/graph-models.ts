import { modelProtoType } from '../../src/core/package/onnx-schema';

const FLOAT = 1;
const WIDTH = 8;
const tensorType = (dims: (number | string)[]) => ({ tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } });

/**
 * A deep residual MLP with at least `nodes` nodes: blocks of MatMul → Add → Relu, and every
 * other block a residual Add back to the block's input, like the long chains of a transformer.
 * Weights are tiny ([8, 8]) so the file stays small; unnamed nodes every 50th, as exporters leave some.
 */
export function deepResidualModel(nodes: number): Uint8Array {
  const node: object[] = [];
  const initializer: object[] = [];
  let current = 'x';
  for (let b = 0; node.length < nodes; b++) {
    const input = current;
    initializer.push({ name: `W${b}`, dataType: FLOAT, dims: [WIDTH, WIDTH], floatData: Array.from({ length: WIDTH * WIDTH }, (_, i) => ((i % (WIDTH + 1) === 0 ? 0.5 : 0.01) * (b % 2 ? 1 : -1))) });
    initializer.push({ name: `B${b}`, dataType: FLOAT, dims: [WIDTH], floatData: new Array(WIDTH).fill(0.01) });
    node.push({ opType: 'MatMul', name: `block${b}/matmul`, input: [input, `W${b}`], output: [`b${b}_mm`] });
    node.push({ opType: 'Add', name: `block${b}/bias`, input: [`b${b}_mm`, `B${b}`], output: [`b${b}_add`] });
    node.push({ opType: 'Relu', name: b % 50 === 49 ? '' : `block${b}/relu`, input: [`b${b}_add`], output: [`b${b}_act`] });
    current = `b${b}_act`;
    if (b % 2 === 1) {
      node.push({ opType: 'Add', name: `block${b}/residual`, input: [current, input], output: [`b${b}_res`] });
      current = `b${b}_res`;
    }
  }
  node.push({ opType: 'Identity', name: 'output', input: [current], output: ['y'] });
  return modelProtoType
    .encode(
      modelProtoType.fromObject({
        irVersion: 8,
        producerName: 'onnx-playground-e2e',
        opsetImport: [{ domain: '', version: 17 }],
        graph: { name: 'deep_residual', node, initializer, input: [{ name: 'x', type: tensorType(['N', WIDTH]) }], output: [{ name: 'y', type: tensorType(['N', WIDTH]) }] },
      }),
    )
    .finish();
}
