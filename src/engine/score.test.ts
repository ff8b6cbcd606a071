import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { exampleFacts, examplePackage } from '../core/model/examples.fixture';
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
});
