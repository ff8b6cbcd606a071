import { describe, expect, it, vi } from 'vitest';
import { engineError } from '../../core/protocol/engine-error';
import { LIFE_LOCK_PREFIX, lifeLockName } from '../../core/protocol/life-lock';
import { holdLifeLock } from '../../engine/life-lock';
import { FakeLocks } from './engine-client.fixture';
import { watchWorkerDeath } from './worker-death';

const reasons = { crashed: (detail: string) => engineError('worker-died', `crashed: ${detail}`, ''), exited: () => engineError('worker-died', 'exited', '') };
const settled = async (promise: Promise<unknown>) => Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 30))]);

/** A Worker as the watcher sees it: an event target. */
function fakeWorker() {
  const target = new EventTarget();
  const post = (data: unknown) => target.dispatchEvent(new MessageEvent('message', { data }));
  const crash = (message: string) => {
    const event = Object.assign(new Event('error', { cancelable: true }), { message });
    target.dispatchEvent(event);
    return event;
  };
  return { worker: target as unknown as Worker, post, crash };
}

describe('watchWorkerDeath', () => {
  it('settles with "exited" once the worker that said it holds its lock lets go of it', async () => {
    const locks = new FakeLocks();
    const name = lifeLockName('wasm-1');
    const { worker, post } = fakeWorker();
    const death = watchWorkerDeath(worker, name, locks.as('page'), reasons);
    holdLifeLock({ name, navigator: { locks: locks.as(name) }, postMessage: post });
    await vi.waitFor(() => expect(locks.isHeld(name)).toBe(true));
    expect(await settled(death)).toBe(false);
    locks.endContext(name);
    expect(await death).toEqual(reasons.exited());
  });

  it('never queues for a lock the worker has not said it holds (no false alarm while it starts)', async () => {
    const locks = new FakeLocks();
    const { worker, post } = fakeWorker();
    const death = watchWorkerDeath(worker, lifeLockName('wasm-1'), locks.as('page'), reasons);
    post({ lifeLockHeld: `${LIFE_LOCK_PREFIX}someone-else` });
    post({ id: 'a comlink reply' });
    expect(await settled(death)).toBe(false);
  });

  it('reports a crash with its detail and keeps it from the console', async () => {
    const { worker, crash } = fakeWorker();
    const death = watchWorkerDeath(worker, lifeLockName('wasm-1'), null, reasons);
    const event = crash('RuntimeError: unreachable');
    expect(await death).toEqual(reasons.crashed('RuntimeError: unreachable'));
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('holdLifeLock (worker side)', () => {
  it('holds a lock named after the worker and says so', async () => {
    const locks = new FakeLocks();
    const name = lifeLockName('webgpu');
    const posted: unknown[] = [];
    holdLifeLock({ name, navigator: { locks: locks.as(name) }, postMessage: (m) => posted.push(m) });
    await vi.waitFor(() => expect(posted).toEqual([{ lifeLockHeld: name }]));
    expect(locks.isHeld(name)).toBe(true);
  });

  it('does nothing without Web Locks, or in a worker not named as an engine', async () => {
    const locks = new FakeLocks();
    const posted: unknown[] = [];
    holdLifeLock({ name: lifeLockName('wasm-1'), navigator: {}, postMessage: (m) => posted.push(m) });
    holdLifeLock({ name: 'package-reader', navigator: { locks: locks.as('package-reader') }, postMessage: (m) => posted.push(m) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(posted).toEqual([]);
    expect(locks.isHeld('package-reader')).toBe(false);
  });

  it('names each worker uniquely, across tabs', () => {
    const names = new Set(Array.from({ length: 100 }, () => lifeLockName('wasm-1')));
    expect(names.size).toBe(100);
    expect([...names].every((n) => n.startsWith(`${LIFE_LOCK_PREFIX}wasm-1:`))).toBe(true);
  });
});
