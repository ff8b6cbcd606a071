import { engineError, fail, ok, type EngineError, type Result } from '../../core/protocol/engine-error';
import { finishChunk, nextChunkRows, prepareChunk, type PreparedChunk, type ScoredChunk } from '../../core/schema/batch-chunk';
import { createBatchTally, type BatchTally } from '../../core/schema/batch-summary';
import type { ColumnMatch } from '../../core/schema/column-match';
import type { HostTensor } from '../../core/schema/host-tensor';
import type { PredictionPlan } from '../../core/schema/prediction';
import type { Signature } from '../../core/schema/signature';
import type { RowValidator } from '../../core/schema/validate-row';
import type { RunOutcome } from '../engine/engine-gateway';
import type { RowSource } from './table-rows';
import { tick } from './tick';

/** Feature values checked and packed per engine call at most, to keep each main-thread step short. */
export const CELLS_PER_CHUNK = 4_096;
/** Aim for engine calls of about this long, so that Cancel answers quickly. */
const TARGET_CALL_MS = 120;
/** Main-thread work the pipeline does in one go before the page gets a turn, however much is ready. */
const STEP_MS = 10;

/**
 * Keeps each stretch of the pipeline's main-thread work short. Work that finds its input ready
 * (a prefetched slice, an engine answer already in) continues in the same task; `breathe` ends
 * the task once a stretch has run STEP_MS. An await that waited over a millisecond began a new
 * task (nothing else takes that long between a promise and its continuation), and restarts the count.
 */
function createPace() {
  let since = performance.now();
  return {
    async waited<T>(pending: Promise<T>): Promise<T> {
      const from = performance.now();
      const value = await pending;
      const now = performance.now();
      if (now - from > 1) since = now;
      return value;
    },
    async breathe(): Promise<void> {
      if (performance.now() - since < STEP_MS) return;
      await tick();
      since = performance.now();
    },
  };
}

export interface ScoreProgress {
  readonly rowsDone: number;
  /** 0–1: the fraction of the source read, scaled by the share of the rows read that are scored. */
  readonly fraction: number;
}

/** One table to score: where its rows come from, how they map to the model, and how to run it. */
export interface ScoreTableJob {
  readonly rows: RowSource;
  readonly signature: Signature;
  readonly plan: PredictionPlan;
  readonly validator: RowValidator;
  /** Which cell of a row feeds each feature, and which holds the label. */
  readonly match: Pick<ColumnMatch, 'indices' | 'labelIndex'>;
  /** One engine call (the model's session on the chosen backend). */
  readonly run: (feeds: Record<string, HostTensor>) => Promise<Result<RunOutcome>>;
  readonly isCancelled: () => boolean;
  readonly softmax?: boolean;
  /** Each scored chunk, in order, as it is made: append it, never copy what came before. */
  readonly onChunk?: (chunk: ScoredChunk, progress: ScoreProgress) => void;
}

export interface ScoredTable {
  readonly cancelled: boolean;
  readonly rows: number;
  /** Counts and labels over every scored row: `tally.summary(recorded)` gives the metrics. */
  readonly tally: BatchTally;
  readonly elapsedMs: number;
}

/** A model with a fixed batch size takes exactly that many rows per call. */
function fixedBatchOf(signature: Signature): number | null {
  const first = signature.inputs[0]?.shape?.[0];
  return typeof first === 'number' && first > 0 ? first : null;
}

/** A chunk on its way: checked and packed, its engine call made (null when no row of it could run). */
interface InFlight {
  readonly prepared: PreparedChunk;
  readonly result: Promise<Result<RunOutcome>> | null;
}

/**
 * Chunks through the engine, one call in flight while the next chunk is checked and packed
 * (and the next slice of the file read): the page's work overlaps the worker's.
 */
function createChunker(job: ScoreTableJob) {
  const { signature, plan, validator, match } = job;
  const tally = createBatchTally();
  const limit = Math.max(1, Math.floor(CELLS_PER_CHUNK / Math.max(1, signature.features.length)));
  const fixed = fixedBatchOf(signature);
  let chunkRows = fixed ?? Math.min(256, limit);
  let rowsPrepared = 0;
  let rowsDone = 0;
  let rowsRead = 0;
  let readFraction = 0;
  let queue: (readonly unknown[])[] = [];
  let inFlight: InFlight | null = null;
  const pace = createPace();
  // A label column repeats a few cells a million times: one string each, not one per row (less for the collector to trace).
  const labels = new Map<string, string>();
  const intern = (cell: string): string => {
    const known = labels.get(cell);
    if (known !== undefined) return known;
    if (labels.size < 4096) labels.set(cell, cell);
    return cell;
  };

  function send(rows: readonly (readonly unknown[])[]): InFlight {
    const { indices, labelIndex: label } = match;
    const cells = new Array<unknown[]>(rows.length);
    const truth = label === null ? null : new Array<string>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const picked = new Array<unknown>(indices.length);
      for (let k = 0; k < indices.length; k++) picked[k] = row[indices[k]!];
      cells[r] = picked;
      if (truth) truth[r] = intern(String(row[label!] ?? ''));
    }
    const prepared = prepareChunk(signature, validator, rowsPrepared, cells, truth);
    rowsPrepared += rows.length;
    if (!prepared.feeds) return { prepared, result: null };
    // A mark per engine call: `npm run bench:responsiveness` replays the same chunks against the engine alone.
    performance.mark('score-table:run', { detail: { rows: prepared.runnable.length } });
    return { prepared, result: job.run(prepared.feeds) };
  }

  /** Waits for the chunk in flight and hands it on, scored. */
  async function land(): Promise<EngineError | null> {
    if (!inFlight) return null;
    const { prepared, result } = inFlight;
    inFlight = null;
    const outcome = result ? await pace.waited(result) : null;
    if (outcome && !outcome.ok) return outcome.error;
    if (outcome && !fixed) chunkRows = nextChunkRows(chunkRows, outcome.value.runMs, TARGET_CALL_MS, limit);
    const chunk = finishChunk(prepared, plan, outcome?.value.outputs ?? null, { softmax: job.softmax });
    tally.add(chunk);
    rowsDone += chunk.count;
    job.onChunk?.(chunk, { rowsDone, fraction: rowsRead > 0 ? readFraction * (rowsDone / rowsRead) : 0 });
    return null;
  }

  /** Sends every full chunk of the queue (all of it when `final`), keeping one call in flight. */
  async function drain(final: boolean): Promise<EngineError | null> {
    let taken = 0;
    while (!job.isCancelled() && (queue.length - taken >= chunkRows || (final && queue.length > taken))) {
      await pace.breathe();
      const next = send(queue.slice(taken, taken + chunkRows));
      taken += next.prepared.count;
      const failed = await land();
      inFlight = next;
      if (failed) return failed;
    }
    queue = queue.slice(taken);
    return final || job.isCancelled() ? land() : null;
  }

  return {
    tally,
    pace,
    rows: () => rowsDone,
    add(rows: readonly (readonly unknown[])[], fraction: number): void {
      for (const row of rows) queue.push(row);
      rowsRead += rows.length;
      readFraction = fraction;
    },
    drain,
  };
}

/**
 * The one scoring pipeline (Predict's batch, Drift, Compare): rows in → checked chunks →
 * the engine → scored chunks out, in order. Chunks grow or shrink to take about
 * TARGET_CALL_MS per engine call. Cancel is read between chunks; a failed engine call or
 * an unreadable source ends the job with its error as a value.
 */
export async function scoreTable(job: ScoreTableJob): Promise<Result<ScoredTable>> {
  const started = performance.now();
  const chunker = createChunker(job);
  try {
    const source = job.rows[Symbol.asyncIterator]();
    for (;;) {
      const step = await chunker.pace.waited(source.next());
      if (step.done) break;
      const batch = step.value;
      if (!batch.ok) {
        await chunker.drain(true);
        return batch;
      }
      await chunker.pace.breathe();
      chunker.add(batch.value.rows, batch.value.fraction);
      const failed = await chunker.drain(false);
      if (failed) return fail(failed);
      if (job.isCancelled()) {
        // Stop reading: the source's own clean-up (a prefetched slice) runs.
        await source.return?.();
        break;
      }
    }
    const failed = await chunker.drain(true);
    if (failed) return fail(failed);
  } catch (thrown) {
    // A bug in a reader or in the chunk code, not bad input: still a value, with what is known.
    return fail(engineError('run-failed', `Scoring stopped unexpectedly: ${thrown instanceof Error ? thrown.message : String(thrown)}.`, 'Try again; if it happens again, report it with the file.'));
  }
  return ok({ cancelled: job.isCancelled(), rows: chunker.rows(), tally: chunker.tally, elapsedMs: performance.now() - started });
}
