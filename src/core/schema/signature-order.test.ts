import { describe, expect, it } from 'vitest';
import type { TensorSpec } from '../protocol/tensor';
import { buildSignature } from './signature';

const X: TensorSpec[] = [{ name: 'x', dtype: 'float32', shape: ['N', 2] }];
/** MLflow's column signature: the model was trained on [z, a]. */
const mlmodel = { signature: { inputs: JSON.stringify([{ type: 'double', name: 'z' }, { type: 'double', name: 'a' }]) } };
const names = (s: ReturnType<typeof buildSignature>): string[] => s.features.map((f) => f.name);

describe('the features’ order', () => {
  it('comes from the MLflow column list, not from input_schema’s property order, and says nothing (properties have no order)', () => {
    const metadata = { input_schema: { type: 'object', properties: { a: { type: 'number', minimum: 0 }, z: { type: 'number' } } } };
    const s = buildSignature({ metadata, mlmodel, inputs: X });
    expect(names(s)).toEqual(['z', 'a']);
    expect(s.features[1]!.declared).toEqual({ min: 0, max: null });
    expect(s.notes).toEqual([]);
  });

  it('comes from feature_names when there is no other list, whatever input_schema’s property order', () => {
    const metadata = { feature_names: ['z', 'a'], input_schema: { properties: { a: {}, z: {} } } };
    expect(names(buildSignature({ metadata, mlmodel: null, inputs: X }))).toEqual(['z', 'a']);
  });

  it('takes the ONNX inputs’ order when each feature has its own input and no list orders them', () => {
    const inputs: TensorSpec[] = [{ name: 'z', dtype: 'float32', shape: ['N', 1] }, { name: 'a', dtype: 'float32', shape: ['N', 1] }];
    const s = buildSignature({ metadata: { input_schema: { properties: { a: {}, z: {} } } }, mlmodel: null, inputs });
    expect(s.layout.kind).toBe('input-per-feature');
    expect(names(s)).toEqual(['z', 'a']);
  });

  it('names both orders, and the one used, when feature_names and the MLflow signature disagree', () => {
    const s = buildSignature({ metadata: { feature_names: ['a', 'z'] }, mlmodel, inputs: X });
    expect(names(s)).toEqual(['a', 'z']);
    expect(s.notes).toEqual([
      'metadata.json feature_names orders the features [a, z], but the MLflow signature (MLmodel) orders them [z, a] (position 1: “a” vs “z”). ' +
        'Rows are built in the metadata.json feature_names order, the package’s preferred description; if the model was trained in the other order, its predictions are wrong. Make the two lists agree.',
    ]);
  });

  it('has no note when the lists agree', () => {
    expect(buildSignature({ metadata: { feature_names: ['z', 'a'] }, mlmodel, inputs: X }).notes).toEqual([]);
  });
});
