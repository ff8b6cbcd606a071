import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineError, fail, type EngineError } from '../../core/protocol/engine-error';
import { disposeRigs, doubled, loadOptions, rig, WASM } from './engine-client.fixture';
import { exampleFacts } from '../../core/model/examples.fixture';

afterEach(disposeRigs);

describe('EngineClient', () => {
  it('scores a table in the session’s worker, pulling the page’s rows, and passes a cancel on while it runs', async () => {
    const { client, engines } = rig();
    await client.load(WASM, 'm1', loadOptions());
    const facts = exampleFacts('iris-pipeline');
    const request = { jobId: 'job-1', sessionId: 'm1', source: { kind: 'rows' as const }, signature: facts.signature, plan: facts.plan, match: { indices: [0, 1, 2, 3], labelIndex: 4 }, recorded: null };
    const rows = Array.from({ length: 50_000 }, () => ['5', '3', '1.5', '0.2', '0']);
    let batches = 0;
    const scored = await client.scoreTable(WASM, { request, rows, onChunks: () => void batches++, isCancelled: () => batches >= 3 });
    expect(scored.ok && scored.value.cancelled).toBe(true);
    expect(engines[0]!.scoreCancels).toEqual(['job-1']);
    // Rows went over 5,000 at a time, and not all of them: the job stopped early.
    expect(scored.ok && scored.value.rows % 5000).toBe(0);
    expect(scored.ok && scored.value.rows).toBeLessThan(50_000);
    // A model the worker does not hold is refused before anything is sent.
    const unknown = await client.scoreTable(WASM, { request: { ...request, sessionId: 'nope' }, onChunks: () => undefined, isCancelled: () => false });
    expect(unknown.ok ? null : unknown.error.code).toBe('unknown-session');
  });

  it('starts a worker lazily, loads, then runs on it', async () => {
    const { client, factory, engines } = rig();
    expect(factory).not.toHaveBeenCalled();

    const loaded = await client.load(WASM, 'm1', loadOptions());
    expect(loaded).toMatchObject({ ok: true, value: { sessionId: 'm1' } });
    expect(factory).toHaveBeenCalledOnce();
    expect(factory).toHaveBeenCalledWith(WASM, expect.stringMatching(/^onnx-playground-engine:wasm-1/));
    expect(engines[0]!.loads[0]).toMatchObject({ sessionId: 'm1', backend: 'wasm', fileName: 'model.onnx' });
    expect([...new Uint8Array(engines[0]!.loads[0]!.modelBytes)]).toEqual([1, 2, 3]);
    expect(client.hasSession(WASM, 'm1')).toBe(true);
    expect(client.hasSession({ backend: 'wasm', threads: 4 }, 'm1')).toBe(false);

    engines[0]!.runResult = () => doubled(engines[0]!.lastFeeds);
    const run = await client.run(WASM, 'm1', { x: { dtype: 'float32', dims: [3], data: Float32Array.of(1, 2, 3) } });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.runMs).toBe(0.5);
    expect(run.value.outputs.y!.dims).toEqual([3]);
    expect([...(run.value.outputs.y!.data as Float32Array)]).toEqual([2, 4, 6]);
    expect(factory).toHaveBeenCalledOnce();
  });

  it('refuses to run a session it never loaded', async () => {
    const { client, factory } = rig();
    const run = await client.run(WASM, 'ghost', {});
    expect(!run.ok && run.error.code).toBe('unknown-session');
    expect(factory).not.toHaveBeenCalled();
  });

  it('retires the worker when the engine reports worker-died, and starts a fresh one next time', async () => {
    const { client, factory, workers, engines } = rig();
    const deaths: [string, EngineError][] = [];
    client.onWorkerDied((key, error) => deaths.push([key, error]));
    await client.load(WASM, 'm1', loadOptions());

    const crash = engineError('worker-died', 'The inference engine crashed while running the model (RuntimeError: unreachable).', 'restart');
    engines[0]!.runResult = async () => fail(crash);
    const run = await client.run(WASM, 'm1', { x: { dtype: 'float32', dims: [1], data: Float32Array.of(1) } });

    expect(run).toEqual({ ok: false, error: crash });
    expect(workers[0]!.terminated).toBe(true);
    expect(deaths).toEqual([['wasm-1', crash]]);
    expect(client.hasSession(WASM, 'm1')).toBe(false);

    const again = await client.load(WASM, 'm1', loadOptions());
    expect(again.ok).toBe(true);
    expect(factory).toHaveBeenCalledTimes(2);
    expect(engines[1]!.loads).toHaveLength(1);
    expect(workers[1]!.terminated).toBe(false);
    expect(client.hasSession(WASM, 'm1')).toBe(true);
  });

  it('keeps the worker after an ordinary failure', async () => {
    const { client, workers, engines } = rig();
    const died = vi.fn();
    client.onWorkerDied(died);
    await client.load(WASM, 'm1', loadOptions());
    const run = await client.run(WASM, 'm1', {});
    expect(!run.ok && run.error.code).toBe('run-failed');
    expect(workers[0]!.terminated).toBe(false);
    expect(died).not.toHaveBeenCalled();
    expect(client.hasSession(WASM, 'm1')).toBe(true);
    expect(engines).toHaveLength(1);
  });

  it('answers a pending call with worker-died when the worker fires error, instead of hanging', async () => {
    const { client, factory, workers, engines } = rig();
    const died = vi.fn();
    client.onWorkerDied(died);
    await client.load(WASM, 'm1', loadOptions());

    engines[0]!.runResult = () => new Promise(() => {});
    const pending = client.run(WASM, 'm1', { x: { dtype: 'float32', dims: [1], data: Float32Array.of(1) } });
    await engines[0]!.runStarted;
    const event = workers[0]!.crash('Uncaught RuntimeError: memory access out of bounds');

    const run = await pending;
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.error.code).toBe('worker-died');
    expect(run.error.message).toBe('The wasm-1 engine stopped unexpectedly (Uncaught RuntimeError: memory access out of bounds).');
    expect(event.defaultPrevented).toBe(true);
    expect(workers[0]!.terminated).toBe(true);
    expect(died).toHaveBeenCalledOnce();
    expect(died).toHaveBeenCalledWith('wasm-1', run.error);
    expect(client.hasSession(WASM, 'm1')).toBe(false);

    expect((await client.load(WASM, 'm2', loadOptions())).ok).toBe(true);
    expect(factory).toHaveBeenCalledTimes(2);
  });

  it('lets a listener unsubscribe', async () => {
    const { client, workers } = rig();
    const died = vi.fn();
    const off = client.onWorkerDied(died);
    await client.load(WASM, 'm1', loadOptions());
    off();
    workers[0]!.crash('gone');
    await vi.waitFor(() => expect(workers[0]!.terminated).toBe(true));
    expect(died).not.toHaveBeenCalled();
  });

  it('releases a session on the worker that holds it', async () => {
    const { client, engines } = rig();
    await client.load(WASM, 'm1', loadOptions());
    await client.release('m1');
    expect(engines[0]!.releases).toEqual(['m1']);
    expect(client.hasSession(WASM, 'm1')).toBe(false);
    await client.release('m1');
    expect(engines[0]!.releases).toEqual(['m1']);
  });

  it('keeps one worker per backend configuration', async () => {
    const { client, factory } = rig();
    await client.load(WASM, 'a', loadOptions());
    await client.load({ backend: 'wasm', threads: 4 }, 'a', loadOptions());
    await client.load({ backend: 'webgpu', threads: 1 }, 'a', loadOptions());
    await client.load(WASM, 'b', loadOptions());
    expect(factory.mock.calls.map(([config]) => config)).toEqual([WASM, { backend: 'wasm', threads: 4 }, { backend: 'webgpu', threads: 1 }]);
  });
});

