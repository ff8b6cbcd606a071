import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BatchOutputsDocument } from '../src/core/schema/batch-outputs';

// `onnx-playground predict` drives its own headless Chromium through the app's Predict tab,
// serving the same build the other specs use.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');
const CLI = join(ROOT, 'cli', 'onnx-playground.mjs');
const EXAMPLES = join(ROOT, 'public', 'examples');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], command = process.execPath, prefix = [CLI]): Promise<Outcome> {
  return new Promise((done) => {
    execFile(command, [...prefix, ...args], { cwd: ROOT, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const scratch = (): string => mkdtempSync(join(tmpdir(), 'op-predict-cli-'));
const csvRows = (path: string): string[][] =>
  readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));

/** A float32 .npy file (format 1.0), as numpy.save writes it. */
function npy(shape: number[], values: number[]): Buffer {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += `${' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64)}\n`;
  const pre = Buffer.alloc(10);
  Buffer.from('\x93NUMPY', 'latin1').copy(pre);
  pre[6] = 1;
  pre.writeUInt16LE(header.length, 8);
  return Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.from(Float32Array.from(values).buffer)]);
}

test.describe.configure({ timeout: 240_000 });

test('predict scores a package’s test.csv: outputs for every row, and metrics that reproduce the recorded accuracy', async () => {
  const out = join(scratch(), 'iris.json');
  const run = await cli(['predict', 'public/examples/iris-pipeline', '--input', 'public/examples/iris-pipeline/test.csv', '--out', out, '--dist', DIST]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toContain(`Wrote ${out}`);
  expect(run.stderr).toContain('45 of 45 rows scored');
  const doc = JSON.parse(readFileSync(out, 'utf8')) as BatchOutputsDocument;
  const rows = csvRows(join(EXAMPLES, 'iris-pipeline', 'test.csv')).length - 1;
  expect(Object.keys(doc).sort()).toEqual(['metrics', 'outputs', 'rows']);
  // Every row scored: output row k is file row k + 1.
  expect(doc.rows).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
  expect(doc.outputs.label).toMatchObject({ dims: [rows], dtype: 'int64' });
  expect(doc.outputs.probabilities).toMatchObject({ dims: [rows, 3], dtype: 'float32' });
  expect(doc.outputs.label!.data).toHaveLength(rows);
  expect(doc.outputs.probabilities!.data).toHaveLength(rows * 3);
  const metadata = JSON.parse(readFileSync(join(EXAMPLES, 'iris-pipeline', 'metadata.json'), 'utf8')) as { performance_metrics: { accuracy: number } };
  const recorded = metadata.performance_metrics.accuracy;
  expect(doc.metrics).toMatchObject({ labelColumn: 'target', rows, scored: rows, labelled: rows, skipped: 0 });
  // Equal up to the decimals metadata.json prints (0.9111 = 41/45).
  expect(Number(doc.metrics!.classification!.accuracy.toFixed(4))).toBe(recorded);
  expect(doc.metrics!.recorded).toContainEqual(expect.objectContaining({ key: 'accuracy', recorded, status: 'reproduced' }));
  // The predicted labels are the ones the metrics counted.
  const truth = csvRows(join(EXAMPLES, 'iris-pipeline', 'test.csv')).slice(1).map((r) => Number(r.at(-1)));
  const correct = (doc.outputs.label!.data as number[]).filter((p, i) => p === truth[i]).length;
  expect(correct / rows).toBeCloseTo(doc.metrics!.classification!.accuracy, 12);
});

test('predict fills digits-cnn’s tensor input from a .npy array and presses Predict', async () => {
  const dir = scratch();
  const file = join(dir, 'digits.npy');
  const [header, ...rows] = csvRows(join(EXAMPLES, 'digits-cnn', 'test.csv'));
  const pixels = header!.filter((c) => c.startsWith('pixel_')).length;
  const picked = rows.slice(0, 4);
  writeFileSync(file, npy([picked.length, 1, 8, 8], picked.flatMap((r) => r.slice(0, pixels).map(Number))));
  const run = await cli(['predict', 'public/examples/digits-cnn', '--input', file, '--dist', DIST]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toMatch(/Ran on WASM, 1 thread/);
  const doc = JSON.parse(run.stdout) as BatchOutputsDocument;
  expect(Object.keys(doc)).toEqual(['outputs']);
  const [name, logits] = Object.entries(doc.outputs)[0]!;
  expect(name).toBe('logits');
  expect(logits).toMatchObject({ dims: [picked.length, 10], dtype: 'float32' });
  expect(logits.data).toHaveLength(picked.length * 10);
  // The argmax of each row is the digit: the test rows are real digits the model gets right.
  const predicted = picked.map((_, r) => {
    const row = (logits.data as number[]).slice(r * 10, r * 10 + 10);
    return row.indexOf(Math.max(...row));
  });
  const truth = picked.map((r) => Number(r.at(-1)));
  expect(predicted.filter((p, i) => p === truth[i]).length).toBeGreaterThanOrEqual(3);
});

test('predict takes an MLflow dataframe_split JSON body', async () => {
  const dir = scratch();
  const file = join(dir, 'wine-split.json');
  const [header, ...rows] = csvRows(join(EXAMPLES, 'wine-mlflow', 'test.csv'));
  const features = header!.filter((c) => c !== 'target');
  const picked = rows.slice(0, 7).map((r) => r.slice(0, features.length).map(Number));
  writeFileSync(file, JSON.stringify({ dataframe_split: { columns: features, data: picked } }));
  const out = join(dir, 'out.json');
  const run = await cli(['predict', 'public/examples/wine-mlflow', '--input', file, '--out', out, '--backend', 'webgpu', '--dist', DIST, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toBe('');
  const doc = JSON.parse(readFileSync(out, 'utf8')) as BatchOutputsDocument;
  expect(doc.metrics).toBeUndefined();
  const probabilities = doc.outputs.probabilities!;
  expect(probabilities.dims).toEqual([picked.length, 3]);
  for (let r = 0; r < picked.length; r++) {
    const sum = (probabilities.data as number[]).slice(r * 3, r * 3 + 3).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 4);
  }
});

test('predict explains bad input and exits non-zero', async () => {
  const missing = await cli(['predict', 'public/examples/iris-pipeline', '--input', 'no/such/data.csv', '--dist', DIST]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('No such input file or folder: no/such/data.csv');

  const wrongKind = await cli(['predict', 'public/examples/iris-pipeline', '--input', 'README.md', '--dist', DIST]);
  expect(wrongKind.code).toBe(1);
  expect(wrongKind.stderr).toContain('README.md is not a .csv, .json, .npy, .npz or .pb file.');

  // A misnamed column: the app's own column-mismatch message comes back.
  const dir = scratch();
  const misnamed = join(dir, 'misnamed.csv');
  writeFileSync(misnamed, readFileSync(join(EXAMPLES, 'iris-pipeline', 'test.csv'), 'utf8').replace('petal width (cm)', 'petal wdth'));
  const mismatch = await cli(['predict', 'public/examples/iris-pipeline', '--input', misnamed, '--dist', DIST, '--quiet']);
  expect(mismatch.code).toBe(1);
  expect(mismatch.stdout).toBe('');
  expect(mismatch.stderr).toContain('The app cannot match the columns of misnamed.csv: The file’s columns do not match the model’s features: column “petal wdth” looks like feature “petal width (cm)”.');

  // An array of the wrong shape: the app's own tensor message comes back.
  const flat = join(dir, 'flat.npy');
  writeFileSync(flat, npy([2, 64], new Array<number>(128).fill(0)));
  const shape = await cli(['predict', 'public/examples/digits-cnn', '--input', flat, '--dist', DIST, '--quiet']);
  expect(shape.code).toBe(1);
  expect(shape.stderr).toMatch(/The app cannot use flat\.npy: .*“pixels” has 2 dimensions \[2, 64\], but the model expects 4/);

  const unknownFlag = await cli(['predict', 'public/examples/iris-pipeline', '--input', 'x.csv', '--colour', 'red']);
  expect(unknownFlag.code).toBe(2);
  expect(unknownFlag.stderr).toMatch(/Unknown option '--colour'/);
  expect(unknownFlag.stderr).toContain('Run `onnx-playground --help` for the options.');

  const noInput = await cli(['predict', 'public/examples/iris-pipeline']);
  expect(noInput.code).toBe(2);
  expect(noInput.stderr).toContain('predict needs --input FILE (.csv, .json, .npy, .npz, .pb or a folder), or --input NAME=FILE per input.');

  const benchFlag = await cli(['predict', 'public/examples/iris-pipeline', '--input', 'x.csv', '--runs', '5']);
  expect(benchFlag.code).toBe(2);
  expect(benchFlag.stderr).toContain('--runs belongs to bench, not predict.');
});

test('npx onnx-playground --help documents every predict flag', async () => {
  const help = await cli(['onnx-playground', '--help'], 'npx', ['--no-install']);
  expect(help.code, help.stderr).toBe(0);
  expect(help.stdout).toContain('onnx-playground predict <model.onnx | model.ort | package.zip | folder> --input FILE|DIR|NAME=FILE … [options]');
  for (const flag of ['--input FILE', '--input DIR', '--input NAME=FILE', '--out FILE', '--backend NAME', '--threads N', '--dist DIR', '--timeout S', '--quiet']) expect(help.stdout).toContain(flag);
});
