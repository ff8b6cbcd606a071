import { describe, expect, it } from 'vitest';
import { tensorValues } from '../schema/host-tensor';
import { buildSignature } from '../schema/signature';
import { createRowValidator } from '../schema/validate-row';
import { startingMode, startingTensor, startingValues, WIDE_INPUT } from './starting-values';
import { exampleMetadata as metadataOf } from '../schema/signatures.fixture';

const table = (width: number, metadata: Record<string, unknown> | null = null) => buildSignature({ metadata, mlmodel: null, inputs: [{ name: 'x', dtype: 'float32', shape: ['N', width] }] });

describe('startingMode', () => {
  it('opens a narrow table as a form, and wide inputs, images and plain tensors as tensors', () => {
    expect(startingMode(table(4))).toBe('form');
    expect(startingMode(table(WIDE_INPUT))).toBe('form');
    expect(startingMode(table(WIDE_INPUT + 1))).toBe('tensors');
    expect(startingMode(table(256))).toBe('tensors');
    // The 64 named pixels of the large digits MLP: a wall of fields, so tensors first.
    expect(startingMode(table(64, metadataOf('mlp-large')))).toBe('tensors');
    const sequence = buildSignature({ metadata: null, mlmodel: null, inputs: [{ name: 'input_ids', dtype: 'int64', shape: ['batch', 'seq'] }] });
    expect(startingMode(sequence)).toBe('tensors');
  });
});

describe('startingValues', () => {
  it('starts at the middle of each declared or training range, and says so', () => {
    const iris = table(4, metadataOf('iris-pipeline'));
    const start = startingValues(iris.features);
    expect(start.note).toBe('the middle of each feature’s range');
    expect(Object.values(start.values).every((v) => typeof v === 'string' && v !== '')).toBe(true);
    expect(createRowValidator(iris).check(iris.features.map((f) => start.values[f.name]!)).runnable).toBe(true);
  });

  it('fills unnamed features with seeded values that pass the checks, the same every time, and says so', () => {
    const wide = table(256);
    const start = startingValues(wide.features);
    expect(start.note).toMatch(/^seeded random values, the same every time/);
    expect(startingValues(wide.features).values).toEqual(start.values);
    const check = createRowValidator(wide).check(wide.features.map((f) => start.values[f.name]!));
    expect(check).toMatchObject({ runnable: true, issues: [] });
  });

  it('names each origin when they are mixed: ranges, options, flags and seeded values', () => {
    const s = buildSignature({
      metadata: {
        feature_names: ['rooms', 'colour', 'garden', 'age'],
        input_schema: { type: 'object', properties: { rooms: { type: 'integer', minimum: 1, maximum: 9 }, colour: { enum: ['red', 'blue'] }, garden: { type: 'boolean' }, age: { type: 'number' } } },
      },
      mlmodel: null,
      inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 4] }],
    });
    const start = startingValues(s.features);
    expect(start.values).toMatchObject({ rooms: '5', colour: 'red', garden: false });
    expect(start.note).toBe('1 feature at the middle of its range, 1 feature at its first allowed value, 1 feature off, 1 feature at a seeded random value (the package gives no range)');
  });
});

describe('startingValues of integer features', () => {
  it('starts an integer feature at a whole number within its range, so the form opens runnable', () => {
    const metadata = { feature_names: ['n_rooms', 'flag', 'odd'], input_schema: { type: 'object', properties: { n_rooms: { type: 'integer', minimum: 1, maximum: 6 }, flag: { type: 'integer', minimum: 0, maximum: 1 }, odd: { type: 'integer', minimum: 0.5, maximum: 1.2 } } } };
    const s = buildSignature({ metadata, mlmodel: null, inputs: [{ name: 'x', dtype: 'int64', shape: ['N', 3] }] });
    const start = startingValues(s.features);
    expect(start.values).toEqual({ n_rooms: '4', flag: '1', odd: '1' });
    expect(createRowValidator(s).check(s.features.map((f) => start.values[f.name]!))).toMatchObject({ runnable: true, issues: [] });
  });
});

describe('startingTensor', () => {
  it('starts token type ids at 0 and position ids at 0..T-1 per row, even with a vocabulary size', () => {
    const vocab = { min: 0, max: 30521, detail: 'metadata.json vocab_size 30522' };
    const types = startingTensor({ name: 'token_type_ids', dtype: 'int64', shape: ['batch', 'sequence_length'] }, [1, 8], vocab);
    expect(tensorValues(types.tensor)).toEqual(new Array(8).fill(0n));
    expect(types.source).toBe('zeros (token type ids: every token in the first segment)');
    const positions = startingTensor({ name: 'position_ids', dtype: 'int64', shape: ['batch', 'sequence_length'] }, [2, 3], vocab);
    expect(tensorValues(positions.tensor)).toEqual([0n, 1n, 2n, 0n, 1n, 2n]);
    expect(positions.source).toBe('positions 0–2 in each row');
    expect(tensorValues(startingTensor({ name: 'segment_ids', dtype: 'int32', shape: [1, 4] }, [1, 4], vocab).tensor)).toEqual([0, 0, 0, 0]);
  });

  it('keeps token ids inside the vocabulary the package states, and a mask all ones', () => {
    const tokens = { min: 0, max: 49, detail: 'metadata.json vocab_size 50' };
    const ids = startingTensor({ name: 'input_ids', dtype: 'int64', shape: ['batch', 'seq'] }, [1, 300], tokens);
    const values = tensorValues(ids.tensor).map(Number);
    expect(ids.tensor.dims).toEqual([1, 300]);
    expect(Math.min(...values)).toBe(0);
    expect(Math.max(...values)).toBe(49);
    expect(ids.source).toBe('seeded random token ids 0–49 (metadata.json vocab_size 50)');
    const mask = startingTensor({ name: 'attention_mask', dtype: 'int64', shape: ['batch', 'seq'] }, [1, 5], tokens);
    expect(tensorValues(mask.tensor)).toEqual([1n, 1n, 1n, 1n, 1n]);
  });

  it('draws other inputs as seeded values of their type, and says what they are', () => {
    const state = startingTensor({ name: 'state', dtype: 'float32', shape: [1, 'batch', 8] }, [1, 1, 8], null);
    expect(state.source).toBe('seeded random float32 values in 0–1');
    expect(tensorValues(state.tensor)).toEqual(tensorValues(startingTensor({ name: 'state', dtype: 'float32', shape: [1, 'batch', 8] }, [1, 1, 8], null).tensor));
    // Without a vocabulary size, integer ids stay small (0–9), valid for any embedding of 10 or more.
    expect(startingTensor({ name: 'input_ids', dtype: 'int64', shape: ['batch', 'seq'] }, [1, 4], null).source).toBe('seeded random int64 values in 0–9');
  });
});
