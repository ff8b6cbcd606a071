import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCheckReportValidator } from '../../core/check/check-report-validator';
import { isReady, type ReadyModel } from '../store/models-slice';
import { rig, type Rig } from './actions.fixture';

const MODELS = 'src/core/tensors/fixtures/models';
const DEFAULTS = { backends: ['wasm'] as const, rtol: '0.001', atol: '1e-7' };

async function openArchive(r: Rig, name: string): Promise<ReadyModel> {
  await r.actions.openFiles([new File([readFileSync(`${MODELS}/${name}`)], name)]);
  const model = r.store.getState().models.at(-1);
  if (!isReady(model)) throw new Error(`${name} did not open: ${r.store.getState().notices.map((n) => n.message).join(' ')}`);
  return model;
}

describe('check actions (the Check outputs view), on the real engine over onnxruntime-node', () => {
  it('opens a zoo-style .tar.gz and passes both data sets, with progress, and a report in the schema', async () => {
    const r = rig();
    const model = await openArchive(r, 'token-gru.tar.gz');
    const seen: number[] = [];
    const unsubscribe = r.store.subscribe((s) => {
      const done = s.checks[model.id]?.done;
      if (done !== undefined && seen.at(-1) !== done) seen.push(done);
    });
    await r.check.startCheck(model.id, { ...DEFAULTS, backends: ['wasm'] });
    unsubscribe();
    const state = r.store.getState().checks[model.id]!;
    expect(state).toMatchObject({ status: 'done', total: 2, done: 2, labels: { wasm: 'WASM, 1 thread' }, error: null });
    expect(seen).toEqual([0, 1, 2]);
    expect(state.cases.map((c) => [c.name, c.backend, Object.values(c.outputs).every((o) => o.pass)])).toEqual([
      ['test_data_set_0', 'wasm', true],
      ['test_data_set_1', 'wasm', true],
    ]);
    const report = r.check.checkReport(model.id)!;
    // vitest builds with tool version “test”: the schema wants a semver.
    expect(createCheckReportValidator()({ ...report, tool: { ...report.tool, version: '0.0.0' } })).toEqual([]);
    expect(report).toMatchObject({ pass: true, model: { name: 'token-gru' }, tolerance: { rtol: 0.001, atol: 1e-7 } });
  });

  it('fails the perturbed data set with its element, and refuses a bad tolerance or an unavailable backend with a notice', async () => {
    const r = rig();
    const model = await openArchive(r, 'token-gru-perturbed.tar.gz');
    await r.check.startCheck(model.id, DEFAULTS);
    const report = r.check.checkReport(model.id)!;
    expect(report.pass).toBe(false);
    const failing = report.cases.filter((c) => !c.pass);
    expect(failing.map((c) => c.name)).toEqual(['test_data_set_1']);
    const output = Object.values(failing[0]!.outputs).find((o) => !o.pass)!;
    expect(output).toMatchObject({ mismatched: 1 });
    expect(output.failures).toHaveLength(1);

    await r.check.startCheck(model.id, { ...DEFAULTS, rtol: 'a lot' });
    expect(r.store.getState().checks[model.id]).toMatchObject({ status: 'idle', error: expect.stringMatching(/^The tolerance must be two numbers ≥ 0/) });
    await r.check.startCheck(model.id, { ...DEFAULTS, backends: ['webgpu'] });
    expect(r.store.getState().notices[0]?.message).toBe('WebGPU is not available in this browser (tests).');
  });

  it('stops when cancelled, and leaves nothing behind when the model closes', async () => {
    const r = rig();
    const model = await openArchive(r, 'token-gru.tar.gz');
    r.engine.beforeRun = () => {
      r.check.cancelCheck(model.id);
      return undefined;
    };
    await r.check.startCheck(model.id, DEFAULTS);
    expect(r.store.getState().checks[model.id]).toMatchObject({ status: 'cancelled', done: 1 });
    expect(r.check.checkReport(model.id)).toBeNull();
    await r.actions.closeModel(model.id);
    expect(r.store.getState().checks).toEqual({});
  });

  it('checks the user’s own inputs against their expected outputs, for a model without test data', async () => {
    const r = rig();
    const dir = 'e2e/fixtures/check';
    await r.actions.openFiles([new File([readFileSync(`${dir}/gemm-perturbed/model.onnx`)], 'model.onnx')]);
    const model = r.store.getState().models.at(-1)!;
    const file = (path: string): File => new File([readFileSync(`${dir}/${path}`)], path.slice(path.lastIndexOf('/') + 1));
    const inputs = [0, 1, 2].map((k) => file(`gemm-perturbed/test_data_set_0/input_${k}.pb`));
    await r.check.startCheck(model.id, { ...DEFAULTS, files: { inputs, expected: [file('gemm-default-matrix-bias/test_data_set_0/output_0.pb')] } });
    expect(r.check.checkReport(model.id)).toMatchObject({ pass: true, cases: [{ name: 'your files', backend: 'wasm', pass: true }] });
    await r.check.startCheck(model.id, { ...DEFAULTS, files: { inputs, expected: [file('gemm-perturbed/test_data_set_0/output_0.pb')] } });
    const report = r.check.checkReport(model.id)!;
    expect(report.cases[0]!.outputs.y!.failures).toEqual([{ index: [1, 2], expected: '2.7016792', got: '2.2016792' }]);
    await r.check.startCheck(model.id, { ...DEFAULTS, files: { inputs, expected: [] } });
    expect(r.store.getState().notices[0]?.message).toBe('Give the expected outputs too: a check needs both.');
  });
});
