import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMetadata } from './metadata';

describe('parseMetadata', () => {
  it('reads the fields of a real metadata.json and keeps the rest in raw', () => {
    const text = readFileSync(new URL('../../../public/examples/iris-pipeline/metadata.json', import.meta.url), 'utf8');
    const result = parseMetadata(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const m = result.value;
    expect(m.modelName).toBe('iris-pipeline');
    expect(m.modelVersion).toBe('1.0.0');
    expect(m.modelClass).toBe('Pipeline(StandardScaler, LogisticRegression)');
    expect(m.modelFile).toBeUndefined();
    expect(m.featureNames).toEqual(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
    expect(m.targetColumn).toBe('target');
    expect(m.targetClasses).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(m.performanceMetrics).toEqual({ accuracy: 0.9111, f1_macro: 0.9107 });
    expect(m.raw.training_data_hash).toBe('fd15e767d9a1cafe417b0eb1f0d9932f83d0ec9dbab686ce3f053f202e9ddcdb');
  });

  it('stringifies numbers and class labels, and drops non-numeric metrics', () => {
    const result = parseMetadata(JSON.stringify({ model_version: 3, target_classes: [0, 1], performance_metrics: { accuracy: 0.5, note: 'n/a' }, extra: true }));
    expect(result.ok && result.value).toMatchObject({ modelVersion: '3', targetClasses: ['0', '1'], performanceMetrics: { accuracy: 0.5 }, raw: { extra: true } });
  });

  it('reports invalid JSON and non-objects as bad-metadata', () => {
    const bad = parseMetadata('{"model_name": "x",}');
    expect(!bad.ok && bad.error.code).toBe('bad-metadata');
    expect(!bad.ok && bad.error.message).toMatch(/^metadata\.json is not valid JSON \(/);
    const array = parseMetadata('["a"]');
    expect(!array.ok && array.error.message).toBe('metadata.json must hold a JSON object ({…}).');
  });
});
