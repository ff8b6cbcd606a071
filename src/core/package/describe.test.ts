import { describe, expect, it } from 'vitest';
import { describeMetadata, parseMetadata } from './metadata';
import { describeMlModel, parseMlModel } from './mlmodel';

describe('describeMetadata', () => {
  it('lays out familiar fields, features with ranges, metrics, and keeps unknown fields', () => {
    const parsed = parseMetadata(
      JSON.stringify({
        model_name: 'm',
        target_classes: ['a', 'b'],
        feature_names: ['x', 'colour'],
        feature_types: { x: 'float64', colour: 'category' },
        input_schema: { properties: { x: { minimum: 0, maximum: 2, description: 'the x' }, colour: { enum: ['red', 'blue'] } }, required: ['x'] },
        performance_metrics: { accuracy: 0.9, note: 'n/a' },
        owner: { team: 'ml' },
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const view = describeMetadata(parsed.value);
    expect(view.fields).toEqual([
      { key: 'model_name', label: 'Name', value: 'm' },
      { key: 'target_classes', label: 'Classes', value: 'a, b' },
    ]);
    expect(view.features).toEqual([
      { name: 'x', type: 'float64', minimum: 0, maximum: 2, allowed: null, description: 'the x', required: true },
      { name: 'colour', type: 'category', minimum: null, maximum: null, allowed: ['red', 'blue'], description: null, required: false },
    ]);
    expect(view.metrics).toEqual([{ name: 'accuracy', value: 0.9 }]);
    expect(view.unknown).toEqual([{ key: 'owner', json: '{\n "team": "ml"\n}' }]);
  });
});

describe('describeMlModel', () => {
  it('lists identity fields, every flavor’s settings and the input example reference', () => {
    const parsed = parseMlModel('run_id: abc\nmlflow_version: 2.16.2\nflavors:\n  onnx:\n    data: model.onnx\n    code: null\nsaved_input_example_info:\n  artifact_path: input_example.json\n');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const view = describeMlModel(parsed.value);
    expect(view.fields).toEqual([
      { label: 'Run id', value: 'abc' },
      { label: 'MLflow version', value: '2.16.2' },
    ]);
    expect(view.flavors).toEqual([{ name: 'onnx', settings: [{ key: 'data', value: 'model.onnx' }, { key: 'code', value: 'null' }] }]);
    expect(view.inputExample).toBe('artifact_path: input_example.json');
  });
});
