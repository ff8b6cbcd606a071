import { describe, expect, it } from 'vitest';
import { defaultDims, dimensionDefaults, DIMENSION_DEFAULTS, tokenIdRange } from './dimension-defaults';
import type { TensorSpec } from '../protocol/tensor';

const transformer: TensorSpec[] = [
  { name: 'input_ids', dtype: 'int64', shape: ['batch', 'sequence_length'] },
  { name: 'attention_mask', dtype: 'int64', shape: ['batch', 'sequence_length'] },
];

describe('dimensionDefaults', () => {
  it('takes a transformer’s sequence length from its metadata and its batch as one', () => {
    const dims = dimensionDefaults({ inputs: transformer, metadata: { max_sequence_length: 64, vocab_size: 1000 } });
    expect(dims.map((d) => [d.name, d.value, d.source, d.detail])).toEqual([
      ['batch', 1, 'default', 'default for a batch: one example'],
      ['sequence_length', 64, 'metadata', 'metadata.json max_sequence_length'],
    ]);
    expect(dims[1]!.uses).toEqual([{ input: 'input_ids', axis: 1 }, { input: 'attention_mask', axis: 1 }]);
    expect(tokenIdRange({ metadata: { vocab_size: 1000 }, metadataProps: {} })).toEqual({ min: 0, max: 999, detail: 'metadata.json vocab_size 1000' });
  });

  it('trusts shipped data over metadata, and an explicit table over a guess', () => {
    const shipped = [{ label: 'test_data_set_0', shapes: { input_ids: [2, 12] } }];
    expect(defaultDims(dimensionDefaults({ inputs: transformer, metadata: { max_sequence_length: 64 }, shipped }))).toEqual({ batch: 2, sequence_length: 12 });
    const explicit = dimensionDefaults({ inputs: transformer, metadata: { dimensions: { sequence_length: 20 }, max_sequence_length: 64 } });
    expect(explicit[1]).toMatchObject({ value: 20, detail: 'metadata.json dimensions.sequence_length' });
    const props = dimensionDefaults({ inputs: transformer, metadata: null, metadataProps: { max_seq_len: '48' } });
    expect(props[1]).toMatchObject({ value: 48, source: 'metadata', detail: 'the model’s metadata max_seq_len' });
  });

  it('falls back to documented defaults by what a dimension looks like', () => {
    const inputs: TensorSpec[] = [
      { name: 'image', dtype: 'float32', shape: ['N', 3, 'height', 'width'] },
      { name: 'tokens', dtype: 'int64', shape: ['N', 'input[1]'] },
      { name: 'state', dtype: 'float32', shape: [2, 'state[1]', 128] },
    ];
    expect(defaultDims(dimensionDefaults({ inputs, metadata: null }))).toEqual({
      N: DIMENSION_DEFAULTS.batch,
      height: DIMENSION_DEFAULTS.imageSide,
      width: DIMENSION_DEFAULTS.imageSide,
      'input[1]': DIMENSION_DEFAULTS.sequence,
      'state[1]': DIMENSION_DEFAULTS.other,
    });
    expect(dimensionDefaults({ inputs, metadata: { image_size: [96, 96] } }).find((d) => d.name === 'height')).toMatchObject({ value: 96, source: 'metadata' });
  });

  it('ignores sizes that are not positive integers', () => {
    const dims = dimensionDefaults({ inputs: transformer, metadata: { max_sequence_length: -3, sequence_length: 'long', seq_len: 2.5 } });
    expect(dims[1]).toMatchObject({ value: DIMENSION_DEFAULTS.sequence, source: 'default' });
    expect(tokenIdRange({ metadata: { vocab_size: 0 } })).toBeNull();
  });
});
