import { engineError, fail, ok, type EngineError, type Result } from '../../core/protocol/engine-error';
import { finishChunk, nextChunkRows, prepareChunk, type ScoredChunk } from '../../core/schema/batch-chunk';
import { createBatchTally, type BatchTally } from '../../core/schema/batch-summary';
import type { ColumnMatch } from '../../core/schema/column-match';
import type { HostTensor } from '../../core/schema/host-tensor';
import type { PredictionPlan } from '../../core/schema/prediction';
import type { Signature } from '../../core/schema/signature';
import type { RowValidator } from '../../core/schema/validate-row';
import type { RunOutcome } from '../engine/engine-gateway';
import type { RowSource } from './table-rows';

/** Feature values checked and packed per engine call at most, to keep each main-thread step short. */
export const CELLS_PER_CHUNK = 4_096;
/** Aim for engine calls of about this long, so that Cancel answers quickly. */
const TARGET_CALL_MS = 120;

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

/**
 * The one scoring pipeline (Predict's batch, Drift, Compare): rows in → checked chunks →
 * the engine → scored chunks out, in order. Chunks grow or shrink to take about
 * TARGET_CALL_MS per engine call. Cancel is read between chunks; a failed engine call or
 * an unreadable source ends the job with its error as a value.
 */
export async function scoreTable(job: ScoreTableJob): Promise<Result<ScoredTable>> {
  const started = performance.now();
  const { signature, plan, validator, match } = job;
  const tally = createBatchTally();
  const limit = Math.max(1, Math.floor(CELLS_PER_CHUNK / Math.max(1, signature.features.length)));
  const fixed = fixedBatchOf(signature);
  let chunkRows = fixed ?? Math.min(256, limit);
  let rowsDone = 0;
  let rowsRead = 0;
  let readFraction = 0;
  let queue: (readonly unknown[])[] = [];

  const scoreChunk = async (rows: readonly (readonly unknown[])[]): Promise<EngineError | null> => {
    const cells = rows.map((row) => match.indices.map((i) => row[i]));
    const label = match.labelIndex;
    const truth = label === null ? null : rows.map((row) => String(row[label] ?? ''));
    const prepared = prepareChunk(signature, validator, rowsDone, cells, truth);
    let outputs: RunOutcome['outputs'] | null = null;
    if (prepared.feeds) {
      // A mark per engine call: `npm run bench:responsiveness` replays the same chunks against the engine alone.
      performance.mark('score-table:run', { detail: { rows: prepared.runnable.length } });
      const result = await job.run(prepared.feeds);
      if (!result.ok) return result.error;
      outputs = result.value.outputs;
      if (!fixed) chunkRows = nextChunkRows(chunkRows, result.value.runMs, TARGET_CALL_MS, limit);
    }
    const chunk = finishChunk(prepared, plan, outputs, { softmax: job.softmax });
    tally.add(chunk);
    rowsDone += chunk.count;
    job.onChunk?.(chunk, { rowsDone, fraction: rowsRead > 0 ? readFraction * (rowsDone / rowsRead) : 0 });
    return null;
  };

  const drain = async (final: boolean): Promise<EngineError | null> => {
    let taken = 0;
    while (!job.isCancelled() && (queue.length - taken >= chunkRows || (final && queue.length > taken))) {
      const rows = queue.slice(taken, taken + chunkRows);
      taken += rows.length;
      const failed = await scoreChunk(rows);
      if (failed) return failed;
    }
    queue = queue.slice(taken);
    return null;
  };

  try {
    for await (const batch of job.rows) {
      if (!batch.ok) return batch;
      for (const row of batch.value.rows) queue.push(row);
      rowsRead += batch.value.rows.length;
      readFraction = batch.value.fraction;
      const failed = await drain(false);
      if (failed) return fail(failed);
      if (job.isCancelled()) break;
    }
    const failed = job.isCancelled() ? null : await drain(true);
    if (failed) return fail(failed);
  } catch (thrown) {
    // A bug in a reader or in the chunk code, not bad input: still a value, with what is known.
    return fail(engineError('run-failed', `Scoring stopped unexpectedly: ${thrown instanceof Error ? thrown.message : String(thrown)}.`, 'Try again; if it happens again, report it with the file.'));
  }
  return ok({ cancelled: job.isCancelled(), rows: rowsDone, tally, elapsedMs: performance.now() - started });
}
