import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMlModel } from './mlmodel';
import { parseMlflowSignature, signatureDtypeToOnnx } from './mlflow-signature';

describe('parseMlflowSignature', () => {
  it('reads the wine example’s column-based signature (JSON strings wrapped over YAML lines)', () => {
    const mlmodel = parseMlModel(readFileSync(new URL('../../../public/examples/wine-mlflow/MLmodel', import.meta.url), 'utf8'));
    if (!mlmodel.ok) throw new Error(mlmodel.error.message);
    const signature = parseMlflowSignature(mlmodel.value.raw.signature);
    expect(signature.kind).toBe('columns');
    expect(signature.inputs).toHaveLength(13);
    expect(signature.inputs[11]).toEqual({ name: 'od280/od315_of_diluted_wines', type: 'float', dtype: 'float', shape: null, required: true });
    expect(signature.outputs).toEqual([{ name: 'probabilities', type: 'tensor', dtype: 'float32', shape: [-1, 3], required: true }]);
    expect(signature.problems).toEqual([]);
  });

  it('reads a tensor-based signature and reports an unreadable part', () => {
    const signature = parseMlflowSignature({
      inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 4]}, "name": "float_input"}]',
      outputs: '[{"type": ',
    });
    expect(signature.kind).toBe('tensors');
    expect(signature.inputs[0]).toMatchObject({ name: 'float_input', dtype: 'float32', shape: [-1, 4] });
    expect(signature.problems[0]).toMatch(/^signature\.outputs is not valid JSON \(line 1/);
  });

  it('maps MLflow types to onnxruntime element types', () => {
    expect(signatureDtypeToOnnx('double')).toBe('float64');
    expect(signatureDtypeToOnnx('long')).toBe('int64');
    expect(signatureDtypeToOnnx('datetime')).toBeNull();
  });
});
