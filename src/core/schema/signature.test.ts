import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kindOfTypeName } from './feature-kind';
import { buildSignature, sliderRange } from './signature';
import { imageLayoutOf } from './signature-layout';
import { describedTrainingRange } from './signature-metadata';
import type { TensorSpec } from '../protocol/tensor';

const example = (id: string, file: string): string => readFileSync(new URL(`../../../public/examples/${id}/${file}`, import.meta.url), 'utf8');
const metadataOf = (id: string) => JSON.parse(example(id, 'metadata.json')) as Record<string, unknown>;
const IRIS_INPUT: TensorSpec[] = [{ name: 'float_input', dtype: 'float32', shape: ['batch', 4] }];

describe('buildSignature', () => {
  it('takes iris features from metadata.json in feature_names order, with declared ranges and descriptions', () => {
    const s = buildSignature({ metadata: metadataOf('iris-pipeline'), mlmodel: null, inputs: IRIS_INPUT });
    expect(s.features.map((f) => f.name)).toEqual(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
    expect(s.layout).toEqual({ kind: 'one-input', input: 'float_input', dtype: 'float32', rowShape: [4] });
    const petal = s.features[2]!;
    expect(petal).toMatchObject({ kind: 'number', required: true, declared: { min: 1.1, max: 6.9 }, training: null, description: 'Petal length in centimetres' });
    expect(petal.sources).toEqual(['feature_names', 'input_schema', 'feature_types']);
    expect(s.sources).toEqual(['feature_names', 'input_schema', 'feature_types', 'onnx']);
    expect(s.namedFeatures).toBe(true);
    expect(s.notes).toEqual([]);
  });

  it('reads a schema range the package calls the training range as a training range (a warning), not a limit', () => {
    const mlmodel = parse(example('wine-mlflow', 'MLmodel')) as Record<string, unknown>;
    const s = buildSignature({ metadata: metadataOf('wine-mlflow'), mlmodel, inputs: [{ name: 'input', dtype: 'float32', shape: ['batch', 13] }] });
    const alcohol = s.features[0]!;
    expect(alcohol).toMatchObject({ name: 'alcohol', declared: null, training: { min: 11.03, max: 14.83 } });
    expect(alcohol.sources).toEqual(['feature_names', 'input_schema', 'feature_types', 'mlflow']);
    expect(s.sources).toContain('mlflow');
    const props = (s.schema.properties as Record<string, Record<string, unknown>>).alcohol!;
    expect(props.minimum).toBeUndefined();
    expect(sliderRange(alcohol)).toEqual({ min: 11.03, max: 14.83 });
  });

  it('maps digits’ 64 pixel features onto the [batch, 1, 8, 8] image input', () => {
    const s = buildSignature({ metadata: metadataOf('digits-cnn'), mlmodel: null, inputs: [{ name: 'pixels', dtype: 'float32', shape: ['batch', 1, 8, 8] }] });
    expect(s.layout).toEqual({ kind: 'one-input', input: 'pixels', dtype: 'float32', rowShape: [1, 8, 8] });
    expect(s.features).toHaveLength(64);
    expect(s.features[63]!.declared).toEqual({ min: 0, max: 16 });
    expect(s.inputs[0]!.image).toEqual({ layout: 'NCHW', channels: 1, height: 8, width: 8 });
  });

  it('uses an MLflow column signature when metadata.json has no features', () => {
    const mlmodel = {
      signature: {
        inputs: '[{"type": "double", "name": "age", "required": true}, {"type": "string", "name": "city", "required": false}, {"type": "boolean", "name": "member"}]',
      },
    };
    const inputs: TensorSpec[] = [
      { name: 'age', dtype: 'float64', shape: ['N', 1] },
      { name: 'city', dtype: 'string', shape: ['N', 1] },
      { name: 'member', dtype: 'bool', shape: ['N', 1] },
    ];
    const s = buildSignature({ metadata: null, mlmodel, inputs });
    expect(s.layout).toEqual({ kind: 'input-per-feature' });
    expect(s.features.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['age', 'number', true],
      ['city', 'string', false],
      ['member', 'boolean', true],
    ]);
    expect(s.schema).toMatchObject({ required: ['age', 'member'], properties: { age: { type: 'number' }, city: { type: 'string' }, member: { type: 'boolean' } } });
  });

  it('fills an unknown ONNX input type and shape from an MLflow tensor signature', () => {
    const mlmodel = { signature: { inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3]}, "name": "x"}]' } };
    const s = buildSignature({ metadata: null, mlmodel, inputs: [{ name: 'x', dtype: 'unknown', shape: null }] });
    expect(s.inputs[0]).toMatchObject({ name: 'x', dtype: 'float32', shape: ['x[0]', 3] });
    expect(s.layout).toMatchObject({ kind: 'one-input', rowShape: [3] });
    expect(s.features.map((f) => f.name)).toEqual(['feature_0', 'feature_1', 'feature_2']);
    expect(s.namedFeatures).toBe(false);
  });

  it('keeps enums, integer types and explicit training ranges, and notes disagreements', () => {
    const metadata = {
      feature_names: ['colour', 'rooms', 'area'],
      feature_types: { colour: 'category', rooms: 'int64', area: 'float64' },
      training_ranges: { area: [20, 300] },
      input_schema: {
        type: 'object',
        properties: { colour: { enum: ['red', 'blue'] }, rooms: { type: 'integer', minimum: 1 }, area: { type: 'string' }, extra: { type: 'number' } },
        required: ['colour'],
      },
    };
    const s = buildSignature({ metadata, mlmodel: null, inputs: [{ name: 'colour', dtype: 'string', shape: ['N', 1] }, { name: 'rooms', dtype: 'int64', shape: ['N', 1] }, { name: 'area', dtype: 'float32', shape: ['N', 1] }, { name: 'extra', dtype: 'float32', shape: ['N', 1] }] });
    expect(s.features.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['colour', 'category', true],
      ['rooms', 'integer', false],
      ['area', 'string', false],
      ['extra', 'number', false],
    ]);
    expect(s.features[0]!.options).toEqual(['red', 'blue']);
    expect(s.features[1]!.declared).toEqual({ min: 1, max: null });
    expect(s.features[2]!.training).toEqual({ min: 20, max: 300 });
    expect(s.notes.join(' ')).toMatch(/input_schema describes “extra”/);
    expect(s.notes.join(' ')).toMatch(/“area”: input_schema says string, feature_types says float64/);
    expect(s.layout.kind).toBe('input-per-feature');
    // Without the fourth input, the features match no layout: the inputs are filled as tensors.
    const fewer = buildSignature({ metadata, mlmodel: null, inputs: [{ name: 'colour', dtype: 'string', shape: ['N', 1] }, { name: 'rooms', dtype: 'int64', shape: ['N', 1] }] });
    expect(fewer.layout.kind).toBe('tensors');
    expect(fewer.features).toEqual([]);
  });

  it('leaves a pure tensor model without features', () => {
    const s = buildSignature({ metadata: null, mlmodel: null, inputs: [{ name: 'ids', dtype: 'int64', shape: ['batch', 'seq'] }, { name: 'mask', dtype: 'bool', shape: ['batch', 'seq'] }] });
    expect(s.layout.kind).toBe('tensors');
    expect(s.features).toEqual([]);
  });
});

describe('helpers', () => {
  it('reads type names, described training ranges and image layouts', () => {
    expect(['float64', 'double', 'int64', 'long', 'bool', 'category', 'object', 'weird'].map(kindOfTypeName)).toEqual(['number', 'number', 'integer', 'integer', 'boolean', 'category', 'string', null]);
    expect(describedTrainingRange('proline (training range 278 to 1515)')).toEqual({ min: 278, max: 1515 });
    expect(describedTrainingRange('Training range: -1.5 to 2e3')).toEqual({ min: -1.5, max: 2000 });
    expect(describedTrainingRange('Sepal length in centimetres')).toBeNull();
    expect(imageLayoutOf(['N', 3, 224, 224])).toEqual({ layout: 'NCHW', channels: 3, height: 224, width: 224 });
    expect(imageLayoutOf(['N', 28, 28, 1])).toEqual({ layout: 'NHWC', channels: 1, height: 28, width: 28 });
    expect(imageLayoutOf(['N', 'seq', 768, 2])).toBeNull();
    expect(imageLayoutOf(['N', 4])).toBeNull();
  });
});
