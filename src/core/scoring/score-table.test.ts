import { describe, expect, it } from 'vitest';
import { exampleFacts } from '../model/examples.fixture';
import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { ScoredChunk } from '../schema/batch-chunk';
import type { HostTensor } from '../schema/host-tensor';
import { createRowValidator } from '../schema/validate-row';
import { scoreTable, type RunOutcome, type ScoreTableJob } from './score-table';
import { arrayRows, type RowSource } from './table-rows';

const facts = exampleFacts('iris-pipeline');

/** A stand-in for the engine: class 2 for every row, with a fixed call time. */
async function fakeRun(feeds: Record<string, HostTensor>, runMs = 1): Promise<Result<RunOutcome>> {
  const n = feeds.float_input!.dims[0]!;
  const probabilities = new Float32Array(n * 3).map((_, i) => (i % 3 === 2 ? 0.8 : 0.1));
  return ok({ outputs: { label: { dtype: 'int64', dims: [n], data: new BigInt64Array(n).fill(2n) }, probabilities: { dtype: 'float32', dims: [n, 3], data: probabilities } }, runMs });
}

function job(rows: RowSource, over: Partial<ScoreTableJob> = {}): ScoreTableJob {
  return {
    rows,
    signature: facts.signature,
    plan: facts.plan,
    validator: createRowValidator(facts.signature),
    match: { indices: [0, 1, 2, 3], labelIndex: 4 },
    run: (feeds) => fakeRun(feeds),
    isCancelled: () => false,
    ...over,
  };
}

const rowsOf = (n: number, label = '2'): string[][] => Array.from({ length: n }, (_, i) => [String(5 + (i % 3)), '3', '4.5', '1.5', label]);

describe('scoreTable', () => {
  it('scores every row once, in order, in chunks that grow while engine calls are quick', async () => {
    const chunks: ScoredChunk[] = [];
    const fractions: number[] = [];
    const result = await scoreTable(job(arrayRows(rowsOf(12_000)), { onChunk: (c, p) => (chunks.push(c), fractions.push(p.fraction)) }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ cancelled: false, rows: 12_000 });
    expect(chunks.map((c) => c.start)).toEqual(chunks.map((_, i) => chunks.slice(0, i).reduce((n, c) => n + c.count, 0)));
    expect(chunks[0]!.count).toBe(256);
    // 4 features: at most 4,096 cells, so 1,024 rows, per call.
    expect(Math.max(...chunks.map((c) => c.count))).toBe(1024);
    expect(fractions.at(-1)).toBe(1);
    expect(result.value.tally.summary(null).classification!.accuracy).toBe(1);
  });

  it('leaves rows it cannot read out of the engine calls, and counts them', async () => {
    const fed: number[] = [];
    const rows = [...rowsOf(3), ['', '3', '4', '1', '0'], ['x', '3', '4', '1', '0']];
    const result = await scoreTable(job(arrayRows(rows), { run: (feeds) => (fed.push(feeds.float_input!.dims[0]!), fakeRun(feeds)) }));
    expect(fed).toEqual([3]);
    expect(result.ok && result.value.tally.summary(null)).toMatchObject({ rows: 5, scored: 3, skipped: 2 });
  });

  it('stops between chunks once cancelled, landing the call in flight', async () => {
    let calls = 0;
    const result = await scoreTable(job(arrayRows(rowsOf(12_000)), { run: (feeds) => (calls++, fakeRun(feeds)), isCancelled: () => calls >= 2 }));
    // The second chunk is sent (at the first one's size) before the first one's time is known.
    expect(result.ok && result.value).toMatchObject({ cancelled: true, rows: 256 + 256 });
    expect(calls).toBe(2);
  });

  it('keeps one engine call in flight while it checks and packs the next chunk', async () => {
    let inFlight = 0;
    let most = 0;
    const run = async (feeds: Record<string, HostTensor>) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      return fakeRun(feeds);
    };
    const chunks: ScoredChunk[] = [];
    const result = await scoreTable(job(arrayRows(rowsOf(5000)), { run, onChunk: (c) => chunks.push(c) }));
    expect(result.ok && result.value.rows).toBe(5000);
    expect(most).toBe(2);
    expect(chunks.map((c) => c.start)).toEqual(chunks.map((_, i) => chunks.slice(0, i).reduce((n, c) => n + c.count, 0)));
  });

  it('returns an engine failure, an unreadable source and a bug as values, never as a throw', async () => {
    const crash = engineError('worker-died', 'crashed', 'restart');
    let calls = 0;
    expect(await scoreTable(job(arrayRows(rowsOf(5000)), { run: async (feeds) => (++calls === 2 ? fail(crash) : fakeRun(feeds)) }))).toEqual(fail(crash));
    const unreadable = engineError('bad-input', 'The file could not be read.', 'Choose it again.');
    async function* broken(): RowSource {
      yield ok({ rows: rowsOf(10), fraction: 0.5 });
      yield fail(unreadable);
    }
    expect(await scoreTable(job(broken()))).toEqual(fail(unreadable));
    const bug = await scoreTable(job(arrayRows(rowsOf(10)), { run: () => Promise.reject(new Error('boom')) }));
    expect(bug.ok ? null : bug.error).toMatchObject({ code: 'run-failed', message: 'Scoring stopped unexpectedly: boom.' });
  });

  it('gives the page a turn every few milliseconds even when every slice and every answer is ready at once', async () => {
    // A source and an engine that never wait: without pacing, all of it would be one task.
    async function* ready(): RowSource {
      for (let i = 0; i < 40; i++) yield ok({ rows: rowsOf(2000), fraction: (i + 1) / 40 });
    }
    let turns = 0;
    let scoring = true;
    const count = (): void => {
      turns++;
      if (scoring) setTimeout(count, 0);
    };
    setTimeout(count, 0);
    const started = performance.now();
    const result = await scoreTable(job(ready(), { run: (feeds) => fakeRun(feeds) }));
    const elapsed = performance.now() - started;
    scoring = false;
    expect(result.ok && result.value.rows).toBe(80_000);
    // A turn at least every 10 ms of work, give or take the timer's own delay.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(elapsed / 40));
    expect(turns).toBeGreaterThanOrEqual(3);
  });
});
