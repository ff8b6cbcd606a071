import { engineError, fail, ok, type EngineError, type Result } from '../protocol/engine-error';
import { finishChunk, nextChunkRows, prepareChunk, type PreparedChunk, type ScoredChunk } from '../schema/batch-chunk';
import { createBatchTally, type BatchTally } from '../schema/batch-summary';
import type { ColumnMatch } from '../schema/column-match';
import type { HostTensor } from '../schema/host-tensor';
import type { PredictionPlan } from '../schema/prediction';
import type { Signature } from '../schema/signature';
import type { RowValidator } from '../schema/validate-row';
import { blockOfRows, readPlainLines, takeRows, type RowBlock } from '../schema/plain-lines';
import type { LinesBatch, RowBatch, TableSource } from './table-rows';
import { tick } from './tick';

/** What one engine call gives back: the outputs, and how long `session.run` took. */
export interface RunOutcome {
  readonly outputs: Record<string, HostTensor>;
  readonly runMs: number;
}

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
function createPace(stepMs: number, yieldTurn: () => Promise<void>) {
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
      if (performance.now() - since < stepMs) return;
      await yieldTurn();
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
  readonly rows: TableSource;
  readonly signature: Signature;
  readonly plan: PredictionPlan;
  readonly validator: RowValidator;
  /** Which cell of a row feeds each feature, and which holds the label. */
  readonly match: Pick<ColumnMatch, 'indices' | 'labelIndex'>;
  /** One engine call (the model's session on the chosen backend). The feeds are made for it alone: it may hand their buffers over. */
  readonly run: (feeds: Record<string, HostTensor>) => Promise<Result<RunOutcome>>;
  readonly isCancelled: () => boolean;
  readonly softmax?: boolean;
  /**
   * How long a stretch of work may run before a turn for other tasks, and how to give it: the
   * page's default (STEP_MS, a timer) keeps it responsive; a worker needs turns only to hear a
   * cancel, and takes them less often and without the timer's delay.
   */
  readonly pace?: { readonly stepMs: number; readonly turn: () => Promise<void> };
  /** Each scored chunk, in order, as it is made: append it, never copy what came before. */
  readonly onChunk?: (chunk: ScoredChunk, progress: ScoreProgress) => void;
}

export interface ScoredTable {
  readonly cancelled: boolean;
  readonly rows: number;
  /** Counts and labels over every scored row: `tally.summary(recorded)` gives the metrics. */
  readonly tally: BatchTally;
  readonly elapsedMs: number;
  /** The rows of each engine call, in order. */
  readonly calls: readonly number[];
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

/** Rows read and not yet sent: blocks in file order, the first `offset` rows of the first already sent. */
function createQueue(width: number) {
  let blocks: RowBlock[] = [];
  let offset = 0;
  let size = 0;
  return {
    size: () => size,
    push(block: RowBlock): void {
      if (block.count === 0) return;
      blocks.push(block);
      size += block.count;
    },
    take(count: number): RowBlock {
      const taken = takeRows(blocks, offset, Math.min(count, size), width);
      size -= taken.count;
      offset += taken.count;
      while (blocks.length > 0 && offset >= blocks[0]!.count) {
        offset -= blocks[0]!.count;
        blocks = blocks.slice(1);
      }
      return taken;
    },
  };
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
  const queue = createQueue(match.indices.length);
  let inFlight: InFlight | null = null;
  const pace = createPace(job.pace?.stepMs ?? STEP_MS, job.pace?.turn ?? tick);
  // The rows of each engine call: `npm run bench:responsiveness` replays the same chunks against the engine alone.
  const calls: number[] = [];
  // A label column repeats a few cells a million times: one string each, not one per row (less for the collector to trace).
  const labels = new Map<string, string>();
  const intern = (cell: string): string => {
    const known = labels.get(cell);
    if (known !== undefined) return known;
    if (labels.size < 4096) labels.set(cell, cell);
    return cell;
  };

  function send(rows: RowBlock): InFlight {
    const prepared = prepareChunk(signature, validator, rowsPrepared, rows.cells, rows.truth, rows.values);
    rowsPrepared += rows.count;
    if (!prepared.feeds) return { prepared, result: null };
    calls.push(prepared.runnable.length);
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
    while (!job.isCancelled() && (queue.size() >= chunkRows || (final && queue.size() > 0))) {
      await pace.breathe();
      const next = send(queue.take(chunkRows));
      const failed = await land();
      inFlight = next;
      if (failed) return failed;
    }
    return final || job.isCancelled() ? land() : null;
  }

  return {
    tally,
    pace,
    rows: () => rowsDone,
    calls,
    add(batch: RowBatch | LinesBatch): void {
      const block = 'lines' in batch ? readPlainLines(batch.lines, batch.dialect, match, validator.plain ?? null, intern) : blockOfRows(batch.rows, match, intern);
      queue.push(block);
      rowsRead += block.count;
      readFraction = batch.fraction;
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
      chunker.add(batch.value);
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
  return ok({ cancelled: job.isCancelled(), rows: chunker.rows(), tally: chunker.tally, elapsedMs: performance.now() - started, calls: chunker.calls });
}
