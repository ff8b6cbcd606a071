import { proxy, type Remote } from 'comlink';
import type { Result } from '../../core/protocol/engine-error';
import { fromWire } from '../../core/scoring/chunk-wire';
import type { ScoredBatch, ScoreOutcome, ScoringApi } from '../../core/scoring/score-request';
import { rowPuller } from '../../core/scoring/table-rows';
import type { ScoreJob } from './engine-gateway';

/** How often a cancel is looked for while no chunk arrives. */
const CANCEL_POLL_MS = 100;

/**
 * A scoring job in the worker that holds its session: a cancel is passed on as chunks arrive
 * and every CANCEL_POLL_MS, rows the page holds are pulled from it a batch at a time, and the
 * chunks come back spelled out (`fromWire`). `guarded` ends the call if the worker dies.
 */
export async function runScoreJob(api: Remote<ScoringApi>, job: ScoreJob, guarded: (call: Promise<Result<ScoreOutcome>>) => Promise<Result<ScoreOutcome>>): Promise<Result<ScoreOutcome>> {
  const { request } = job;
  let asked = false;
  const stop = (): void => {
    if (asked || !job.isCancelled()) return;
    asked = true;
    void api.cancelScore(request.jobId);
  };
  const watch = setInterval(stop, CANCEL_POLL_MS);
  const pull = job.rows ? proxy(rowPuller(job.rows)) : undefined;
  try {
    const onChunks = proxy((batch: ScoredBatch) => {
      job.onChunks({ chunks: fromWire(batch.chunks), progress: batch.progress });
      stop();
    });
    const result = await guarded(api.scoreTable(request, onChunks, pull));
    // The rows of each engine call: `npm run bench:responsiveness` replays the same chunks against the engine alone.
    performance.mark('score-table:calls', { detail: { rows: result.ok ? result.value.calls : [] } });
    return result;
  } finally {
    clearInterval(watch);
  }
}
