import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMlModel } from './mlmodel';

const WINE = new URL('../../../public/examples/wine-mlflow/', import.meta.url);

describe('parseMlModel', () => {
  it('reads the MLflow example, including signature strings folded over several lines', () => {
    const text = readFileSync(new URL('MLmodel', WINE), 'utf8');
    // The premise: PyYAML wrapped the long single-quoted signature.
    expect(text).toMatch(/inputs: '\[\{"type": "float", "name": "alcohol", "required": true\}, \{"type": "float",\n/);
    const result = parseMlModel(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const m = result.value;
    expect(m.onnxData).toBe('model.onnx');
    expect(m.runId).toBe('865bc3f1bf8a421aae793c8e09bdc5a4');
    expect(m.modelUuid).toBe('e061fa0d229b495ebfc55d694464f276');
    expect(m.mlflowVersion).toBe('2.16.2');
    expect(m.inputExamplePath).toBe('input_example.json');

    const signature = m.raw.signature as { inputs: string; outputs: string; params: null };
    expect(signature.inputs).not.toContain('\n');
    const inputs = JSON.parse(signature.inputs) as { type: string; name: string; required: boolean }[];
    const metadata = JSON.parse(readFileSync(new URL('metadata.json', WINE), 'utf8')) as { feature_names: string[] };
    expect(inputs.map((i) => i.name)).toEqual(metadata.feature_names);
    expect(inputs.every((i) => i.type === 'float' && i.required)).toBe(true);
    expect(JSON.parse(signature.outputs)).toEqual([{ type: 'tensor', 'tensor-spec': { dtype: 'float32', shape: [-1, 3] }, name: 'probabilities' }]);
    expect(signature.params).toBeNull();
  });

  it('tolerates an MLmodel without an onnx flavor', () => {
    const result = parseMlModel('flavors:\n  sklearn:\n    pickled_model: model.pkl\nrun_id: abc\n');
    expect(result.ok && result.value).toMatchObject({ onnxData: undefined, runId: 'abc', inputExamplePath: undefined });
  });

  it('reports invalid YAML and non-mappings as bad-mlmodel', () => {
    const invalid = parseMlModel('flavors:\n  onnx: {data: model.onnx\n');
    expect(!invalid.ok && invalid.error.code).toBe('bad-mlmodel');
    expect(!invalid.ok && invalid.error.message).toMatch(/^MLmodel is not valid YAML/);
    const list = parseMlModel('- a\n- b\n');
    expect(!list.ok && list.error.message).toBe('MLmodel does not hold a YAML mapping.');
  });
});
