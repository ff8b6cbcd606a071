import { test, expect } from '@playwright/test';
import Ajv from 'ajv';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARK_REPORT_SCHEMA } from '../src/core/benchmark/report-schema';
import type { BenchmarkReport } from '../src/core/benchmark/report';
import { TUNE_REPORT_SCHEMA } from '../src/core/profile/tune-report-schema';
import type { TuneReport } from '../src/core/profile/tune-report';
import { cpuFallbackModel } from './support/onnx-builder';

// The CLI drives its own headless Chromium and serves the same build the other specs use.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');
const CLI = join(ROOT, 'cli', 'onnx-playground.mjs');
const ajv = new Ajv({ allErrors: true });
const validateBench = ajv.compile(BENCHMARK_REPORT_SCHEMA);
const validateTune = ajv.compile(TUNE_REPORT_SCHEMA);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = ROOT): Promise<Outcome> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd, timeout: 240_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

test.describe.configure({ timeout: 300_000 });

test('bench --profile adds profile, slowestNodes, placement and coldStart to each result', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'op-speed-cli-'));
  const model = join(dir, 'fallback.onnx');
  writeFileSync(model, cpuFallbackModel());
  const out = join(dir, 'bench.json');
  const run = await cli(['bench', model, '--backend', 'wasm,webgpu', '--batch', '1', '--warmup', '1', '--runs', '5', '--profile', '--json', out, '--dist', DIST]);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchmarkReport;
  expect(validateBench(report), JSON.stringify(validateBench.errors)).toBe(true);
  const [wasm, webgpu] = report.results;
  for (const r of [wasm!, webgpu!]) {
    expect(Object.keys(r.coldStart!)).toEqual(['readMs', 'runtimeMs', 'sessionCreateMs', 'firstRunMs', 'warmRunMs']);
    expect(r.coldStart!.sessionCreateMs).toBeGreaterThan(0);
    expect(r.slowestNodes!.length).toBeGreaterThan(0);
    // Sorted, most time first.
    const totals = r.profile!.map((t) => t.totalMs);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  }
  expect(wasm!.profile!.map((t) => t.opType).sort()).toEqual(['Hardmax', 'MatMul', 'Relu']);
  expect(wasm!.placement).toBeUndefined();
  // On WebGPU, onnxruntime's own log names the node it left to the CPU, and the profile shows the copies around it.
  expect(webgpu!.placement).toEqual({ cpuNodes: 1, nodes: [{ name: 'odd_one', opType: 'Hardmax' }] });
  expect(webgpu!.profile!.map((t) => t.opType)).toEqual(expect.arrayContaining(['Hardmax', 'MemcpyToHost', 'MemcpyFromHost']));
  expect(webgpu!.profile!.find((t) => t.opType === 'Hardmax')!.count).toBe(1);
  expect(run.stdout).toMatch(/^WebGPU \(software\), taken apart:$/m);
  expect(run.stdout).toContain('  placement: 1 node on the CPU: odd_one (Hardmax)');
});

test('tune prints the recommendation and writes it, as the Speed tab downloads it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'op-speed-cli-'));
  // A generous budget: this spec shares two cores with another worker's Chromium, and one stall in a
  // few hundred runs is a p99 (a CI run once measured every setup over 20 ms here).
  const run = await cli(['tune', join(ROOT, 'public/examples/iris-pipeline'), '--budget-p99', '200', '--cap', '4', '--dist', DIST, '--quiet'], dir);
  expect(run.code, `${run.stderr}\n${run.stdout}`).toBe(0);
  const file = join(dir, 'iris-pipeline-fastest-setup.json');
  expect(existsSync(file)).toBe(true);
  expect(run.stderr).toContain(`Wrote iris-pipeline-fastest-setup.json`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as TuneReport;
  expect(validateTune(report), JSON.stringify(validateTune.errors)).toBe(true);
  expect(report.settings).toEqual({ budgetP99Ms: 200, minBatch: 1, capSeconds: 4, webgpu: false });
  expect(report.recommendation.fastest).toMatchObject({ backend: 'wasm', batchSize: 1, withinBudget: true });
  expect(report.tried.length).toBeGreaterThan(0);
  expect(run.stdout).toContain('Budget: p99 ≤ 200 ms per request, batch ≥ 1');
  expect(run.stdout).toContain(report.recommendation.summary);
  expect(run.stdout).toMatch(/^Fastest within the budget: WASM \d threads?, batch 1( \(.*\))?$/m);
  expect(run.stdout).toMatch(/^setup\s+options\s+batch\s+runs\s+p50 ms\s+p99 ms/m);
});

test('tune exits non-zero when nothing meets the budget, or the input is bad', async () => {
  const usage = await cli(['tune', 'public/examples/iris-pipeline']);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('tune needs --budget-p99 MS');

  const notModel = await cli(['tune', 'README.md', '--budget-p99', '20', '--dist', DIST]);
  expect(notModel.code).toBe(1);
  expect(notModel.stderr).toContain('README.md is not a model or a package');

  // An impossible budget: still an answer (the closest setup, and how far off), written, but exit 1.
  const dir = mkdtempSync(join(tmpdir(), 'op-speed-cli-'));
  const out = join(dir, 'impossible.json');
  const impossible = await cli(['tune', 'public/examples/iris-pipeline', '--budget-p99', '0.000001', '--cap', '2', '--json', out, '--dist', DIST, '--quiet']);
  expect(impossible.code).toBe(1);
  expect(impossible.stdout).toMatch(/^Nothing fits p99 ≤ 0\.000001 ms at batch 1\. The closest is WASM · \d threads?, batch 1( \(.*\))? at p99 /m);
  const report = JSON.parse(readFileSync(out, 'utf8')) as TuneReport;
  expect(validateTune(report), JSON.stringify(validateTune.errors)).toBe(true);
  expect(report.recommendation).toMatchObject({ fastest: null, closest: { batchSize: 1, withinBudget: false } });
});
