import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemblePackage, type ModelPackage, type PackageFile } from '../package/model-package';
import { summarizeOnnx } from '../package/onnx-summary';
import type { LoadResult } from '../protocol/engine-api';
import { evaluationSetOf } from './evaluation-set';
import { modelFacts } from './model-facts';

function examplePackage(id: string): ModelPackage {
  const dir = new URL(`../../../public/examples/${id}/`, import.meta.url);
  const files = readdirSync(dir).map((path) => ({ path, bytes: new Uint8Array(readFileSync(new URL(path, dir))) }));
  const made = assemblePackage(id, files);
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

function described(pkg: ModelPackage): LoadResult {
  const summary = summarizeOnnx(pkg.model.bytes);
  return { sessionId: 's', inputs: summary.inputs, outputs: summary.outputs, summary, sessionCreateMs: 1 };
}

const csv = (path: string): PackageFile => ({ path, bytes: new Uint8Array() });

describe('modelFacts', () => {
  it('works out the signature, prediction plan, batch dimension, example and evaluation set once', () => {
    const pkg = examplePackage('iris-pipeline');
    const facts = modelFacts(pkg, described(pkg));
    expect(facts.signature.features.map((f) => f.name)).toHaveLength(4);
    expect(facts.plan.kind).toBe('classification');
    expect(facts.batch).toEqual({ kind: 'symbolic', name: 'batch' });
    expect(facts.example?.ok && facts.example.value.float_input?.dims).toEqual([1, 4]);
    expect(facts.evaluation?.path).toBe('test.csv');
  });
});

describe('evaluationSetOf', () => {
  it('takes test.csv wherever it is, else the first CSV, else nothing', () => {
    expect(evaluationSetOf({ files: [csv('data/train.csv'), csv('data/test.csv')] })?.path).toBe('data/test.csv');
    expect(evaluationSetOf({ files: [csv('holdout.csv'), csv('more.csv')] })?.path).toBe('holdout.csv');
    expect(evaluationSetOf({ files: [csv('model.onnx')] })).toBeNull();
  });
});
