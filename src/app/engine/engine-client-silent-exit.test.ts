import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineError } from '../../core/protocol/engine-error';
import { toPayload } from '../../core/schema/host-tensor';
import { disposeRigs, doubled, loadOptions, rig, WASM } from './engine-client.fixture';

afterEach(disposeRigs);

const WASM_4 = { backend: 'wasm', threads: 4 } as const;
const feeds = () => ({ x: { dtype: 'float32' as const, dims: [2], data: Float32Array.of(1, 2) } });
const EXITED = /^The wasm-1 engine exited without reporting an error, so whatever it was doing was lost\.$/;

describe('EngineClient and a worker that exits without an error event', () => {
  it('notices an idle worker’s exit at once, reports it, and starts a fresh engine for the next call', async () => {
    const { client, factory, workers, engines, locks } = rig();
    const deaths: [string, EngineError][] = [];
    client.onWorkerDied((key, error) => deaths.push([key, error]));
    await client.load(WASM, 'm1', loadOptions());
    await vi.waitFor(() => expect(locks.isHeld(factory.mock.calls[0]![1])).toBe(true));

    workers[0]!.exitSilently();

    await vi.waitFor(() => expect(deaths).toHaveLength(1));
    expect(deaths[0]![0]).toBe('wasm-1');
    expect(deaths[0]![1]).toMatchObject({ code: 'worker-died', message: expect.stringMatching(EXITED), hint: expect.stringContaining('other models are unaffected') });
    expect(client.hasSession(WASM, 'm1')).toBe(false);
    expect(workers[0]!.terminated).toBe(true);

    // The next call goes to a fresh worker and works.
    expect((await client.load(WASM, 'm1', loadOptions())).ok).toBe(true);
    engines[1]!.runResult = () => doubled(engines[1]!.lastFeeds);
    const run = await client.run(WASM, 'm1', feeds());
    expect(run.ok && [...(run.value.outputs.y!.data as Float32Array)]).toEqual([2, 4]);
    expect(factory).toHaveBeenCalledTimes(2);
    expect(deaths).toHaveLength(1);
  });

  it('answers a call in flight with worker-died instead of leaving it pending forever', async () => {
    const { client, workers, engines } = rig();
    const died = vi.fn();
    client.onWorkerDied(died);
    await client.load(WASM, 'm1', loadOptions());
    engines[0]!.runResult = () => new Promise(() => {});
    const pending = client.run(WASM, 'm1', feeds());
    await engines[0]!.runStarted;

    workers[0]!.exitSilently();

    const run = await pending;
    expect(!run.ok && run.error).toMatchObject({ code: 'worker-died', message: expect.stringMatching(EXITED) });
    expect(died).toHaveBeenCalledOnce();
    expect(client.hasSession(WASM, 'm1')).toBe(false);
  });

  it('never takes a long run for a dead worker: there is no deadline, only the lock', async () => {
    const { client, engines } = rig();
    const died = vi.fn();
    client.onWorkerDied(died);
    await client.load(WASM, 'm1', loadOptions());
    engines[0]!.runResult = async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return doubled(engines[0]!.lastFeeds);
    };
    const run = await client.run(WASM, 'm1', feeds());
    expect(run.ok).toBe(true);
    expect(died).not.toHaveBeenCalled();
  });

  it('leaves the other configurations’ workers and models usable', async () => {
    const { client, workers, engines } = rig();
    const died = vi.fn();
    client.onWorkerDied(died);
    await client.load(WASM, 'a', loadOptions());
    await client.load(WASM_4, 'b', loadOptions());

    workers[0]!.exitSilently();
    await vi.waitFor(() => expect(died).toHaveBeenCalledOnce());

    expect(client.hasSession(WASM_4, 'b')).toBe(true);
    engines[1]!.runResult = () => doubled(engines[1]!.lastFeeds);
    expect((await client.run(WASM_4, 'b', feeds())).ok).toBe(true);
    expect(workers[1]!.terminated).toBe(false);
  });

  it('ends a profile whose worker exits silently, telling no pooled listener', async () => {
    const { client, workers, engines } = rig();
    const died = vi.fn();
    client.onWorkerDied(died);
    const request = { runId: 'p', model: loadOptions(), batchSize: 1, feeds: { x: toPayload(feeds().x) }, warmRuns: 1, profiledRuns: 1, placement: false };
    const pending = client.profile(WASM, request, () => undefined);
    engines[0]!.profileGate = () => new Promise(() => {});
    await vi.waitFor(() => expect(engines[0]!.profiles).toHaveLength(1));

    workers[0]!.exitSilently();

    const result = await pending;
    expect(!result.ok && result.error).toMatchObject({ code: 'worker-died', message: 'The engine profiling wasm-1 exited without reporting an error, so whatever it was doing was lost.' });
    expect(died).not.toHaveBeenCalled();
  });

  it('does not mistake its own ending of an idle worker for a death', async () => {
    const { client, workers } = rig(20);
    const died = vi.fn();
    client.onWorkerDied(died);
    const request = { runId: 'b', model: loadOptions(), warmupRuns: 0, stop: { kind: 'runs' as const, runs: 1 }, points: [{ batchSize: 1, feeds: { x: toPayload(feeds().x) } }] };
    expect((await client.benchmark(WASM, request, () => undefined)).ok).toBe(true);
    await vi.waitFor(() => expect(workers[0]!.terminated).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(died).not.toHaveBeenCalled();
  });
});
