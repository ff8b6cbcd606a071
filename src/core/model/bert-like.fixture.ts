import { modelProtoType, ONNX_ATTRIBUTE_TYPE as ATTR, ONNX_DATA_TYPE } from '../package/onnx-schema';
import type { TensorSpec } from '../protocol/tensor';

const { FLOAT, INT64 } = ONNX_DATA_TYPE;
const tensorType = (elemType: number, dims: (number | string)[]) => ({
  tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } },
});
const SHAPE = ['batch', 'sequence_length'];

/** The inputs of `bertLikeModel`, as a BERT export names them. */
export const BERT_LIKE_INPUTS: readonly TensorSpec[] = ['input_ids', 'token_type_ids', 'position_ids', 'attention_mask'].map((name) => ({ name, dtype: 'int64', shape: SHAPE }));

/**
 * A BERT-shaped toy, for tests: ids index a `vocab`-row word table, a 2-row token-type table and
 * a `positions`-row position table (Gather fails on an index past a table: "out of data
 * bounds"); the mask becomes an HF-style extended mask, (1 - mask) · float32 min, added to the
 * scores before a softmax, so a mask value other than 0 or 1 gives NaN.
 * Output `y [batch, sequence_length]`: the softmax over the sequence.
 */
export function bertLikeModel(vocab: number, positions: number): Uint8Array {
  const table = (name: string, rows: number) => ({ name, dataType: FLOAT, dims: [rows], floatData: Array.from({ length: rows }, (_, i) => (i % 7) / 7) });
  const graph = {
    name: 'bert_like',
    initializer: [
      table('words', vocab),
      table('types', 2),
      table('positions', positions),
      { name: 'one', dataType: FLOAT, dims: [], floatData: [1] },
      { name: 'float_min', dataType: FLOAT, dims: [], floatData: [-3.4028234663852886e38] },
    ],
    node: [
      { opType: 'Gather', input: ['words', 'input_ids'], output: ['w'] },
      { opType: 'Gather', input: ['types', 'token_type_ids'], output: ['t'] },
      { opType: 'Gather', input: ['positions', 'position_ids'], output: ['p'] },
      { opType: 'Add', input: ['w', 't'], output: ['wt'] },
      { opType: 'Add', input: ['wt', 'p'], output: ['scores'] },
      { opType: 'Cast', input: ['attention_mask'], output: ['m'], attribute: [{ name: 'to', type: ATTR.INT, i: FLOAT }] },
      { opType: 'Sub', input: ['one', 'm'], output: ['dropped'] },
      { opType: 'Mul', input: ['dropped', 'float_min'], output: ['bias'] },
      { opType: 'Add', input: ['scores', 'bias'], output: ['masked'] },
      { opType: 'Softmax', input: ['masked'], output: ['y'], attribute: [{ name: 'axis', type: ATTR.INT, i: -1 }] },
    ],
    input: BERT_LIKE_INPUTS.map((spec) => ({ name: spec.name, type: tensorType(INT64, SHAPE) })),
    output: [{ name: 'y', type: tensorType(FLOAT, SHAPE) }],
  };
  return modelProtoType.encode(modelProtoType.fromObject({ irVersion: 8, producerName: 'test', opsetImport: [{ domain: '', version: 17 }], graph })).finish();
}
