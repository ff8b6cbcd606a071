import { describe, expect, it } from 'vitest';
import type { SignatureEntry } from '../package/mlflow-signature';
import { kindOfSchemaType } from './feature-kind';
import { chooseLayout, signatureInputsOf } from './signature-layout';
import { signatureDraft } from './signature-draft';
import type { SignatureInput } from './signature';

const input = (name: string, shape: SignatureInput['shape'], dtype: SignatureInput['dtype'] = 'float32'): SignatureInput => ({ name, dtype, shape, image: null });

describe('chooseLayout', () => {
  it('maps named features onto inputs of the same names, taking the kind from the element type', () => {
    const draft = signatureDraft();
    draft.take('age', 'feature_names');
    draft.take('city', 'feature_names');
    const { layout, namedFeatures } = chooseLayout(draft, [input('age', ['N', 1], 'int64'), input('city', ['N', 1], 'string')]);
    expect(layout).toEqual({ kind: 'input-per-feature' });
    expect(namedFeatures).toBe(true);
    expect([...draft.features.values()].map((d) => [d.name, d.kind, d.sources])).toEqual([
      ['age', 'integer', ['feature_names', 'onnx']],
      ['city', 'string', ['feature_names', 'onnx']],
    ]);
  });

  it('gives an unnamed [N, F] input positional features, but never an image', () => {
    const draft = signatureDraft();
    expect(chooseLayout(draft, [input('x', ['N', 3])])).toEqual({ layout: { kind: 'one-input', input: 'x', dtype: 'float32', rowShape: [3] }, namedFeatures: false });
    expect([...draft.features.keys()]).toEqual(['feature_0', 'feature_1', 'feature_2']);
    const image = signatureDraft();
    expect(chooseLayout(image, [{ ...input('pixels', ['N', 1, 8, 8]), image: { layout: 'NCHW', channels: 1, height: 8, width: 8 } }]).layout).toEqual({ kind: 'tensors' });
    expect(image.features.size).toBe(0);
  });

  it('notes named features that do not fit the one input, and fills it as a tensor', () => {
    const draft = signatureDraft();
    draft.take('a', 'input_schema');
    draft.take('b', 'input_schema');
    expect(chooseLayout(draft, [input('x', ['N', 3])]).layout).toEqual({ kind: 'tensors' });
    expect(draft.notes).toEqual(['The package names 2 features, but input “x” takes 3 values per row [N, 3]; the input is filled as a tensor.']);
  });
});

describe('signatureInputsOf', () => {
  it('fills an open ONNX type and shape from the only MLflow tensor, naming its free dimensions', () => {
    const tensor: SignatureEntry = { name: null, type: 'tensor', dtype: 'float32', shape: [-1, 1, 8, 8], required: true };
    expect(signatureInputsOf([{ name: 'x', dtype: 'unknown', shape: null }], [tensor])).toEqual([
      { name: 'x', dtype: 'float32', shape: [expect.any(String), 1, 8, 8], image: { layout: 'NCHW', channels: 1, height: 8, width: 8 } },
    ]);
  });
});

describe('kindOfSchemaType', () => {
  it('reads an enum as a category and a nullable type as its type', () => {
    expect([{ enum: [1, 2] }, { type: ['null', 'integer'] }, { type: 'string' }, { type: 'object' }, {}].map(kindOfSchemaType)).toEqual(['category', 'integer', 'string', null, null]);
  });
});
