import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { ScoredChunk } from '../schema/batch-chunk';
import type { BatchSummary } from '../schema/batch-summary';
import type { ColumnMatch } from '../schema/column-match';
import type { HostTensor } from '../schema/host-tensor';
import type { PredictionPlan } from '../schema/prediction';
import type { Signature } from '../schema/signature';
import { createRowValidator } from '../schema/validate-row';
import { scoreTable, type RunOutcome, type ScoreProgress } from './score-table';
import { csvTable, type RowBatch, type TableSource } from './table-rows';
import { toWire, type WireChunk } from './chunk-wire';
import { turn } from './tick';

/**
 * A table to score, as it crosses into the engine's worker: scoring runs beside the model's
 * session there, so that the page does none of the per-row work (reading, checking, packing,
 * reading predictions) and no engine call crosses a thread.
 */
export interface ScoreRequest {
  /** Names the job for `cancelScore`. */
  readonly jobId: string;
  readonly sessionId: string;
  /**
   * A CSV file (its header row skipped), or rows the page holds already, which the worker asks
   * for a batch at a time (`pullRows`) so that no single message copies a whole table.
   */
  readonly source: { readonly kind: 'csv'; readonly file: Blob } | { readonly kind: 'rows' };
  readonly signature: Signature;
  readonly plan: PredictionPlan;
  readonly match: Pick<ColumnMatch, 'indices' | 'labelIndex'>;
  readonly softmax?: boolean;
  /** The package's recorded metrics, to set beside those measured (null: none to compare). */
  readonly recorded: Readonly<Record<string, number>> | null;
}

/** Scored chunks in order, sent to the page a few at a time (`chunk-wire.ts`: coded for the trip). */
export interface ScoredBatch {
  readonly chunks: readonly WireChunk[];
  readonly progress: ScoreProgress;
}

/** What a scored table comes to. */
export interface ScoreOutcome {
  readonly cancelled: boolean;
  readonly rows: number;
  readonly summary: BatchSummary;
  readonly elapsedMs: number;
  /** The rows of each engine call, in order (`npm run bench:responsiveness` replays them). */
  readonly calls: readonly number[];
}

/** What scoring a request needs from where it runs: one engine call, and where chunks go. */
export interface ScoreHost {
  readonly run: (feeds: Record<string, HostTensor>) => Promise<Result<RunOutcome>>;
  readonly isCancelled: () => boolean;
  /** Takes a batch of chunks and the buffers it may transfer; a promise when it answers later (the page, across the worker boundary). */
  readonly onChunks: (batch: ScoredBatch, transfer: ArrayBuffer[]) => void | Promise<void>;
  /** The next rows of a `rows` source, or null at its end. */
  readonly pullRows?: () => Promise<RowBatch | null>;
}

/** Work between two turns for other messages (a cancel, another model's run): nobody waits on a worker's frames. */
const STEP_IN_WORKER_MS = 50;
/** Bytes of a CSV read and parsed per step in the worker. */
const WORKER_READ_BYTES = 1024 * 1024;
/** Bytes of it parsed per step: small steps keep chunks (and progress) flowing while a read is parsed. */
const WORKER_PARSE_BYTES = 128 * 1024;
/** Chunks go to the page at most this often: each batch is one message, and one update of the page. */
const SEND_EVERY_MS = 50;

async function* pulled(pull: () => Promise<RowBatch | null>): TableSource {
  for (let batch = await pull(); batch; batch = await pull()) yield ok(batch);
}

/** Scores a request through the one pipeline (`scoreTable`), in the engine's worker or, in tests, in place. */
export async function scoreRequest(request: ScoreRequest, host: ScoreHost): Promise<Result<ScoreOutcome>> {
  const { source } = request;
  if (source.kind === 'rows' && !host.pullRows) return fail(engineError('bad-input', 'No rows were given to score.', 'Choose the file again.'));
  // Read a megabyte at a time (each read costs about the same however large), parsed in smaller steps.
  const rows = source.kind === 'csv' ? csvTable(source.file, { skipHeader: true, chunkBytes: WORKER_PARSE_BYTES, readBytes: WORKER_READ_BYTES }) : pulled(host.pullRows!);
  let waiting: ScoredChunk[] = [];
  let sentAt = performance.now();
  const sending: (void | Promise<void>)[] = [];
  let last: ScoreProgress = { rowsDone: 0, fraction: 0 };
  const send = (): void => {
    if (waiting.length === 0) return;
    const wire = toWire(waiting);
    sending.push(host.onChunks({ chunks: wire.chunks, progress: last }, wire.transfer));
    waiting = [];
    sentAt = performance.now();
  };
  const scored = await scoreTable({
    rows,
    signature: request.signature,
    plan: request.plan,
    validator: createRowValidator(request.signature),
    match: request.match,
    softmax: request.softmax,
    run: host.run,
    isCancelled: host.isCancelled,
    pace: { stepMs: STEP_IN_WORKER_MS, turn },
    onChunk: (chunk, progress) => {
      waiting.push(chunk);
      last = progress;
      if (performance.now() - sentAt >= SEND_EVERY_MS) send();
    },
  });
  send();
  // Every chunk has reached the page before the outcome does (they travel by another channel).
  await Promise.all(sending);
  if (!scored.ok) return scored;
  const { cancelled, rows: done, tally, elapsedMs, calls } = scored.value;
  return ok({ cancelled, rows: done, summary: tally.summary(request.recorded), elapsedMs, calls });
}

/** What the engine's worker offers beside `EngineApi`: scoring a whole table next to a session. */
export interface ScoringApi {
  /** `onChunks` and `pullRows` cross the worker boundary as callbacks (comlink proxies). */
  scoreTable(request: ScoreRequest, onChunks: (batch: ScoredBatch) => void | Promise<void>, pullRows?: () => Promise<RowBatch | null>): Promise<Result<ScoreOutcome>>;
  /** Asks a running job to stop after the engine call in flight (not queued behind it). */
  cancelScore(jobId: string): Promise<void>;
}
