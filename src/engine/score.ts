import type { RunResult } from '../core/protocol/engine-api';
import { ok, type Result } from '../core/protocol/engine-error';
import type { TensorPayload } from '../core/protocol/tensor';
import { fromPayload, handOverPayload } from '../core/schema/host-tensor';
import type { RowBatch } from '../core/scoring/table-rows';
import type { ScoredBatch, ScoreOutcome, ScoreRequest } from '../core/scoring/score-request';

/** Jobs asked to stop; read between engine calls. */
export function createScoreControl() {
  const stopping = new Set<string>();
  return {
    cancel: (jobId: string): void => void stopping.add(jobId),
    isCancelled: (jobId: string): boolean => stopping.has(jobId),
    forget: (jobId: string): void => void stopping.delete(jobId),
  };
}

/**
 * Scores a table beside the session (`EngineApi.scoreTable`): the pipeline's code is loaded
 * on the first request, and each chunk's call goes to `run` (the engine's own, in its serial
 * queue, so other calls may come between two chunks). The feeds are the pipeline's own: their
 * buffers are handed over, not copied.
 */
export async function runScore(
  run: (sessionId: string, feeds: Readonly<Record<string, TensorPayload>>) => Promise<Result<RunResult>>,
  request: ScoreRequest,
  onChunks: (batch: ScoredBatch) => void | Promise<void>,
  handOver: <T>(value: T, transfer: ArrayBuffer[]) => T,
  pullRows: (() => Promise<RowBatch | null>) | undefined,
  control: ReturnType<typeof createScoreControl>,
): Promise<Result<ScoreOutcome>> {
  const { scoreRequest } = await import('../core/scoring/score-request');
  try {
    return await scoreRequest(request, {
      run: async (feeds) => {
        const payloads = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, handOverPayload(t)]));
        const result = await run(request.sessionId, payloads);
        if (!result.ok) return result;
        return ok({ outputs: Object.fromEntries(Object.entries(result.value.outputs).map(([name, p]) => [name, fromPayload(p)])), runMs: result.value.runMs });
      },
      isCancelled: () => control.isCancelled(request.jobId),
      onChunks: (batch, transfer) => onChunks(handOver(batch, transfer)),
      pullRows,
    });
  } finally {
    control.forget(request.jobId);
  }
}
