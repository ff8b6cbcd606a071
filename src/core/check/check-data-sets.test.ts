import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from './node-runner.fixture.mjs';
import { engineError, fail, ok } from '../protocol/engine-error';
import { summarizeOnnx } from '../package/onnx-summary';
import type { HostTensor } from '../schema/host-tensor';
import { readTarArchive } from '../tensors/tar-archive';
import { findTestDataSets } from '../tensors/test-data-set';
import type { TensorSet } from '../tensors/tensor-summary';
import { checkDataSets, type CheckPlan, type CheckRunner } from './check-data-sets';
import { buildCheckReport } from './check-report';
import { createCheckReportValidator } from './check-report-validator';
import { checkVerdict, differenceText } from './check-verdict';
import { DEFAULT_TOLERANCE } from './tolerance';

const MODELS = 'src/core/tensors/fixtures/models';

interface NodeRunner {
  run(feeds: TensorSet): Promise<Record<string, HostTensor>>;
  release(): Promise<void>;
}
const opened: NodeRunner[] = [];
afterAll(async () => {
  for (const r of opened) await r.release();
});

async function planOf(archive: string, backends: string[]): Promise<{ plan: CheckPlan; model: Uint8Array }> {
  const files = await readTarArchive(archive, new Uint8Array(readFileSync(`${MODELS}/${archive}`)));
  if (!files.ok) throw new Error(files.error.message);
  const found = findTestDataSets(files.value)!;
  const summary = summarizeOnnx(found.model.bytes);
  return { plan: { sets: found.sets, inputs: summary.inputs, outputs: summary.outputs, backends, tolerance: DEFAULT_TOLERANCE }, model: found.model.bytes };
}

/** onnxruntime-node behind every backend name; `skew` changes one backend's outputs, as a faulty backend would. */
async function nodeRunner(model: Uint8Array, skew: Record<string, (t: HostTensor) => HostTensor> = {}): Promise<CheckRunner & { runs: number }> {
  const session = (await createNodeRunner(ort, model)) as NodeRunner;
  opened.push(session);
  const runner = {
    runs: 0,
    prepare: async (backend: string) => (backend === 'broken' ? fail(engineError('session-failed', 'no kernel for GRU', 'use WASM')) : ok(null)),
    async run(backend: string, feeds: TensorSet) {
      runner.runs++;
      const out = await session.run(feeds);
      const change = skew[backend];
      return ok(change ? Object.fromEntries(Object.entries(out).map(([k, t]) => [k, change(t)])) : out);
    },
  };
  return runner;
}

const nudged = (t: HostTensor): HostTensor => (t.dtype === 'float32' ? { ...t, data: (t.data as Float32Array).map((v, i) => (i === 1 ? v + 3e-3 : v)) } : t);

describe('checkDataSets on onnxruntime-node', () => {
  it('passes token-gru’s two data sets (three inputs: int64 ids, mask, float state) and reports them in the report schema', async () => {
    const { plan, model } = await planOf('token-gru.tar.gz', ['cpu']);
    const seen: number[] = [];
    const run = await checkDataSets(plan, await nodeRunner(model), { onCase: (p) => void seen.push(p.done) });
    expect(seen).toEqual([1, 2]);
    expect(run.cases.map((c) => [c.name, c.backend, c.error, Object.values(c.outputs).map((o) => o.pass)])).toEqual([
      ['test_data_set_0', 'cpu', null, [true, true]],
      ['test_data_set_1', 'cpu', null, [true, true]],
    ]);
    const verdict = checkVerdict(run, 2);
    expect(verdict).toMatchObject({ pass: true, headline: 'Pass: all 2 cases (2 data sets on cpu) give the expected outputs within the tolerance.' });
    const report = buildCheckReport({ version: '0.1.0', createdAt: new Date(0), environment: { userAgent: 'node', ortVersion: 'node' }, model: { name: 'token-gru', bytes: model.length }, tolerance: plan.tolerance, cases: run.cases });
    expect(createCheckReportValidator()(report)).toEqual([]);
    expect(report.pass).toBe(true);
  });

  it('fails the perturbed expected output, naming the element, and still passes the untouched data set', async () => {
    const { plan, model } = await planOf('token-gru-perturbed.tar.gz', ['cpu']);
    const run = await checkDataSets(plan, await nodeRunner(model));
    const verdict = checkVerdict(run, 2);
    expect(verdict.pass).toBe(false);
    expect(verdict.headline).toBe('Fail: 1 of 2 cases differ from the expected outputs.');
    const bad = run.cases.find((c) => c.name === 'test_data_set_1')!;
    const output = Object.values(bad.outputs)[0]!;
    expect(output).toMatchObject({ mismatched: 1, pass: false });
    expect(output.failures).toHaveLength(1);
    expect(Math.abs(Number(output.failures[0]!.got) - Number(output.failures[0]!.expected))).toBeCloseTo(0.05, 3);
    expect(verdict.details[0]).toMatch(/^test_data_set_1 on cpu: output “\w+”: 1 of \d+ elements outside the tolerance \(worst at \[[\d, ]+\]: expected -?[\d.]+, got -?[\d.]+\)$/);
  });

  it('puts two backends side by side: a backend 3e-3 off shows in the agreement without a reference', async () => {
    const { plan, model } = await planOf('token-gru.tar.gz', ['wasm', 'webgpu']);
    const run = await checkDataSets(plan, await nodeRunner(model, { webgpu: nudged }));
    expect(run.cases.map((c) => c.backend)).toEqual(['wasm', 'wasm', 'webgpu', 'webgpu']);
    expect(run.agreement.map((a) => a.name)).toEqual(['test_data_set_0', 'test_data_set_1']);
    expect(run.agreement.every((a) => !a.agreement.agree)).toBe(true);
    const verdict = checkVerdict(run, 4, (b) => (b === 'wasm' ? 'WASM' : 'WebGPU'));
    expect(verdict.details.at(-1)).toMatch(/^WebGPU differs from WASM by 0\.003 on output “\w+”: 1 of \d+ elements outside the tolerance/);
    const same = await checkDataSets(plan, await nodeRunner(model));
    expect(checkVerdict(same, 4, (b) => b.toUpperCase()).details).toEqual(['Backends agree: WEBGPU gave the same outputs as WASM within the tolerance on every data set (largest difference 0).']);
  });

  it('a backend that cannot load the model fails its cases with the reason; cancel stops between cases', async () => {
    const { plan, model } = await planOf('token-gru.tar.gz', ['cpu', 'broken']);
    const run = await checkDataSets(plan, await nodeRunner(model));
    expect(run.cases.filter((c) => c.backend === 'broken').map((c) => c.error?.message)).toEqual(['no kernel for GRU', 'no kernel for GRU']);
    expect(run.agreement).toEqual([]);
    expect(checkVerdict(run, 4).headline).toBe('Fail: 2 of 4 cases could not run.');
    const runner = await nodeRunner(model);
    let asked = 0;
    const stopped = await checkDataSets(plan, runner, { cancelled: () => ++asked > 2 });
    expect(stopped).toMatchObject({ cancelled: true });
    expect(stopped.cases).toHaveLength(1);
    expect(runner.runs).toBe(1);
    expect(checkVerdict(stopped, 4).headline).toBe('Cancelled after 1 of 4 cases (1 passed): no verdict.');
  });

  it('writes differences as people read them', () => {
    expect([0, 3.2e-7, 0.0015, 0.25, 12, Infinity, null].map(differenceText)).toEqual(['0', '3.2e-7', '0.0015', '0.25', '12', '∞', '—']);
  });
});
