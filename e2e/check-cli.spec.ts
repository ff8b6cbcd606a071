import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckReport } from '../src/core/check/check-report';
import { createCheckReportValidator } from '../src/core/check/check-report-validator';

// `onnx-playground check` drives its own headless Chromium through the app's Check outputs
// tab, serving the same build the other specs use. Fixtures: ONNX backend node tests (e2e/fixtures/check/).
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');
const CLI = join(ROOT, 'cli', 'onnx-playground.mjs');
const FIXTURES = 'e2e/fixtures/check';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Outcome> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

test.describe.configure({ timeout: 240_000 });

test('check passes a package with three inputs, exit 0, and writes a report in the schema; a wrong expected output exits 1 naming the element', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'op-check-cli-')), 'gemm.json');
  const run = await cli(['check', `${FIXTURES}/gemm-default-matrix-bias`, '--json', out, '--dist', DIST, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/test_data_set_0 +wasm +y +float32 \[3, 4\] +12 +\S+ +\S+ +0 +pass/);
  expect(run.stdout).toContain('Pass: all 1 case (1 data set on WASM, 1 thread) give the expected outputs within the tolerance.');
  const report = JSON.parse(readFileSync(out, 'utf8')) as CheckReport;
  expect(createCheckReportValidator()(report)).toEqual([]);
  expect(report).toMatchObject({ pass: true, model: { name: 'gemm-default-matrix-bias' }, tolerance: { rtol: 0.001, atol: 1e-7 } });
  expect(report.cases).toEqual([expect.objectContaining({ name: 'test_data_set_0', backend: 'wasm', pass: true, error: null })]);

  const bad = await cli(['check', `${FIXTURES}/gemm-perturbed`, '--dist', DIST, '--quiet']);
  expect(bad.code, bad.stderr).toBe(1);
  expect(bad.stdout).toMatch(/test_data_set_0 +wasm +y +float32 \[3, 4\] +12 +0\.5 +\S+ +1 +FAIL/);
  expect(bad.stdout).toContain('  [1, 2]  expected 2.7016792  got 2.2016792');
  expect(bad.stdout).toContain('Fail: 1 of 1 case differ from the expected outputs.');
});

test('check takes your own inputs and expected outputs for a bare model; exits 2 on a package without test data, a bare model alone, and a usage error', async () => {
  const own = await cli(['check', `${FIXTURES}/gemm-perturbed/model.onnx`, '--data', `${FIXTURES}/gemm-default-matrix-bias/test_data_set_0`, '--expect', `${FIXTURES}/gemm-default-matrix-bias/test_data_set_0/output_0.pb`, '--dist', DIST, '--quiet']);
  expect(own.code, own.stderr).toBe(0);
  expect(own.stdout).toMatch(/your files +wasm +y +float32 \[3, 4\] +12 +\S+ +\S+ +0 +pass/);

  const none = await cli(['check', 'public/examples/iris-pipeline', '--dist', DIST, '--quiet']);
  expect(none.code, none.stderr).toBe(2);
  expect(none.stderr).toContain('onnx-playground check: iris-pipeline has no test data: This package has no test data');
  const bare = await cli(['check', `${FIXTURES}/gemm-perturbed/model.onnx`]);
  expect(bare.code).toBe(2);
  expect(bare.stderr).toContain('model.onnx is not a package (expected a folder, .zip, .tar.gz or .tgz).');
  const usage = await cli(['check', `${FIXTURES}/gemm-perturbed`, '--rtol', 'loose']);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('--rtol must be a number ≥ 0, not “loose”.');
  const help = await cli(['--help']);
  expect(help.stdout).toContain('onnx-playground check <package folder | .zip | .tar.gz | .tgz> [options]');
  expect(help.stdout).toContain('Exit status of check: 0 when every output of every data set passes');
});
