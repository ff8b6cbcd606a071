import { LIFE_LOCK_PREFIX, type LifeLockHeld } from '../core/protocol/life-lock';

/** The part of a worker's global scope the life lock needs (a fake in tests). */
export interface LifeLockScope {
  readonly name: string;
  readonly navigator: { readonly locks?: Pick<LockManager, 'request'> };
  postMessage(message: LifeLockHeld): void;
}

/**
 * Holds, until this worker ends, a Web Lock named after the worker (see
 * core/protocol/life-lock.ts), then tells the page it holds it. Called before onnxruntime
 * starts. Without Web Locks (an insecure origin), nothing is held and the page is never told.
 */
export function holdLifeLock(scope: LifeLockScope): void {
  const { name } = scope;
  const locks = scope.navigator.locks;
  if (!locks || !name.startsWith(LIFE_LOCK_PREFIX)) return;
  void locks.request(name, () => {
    scope.postMessage({ lifeLockHeld: name });
    // Never settles: the browser releases the lock when this worker ends, however it ends.
    return new Promise<never>(() => undefined);
  });
}
