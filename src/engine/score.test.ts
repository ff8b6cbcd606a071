import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { exampleFacts, examplePackage } from '../core/model/examples.fixture';
import { twoInputModel } from '../core/package/onnx-builder.fixture';
import { ROW_SKIPPED } from '../core/schema/batch-chunk';
import { seededRandom } from '../core/schema/host-tensor';
import { buildSignature } from '../core/schema/signature';
import type { BackendId } from '../core/protocol/engine-api';
import { fromPayload, tensorValues, toPayload } from '../core/schema/host-tensor';
import { rowsToFeeds } from '../core/schema/row-feeds';
import { createRowValidator } from '../core/schema/validate-row';
import { fromWire } from '../core/scoring/chunk-wire';
import type { ScoredBatch, ScoreRequest } from '../core/scoring/score-request';
import { rowPuller } from '../core/scoring/table-rows';
import type { ScoredChunk } from '../core/schema/batch-chunk';
import { createEngine } from './create-engine';
import type { OrtRuntime } from './ort-runtime';

const CPU = 'cpu' as BackendId;
const facts = exampleFacts('iris-pipeline');
const csv = readFileSync(new URL('../../public/examples/iris-pipeline/test.csv', import.meta.url), 'utf8');
const lines = csv.trim().split('\n').slice(1);

/** The Iris model loaded in a fresh engine on onnxruntime-node; `sent` keeps the buffers each batch would transfer. */
async function irisEngine() {
  const sent: ArrayBuffer[][] = [];
  const engine = createEngine(ort as unknown as OrtRuntime, { now: () => performance.now(), crossOriginIsolated: false, handOver: (value, transfer) => (sent.push(transfer), value) });
  const bytes = new Uint8Array(examplePackage('iris-pipeline').model.bytes).buffer;
  const loaded = await engine.load({ sessionId: 'iris', fileName: 'model.onnx', modelBytes: bytes, backend: CPU, format: 'onnx' });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { engine, sent };
}

const request = (source: ScoreRequest['source'], jobId = 'job'): ScoreRequest => ({
  jobId,
  sessionId: 'iris',
  source,
  signature: facts.signature,
  plan: facts.plan,
  match: { indices: [0, 1, 2, 3], labelIndex: 4 },
  recorded: { accuracy: 0.9111 },
});

describe('scoring a table in the engine', () => {
  it('predicts each row of a CSV as a plain run of the same rows does, and measures the metrics against those recorded', async () => {
    const { engine, sent } = await irisEngine();
    const big = ['a,b,c,d,target', ...Array.from({ length: 3000 }, (_, i) => lines[i % lines.length])].join('\n');
    const chunks: ScoredChunk[] = [];
    const outcome = await engine.scoreTable(request({ kind: 'csv', file: new Blob([big]) }), (batch: ScoredBatch) => void chunks.push(...fromWire(batch.chunks)));
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value).toMatchObject({ cancelled: false, rows: 3000 });
    expect(outcome.value.calls.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(3000);
    // The reference: one plain run of all the rows, fed as the single-row form feeds them.
    const validator = createRowValidator(facts.signature);
    const rows = Array.from({ length: 3000 }, (_, i) => validator.check(lines[i % lines.length]!.split(',').slice(0, 4)).values);
    const feeds = rowsToFeeds(facts.signature, rows);
    const plain = await engine.run('iris', Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, toPayload(t)])));
    if (!plain.ok) throw new Error(plain.error.message);
    const labels = tensorValues(fromPayload(plain.value.outputs.label!)).map(Number);
    expect(chunks.flatMap((c) => [...c.predictions.classIndex])).toEqual(labels);
    expect(chunks.flatMap((c) => c.truth ?? [])).toEqual(Array.from({ length: 3000 }, (_, i) => lines[i % lines.length]!.split(',')[4]));
    // The test set repeated (66 times and two thirds): about its accuracy, set beside the recorded one.
    expect(outcome.value.summary.classification?.accuracy).toBeCloseTo(0.9111, 2);
    expect(outcome.value.summary.comparisons.map((c) => c.key)).toEqual(['accuracy']);
    // Every typed array of a batch is handed over, none twice.
    for (const list of sent) expect(new Set(list).size).toBe(list.length);
    expect(sent.flat().length).toBeGreaterThan(chunks.length * 4);
  });

  it('pulls rows the page holds a batch at a time, and stops between chunks once cancelled', async () => {
    const { engine } = await irisEngine();
    const rows = Array.from({ length: 20_000 }, (_, i) => lines[i % lines.length]!.split(','));
    let pulls = 0;
    const pull = rowPuller(rows);
    let seen = 0;
    const outcome = await engine.scoreTable(request({ kind: 'rows' }, 'cancel-me'), (batch) => {
      seen += fromWire(batch.chunks).reduce((n, c) => n + c.count, 0);
      // Asked as the page asks: not queued behind the job.
      void engine.cancelScore('cancel-me');
    }, () => (pulls++, pull()));
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.cancelled).toBe(true);
    expect(outcome.value.rows).toBe(seen);
    expect(outcome.value.rows).toBeLessThan(20_000);
    expect(pulls).toBeLessThan(5);
    // The same job name can run again: a finished job's cancel is forgotten.
    const again = await engine.scoreTable(request({ kind: 'rows' }, 'cancel-me'), () => undefined, rowPuller(rows.slice(0, 500)));
    expect(again.ok && again.value).toMatchObject({ cancelled: false, rows: 500 });
  });

  it('says what is wrong when the model is not loaded, as a value', async () => {
    const { engine } = await irisEngine();
    const outcome = await engine.scoreTable({ ...request({ kind: 'csv', file: new Blob([csv]) }), sessionId: 'gone' }, () => undefined);
    expect(outcome.ok ? null : outcome.error.code).toBe('unknown-session');
  });

  it('feeds a model with an input per feature (float32 and int64, columns in another order) exactly as onnxruntime-node is fed from the same text', async () => {
    const engine = createEngine(ort as unknown as OrtRuntime, { now: () => performance.now(), crossOriginIsolated: false, handOver: (value) => value });
    const bytes = twoInputModel();
    const loaded = await engine.load({ sessionId: 'two', fileName: 'model.onnx', modelBytes: new Uint8Array(bytes).buffer, backend: CPU, format: 'onnx' });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const signature = buildSignature({
      metadata: { feature_names: ['p', 'q'], feature_types: { p: 'float64', q: 'int64' }, target_column: 'y' },
      mlmodel: null,
      inputs: [{ name: 'p', dtype: 'float32', shape: ['N', 1] }, { name: 'q', dtype: 'int64', shape: ['N', 1] }],
    });
    // The file's columns are q, y, p; some cells no int64 or float can take as written.
    const random = seededRandom(41);
    const odd = ['2.5', '', '9007199254740993', '-9007199254740992', 'abc', '0x10'];
    const cells = Array.from({ length: 2500 }, (_, i) => {
      const q = i % 97 === 5 ? odd[(i / 97) % odd.length | 0]! : String(Math.round((random() - 0.5) * 2 ** 41));
      const p = i % 89 === 7 ? 'NaN' : (random() * 200 - 100).toFixed(1 + (i % 6));
      return { q, p, y: (random() * 10).toFixed(2) };
    });
    const file = new Blob([['q,y,p', ...cells.map((c) => `${c.q},${c.y},${c.p}`)].join('\n')]);
    const chunks: ScoredChunk[] = [];
    const outcome = await engine.scoreTable(
      { jobId: 'two', sessionId: 'two', source: { kind: 'csv', file }, signature, plan: { kind: 'regression', output: 'variable', target: 'y' }, match: { indices: [2, 0], labelIndex: 1 }, recorded: null },
      (batch) => void chunks.push(...fromWire(batch.chunks)),
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.rows).toBe(2500);
    // The reference, written apart: a row runs when p is a decimal and q an integer within 2^53 − 1 (exactly as written).
    const runs = cells.map(({ p, q }) => /^-?\d+(\.\d+)?$/.test(p) && /^-?\d+$/.test(q) && BigInt(q) <= BigInt(Number.MAX_SAFE_INTEGER) && BigInt(q) >= -BigInt(Number.MAX_SAFE_INTEGER));
    const status = chunks.flatMap((c) => [...c.status]);
    expect(status.map((s) => s !== ROW_SKIPPED)).toEqual(runs);
    expect(runs.filter((r) => !r).length).toBeGreaterThan(40);
    const kept = cells.filter((_, i) => runs[i]);
    const session = await ort.InferenceSession.create(bytes);
    const direct = await session.run({
      p: new ort.Tensor('float32', Float32Array.from(kept, (c) => Number(c.p)), [kept.length, 1]),
      q: new ort.Tensor('int64', BigInt64Array.from(kept, (c) => BigInt(c.q)), [kept.length, 1]),
    });
    // Every runnable row's prediction and int64 are what onnxruntime-node gives for the same text; skipped rows have none.
    const predicted = chunks.flatMap((c) => [...c.predictions.values!]);
    expect(predicted.filter((_, i) => runs[i])).toEqual(Array.from(direct.variable!.data as Float32Array, Number));
    expect(predicted.filter((_, i) => !runs[i]).every(Number.isNaN)).toBe(true);
    const echoed = chunks.flatMap((c) => (c.outputs?.q_echo ? [...(c.outputs.q_echo.data as BigInt64Array)] : []));
    expect(echoed).toEqual([...(direct.q_echo!.data as BigInt64Array)]);
  });
});
