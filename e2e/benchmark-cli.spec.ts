import { test, expect } from '@playwright/test';
import Ajv from 'ajv';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARK_REPORT_SCHEMA } from '../src/core/benchmark/report-schema';
import type { BenchmarkReport } from '../src/core/benchmark/report';

// The CLI drives its own headless Chromium and serves the same build the other specs use.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');
const CLI = join(ROOT, 'cli', 'onnx-playground.mjs');
const validate = new Ajv({ allErrors: true }).compile(BENCHMARK_REPORT_SCHEMA);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], command = process.execPath, prefix = [CLI]): Promise<Outcome> {
  return new Promise((done) => {
    execFile(command, [...prefix, ...args], { cwd: ROOT, timeout: 180_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

test.describe.configure({ timeout: 240_000 });

test('bench measures a package folder on WASM and WebGPU and writes the JSON', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'op-cli-')), 'iris.json');
  const run = await cli(['bench', 'public/examples/iris-pipeline', '--backend', 'wasm,webgpu', '--threads', '1,2', '--batch', '1,4', '--warmup', '1', '--runs', '6', '--json', out, '--dist', DIST]);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchmarkReport;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  expect(report.tool).toEqual({ name: 'onnx-playground', version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version });
  expect(report.model.file).toBe('model.onnx');
  expect(report.model.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(report.settings).toMatchObject({ batchSizes: [1, 4], warmupRuns: 1, stop: { kind: 'runs', runs: 6 }, inputs: 'example' });
  expect(report.results.map((r) => `${r.backend}-${r.threads}:${r.points.map((p) => `${p.batchSize}x${p.runs}`).join(',')}`)).toEqual(['wasm-1:1x6,4x6', 'wasm-2:1x6,4x6', 'webgpu-1:1x6,4x6']);
  expect(report.environment.webgpuAdapter).toMatchObject({ architecture: 'swiftshader', software: true });
  // The table on stdout, the progress on stderr.
  expect(run.stdout).toMatch(/^backend\s+session ms\s+first run ms\s+batch\s+runs\s+p50 ms/m);
  expect(run.stdout).toMatch(/^WASM 2 threads\s/m);
  expect(run.stdout).toMatch(/^WebGPU \(software\)\s/m);
  expect(run.stderr).toContain(`Wrote ${out}`);
});

test('bench takes a bare model and a time budget', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'op-cli-')), 'wine.json');
  const run = await cli(['bench', 'public/examples/wine-mlflow/model.onnx', '--seconds', '0.2', '--warmup', '2', '--batch', '1', '--json', out, '--dist', DIST, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchmarkReport;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  expect(report.settings).toMatchObject({ stop: { kind: 'time', ms: 200 }, inputs: 'random' });
  expect(report.results).toHaveLength(1);
  expect(report.results[0]!.points[0]!.runs).toBeGreaterThan(0);
});

test('bench explains bad input and exits non-zero', async () => {
  const missing = await cli(['bench', 'no/such/model.onnx', '--dist', DIST]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('No such file or folder: no/such/model.onnx');

  const textAsModel = await cli(['bench', 'README.md', '--dist', DIST]);
  expect(textAsModel.code).toBe(1);
  expect(textAsModel.stderr).toContain('README.md is not a model or a package');

  // A file the app itself refuses: its message comes back.
  const fake = join(mkdtempSync(join(tmpdir(), 'op-cli-')), 'notes.onnx');
  writeFileSync(fake, 'not a model\n');
  const refused = await cli(['bench', fake, '--dist', DIST, '--quiet']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/The app could not open notes\.onnx: .*not an ONNX model/);

  const threads = await cli(['bench', 'public/examples/iris-pipeline', '--threads', '64', '--dist', DIST, '--quiet']);
  expect(threads.code).toBe(1);
  expect(threads.stderr).toMatch(/WASM with 64 thread\(s\) is not offered by this browser: it offers 1(, \d+)*\./);

  const usage = await cli(['bench', 'x.onnx', '--runs', 'many']);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('--runs must be a whole number ≥ 1, not “many”.');
});

test('npx onnx-playground --help documents every flag', async () => {
  const help = await cli(['onnx-playground', '--help'], 'npx', ['--no-install']);
  expect(help.code, help.stderr).toBe(0);
  for (const flag of ['--backend', '--threads', '--batch', '--warmup', '--runs', '--seconds', '--json', '--dist']) expect(help.stdout).toContain(flag);
});
