import { isLifeLockHeld } from '../../core/protocol/life-lock';
import { engineError, type EngineError } from '../../core/protocol/engine-error';

/** The part of `navigator.locks` the page needs: to queue for a worker's life lock. */
export type LifeLocks = Pick<LockManager, 'request'>;

/** The page's Web Locks, or null where the browser has none (an insecure origin). */
export const browserLocks = (): LifeLocks | null => (typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null);

export interface DeathReasons {
  /** The worker's script threw, or WebAssembly aborted: the browser fired 'error'. */
  readonly crashed: (detail: string) => EngineError;
  /** The worker ended without a word (`self.close()`, dropped by the browser). */
  readonly exited: () => EngineError;
}

/** Why an engine worker died, in words: `who` is e.g. "The wasm-1 engine". */
export function deathReasons(who: string, crashHint: string): DeathReasons {
  return {
    crashed: (detail) => engineError('worker-died', `${who} stopped unexpectedly${detail ? ` (${detail})` : ''}.`, crashHint),
    exited: () =>
      engineError(
        'worker-died',
        `${who} exited without reporting an error, so whatever it was doing was lost.`,
        'A fresh engine starts with your next action and other models are unaffected; if it keeps happening, reload the page.',
      ),
  };
}

/**
 * Settles (never rejects) with the reason once `worker` dies, however it dies.
 *
 * A crash fires 'error' on the Worker. A silent exit fires nothing, and a message posted
 * to a closed worker is dropped, so every later call would wait forever. Two ways to notice
 * it were weighed: a heartbeat with a deadline, and the worker's life lock. A heartbeat is
 * answered by the worker's JavaScript, which is blocked for the whole of a long
 * `session.run` (WASM runs on the worker's thread), so any deadline either raises false
 * alarms on long legitimate runs or is so long that a real exit goes unnoticed for minutes.
 * The life lock (core/protocol/life-lock.ts) is released by the browser when the worker's
 * context ends, whatever its JavaScript is doing, so the page learns of the exit within
 * milliseconds and never mistakes a busy worker for a dead one. Where Web Locks are missing
 * (`locks` null), only crashes are noticed.
 */
export function watchWorkerDeath(worker: Worker, lockName: string, locks: LifeLocks | null, reasons: DeathReasons): Promise<EngineError> {
  return new Promise<EngineError>((resolve) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      resolve(reasons.crashed(event.message));
    });
    if (!locks) return;
    const onMessage = (event: MessageEvent): void => {
      if (!isLifeLockHeld(event.data) || event.data.lifeLockHeld !== lockName) return;
      worker.removeEventListener('message', onMessage);
      // Queued behind the worker's own hold: granted only once the worker has ended.
      void locks.request(lockName, () => resolve(reasons.exited()));
    };
    worker.addEventListener('message', onMessage);
  });
}
