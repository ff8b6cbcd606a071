// The features' order, the CSV's columns and the package's example, checked by what the model predicts
// (onnxruntime-node): y = z + 100·a for a model trained on the columns [z, a].
import * as ort from 'onnxruntime-node';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { modelFacts, type ModelFacts } from '../core/model/model-facts';
import { assemblePackage } from '../core/package/model-package';
import { linearRegressor } from '../core/package/onnx-builder.fixture';
import { summarizeOnnx } from '../core/package/onnx-summary';
import type { BackendId } from '../core/protocol/engine-api';
import type { ScoredChunk } from '../core/schema/batch-chunk';
import { matchColumns } from '../core/schema/column-match';
import type { HostTensor } from '../core/schema/host-tensor';
import { rowsToFeeds } from '../core/schema/row-feeds';
import type { Signature } from '../core/schema/signature';
import { createRowValidator } from '../core/schema/validate-row';
import { fromWire } from '../core/scoring/chunk-wire';
import { createEngine } from './create-engine';
import type { OrtRuntime } from './ort-runtime';

const MODEL = linearRegressor([1, 100], 0);
const MLMODEL = `flavors:
  onnx:
    data: model.onnx
signature:
  inputs: '[{"type": "double", "name": "z"}, {"type": "double", "name": "a"}]'
`;
/** input_schema's properties in another order than the model's (JSON Schema keys have none). */
const METADATA = { input_schema: { type: 'object', properties: { a: { type: 'number' }, z: { type: 'number' } } } };

function factsOf(files: Record<string, string | Uint8Array>): ModelFacts {
  const made = assemblePackage('p', Object.entries(files).map(([path, v]) => ({ path, bytes: typeof v === 'string' ? strToU8(v) : v })));
  if (!made.ok) throw new Error(made.error.message);
  const summary = summarizeOnnx(made.value.model.bytes);
  return modelFacts(made.value, { sessionId: 's', inputs: summary.inputs, outputs: summary.outputs, summary, sessionCreateMs: 1 });
}

async function predict(x: HostTensor): Promise<number[]> {
  const session = await ort.InferenceSession.create(MODEL);
  const out = await session.run({ x: new ort.Tensor('float32', x.data as Float32Array, x.dims) });
  return Array.from(out.variable!.data as Float32Array);
}

async function scoreCsv(signature: Signature, csv: string): Promise<number[]> {
  const engine = createEngine(ort as unknown as OrtRuntime, { now: () => performance.now(), crossOriginIsolated: false, handOver: (v) => v });
  const loaded = await engine.load({ sessionId: 'm', fileName: 'model.onnx', modelBytes: new Uint8Array(MODEL).buffer, backend: 'cpu' as BackendId, format: 'onnx' });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const match = matchColumns(csv.split('\n')[0]!.split(','), signature);
  expect(match.runnable).toBe(true);
  const chunks: ScoredChunk[] = [];
  const plan = { kind: 'regression', output: 'variable', target: 'variable' } as const;
  const out = await engine.scoreTable({ jobId: 'j', sessionId: 'm', source: { kind: 'csv', file: new Blob([csv]) }, signature, plan, match, recorded: null }, (b) => void chunks.push(...fromWire(b.chunks)));
  if (!out.ok) throw new Error(out.error.message);
  return chunks.flatMap((c) => [...c.predictions.values!]);
}

describe('feature order through the model', () => {
  it('scores a CSV in the MLflow signature’s column order, not input_schema’s property order', async () => {
    const facts = factsOf({ 'model.onnx': MODEL, 'metadata.json': JSON.stringify(METADATA), MLmodel: MLMODEL });
    expect(facts.signature.features.map((f) => f.name)).toEqual(['z', 'a']);
    // z=1, a=2 → 1 + 200; z=3, a=4 → 3 + 400 (was [102, 304]).
    expect(await scoreCsv(facts.signature, 'z,a\n1,2\n3,4\n')).toEqual([201, 403]);
  });

  it('feeds the package’s example in the signature’s order on the Run tab, as the Predict form fills it', async () => {
    // The example lists its columns as [a, z]: a=2, z=1.
    const facts = factsOf({ 'model.onnx': MODEL, 'metadata.json': JSON.stringify(METADATA), MLmodel: MLMODEL, 'input_example.json': '{"columns": ["a", "z"], "data": [[2, 1]]}' });
    if (!facts.example?.ok) throw new Error('the example should fit');
    expect(await predict(facts.example.value.x!)).toEqual([201]);
    // The Predict form: the example's row matched by name, in the signature's order, then fed.
    const match = matchColumns(['a', 'z'], facts.signature);
    const row = match.indices.map((i) => [2, 1][i]);
    const feeds = rowsToFeeds(facts.signature, [createRowValidator(facts.signature).check(row).values]);
    expect(await predict(feeds.x!)).toEqual([201]);
  });

  it('refuses an example whose columns are not the features rather than feeding it in its own order', () => {
    const facts = factsOf({ 'model.onnx': MODEL, 'metadata.json': JSON.stringify(METADATA), MLmodel: MLMODEL, 'input_example.json': '{"columns": ["A", "Z"], "data": [[2, 1]]}' });
    expect(facts.example?.ok).toBe(false);
    expect(!facts.example?.ok && facts.example?.error.message).toBe(
      'The example’s columns do not match the model’s features: no column for “z”, “a” (it has “A”, “Z”). It was not fed in its own column order, which need not be the model’s.',
    );
  });
});
