// How the page learns that an engine worker has gone, even when it exits without an
// 'error' event (`self.close()`, a browser that drops it). Each engine worker holds a Web
// Lock named after itself for its whole life; the browser releases a context's locks when
// the context ends, so the page, queued for the same lock, is granted it exactly then.
// The lock is kept by the browser, not by the worker's JavaScript, so a worker busy in a
// long `session.run` still holds it: no heartbeat, no deadline, no false alarm.

/** Every engine worker's name (and so its lock's name) starts with this. */
export const LIFE_LOCK_PREFIX = 'onnx-playground-engine:';

/**
 * A name unique across tabs (Web Locks are shared by every page of the origin):
 * the configuration, so it reads well in developer tools, and a random suffix.
 */
export function lifeLockName(key: string, random: () => number = Math.random): string {
  return `${LIFE_LOCK_PREFIX}${key}:${Date.now().toString(36)}${Math.floor(random() * 2 ** 48).toString(36)}`;
}

/** What a worker posts once it holds its lock: from then on, the page may wait for it. */
export interface LifeLockHeld {
  readonly lifeLockHeld: string;
}

export function isLifeLockHeld(message: unknown): message is LifeLockHeld {
  return typeof message === 'object' && message !== null && typeof (message as { lifeLockHeld?: unknown }).lifeLockHeld === 'string';
}
