// Command-line parsing for `onnx-playground`: plain data in, plain data out, unit-tested (args.test.ts).
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export const USAGE = `onnx-playground — measure an ONNX model in headless Chromium, with the playground's own engine

Usage:
  onnx-playground bench <model.onnx | model.ort | package.zip | folder> [options]
  onnx-playground --help | --version

bench opens the model in the built app (dist/, built first if missing), served on
127.0.0.1 with cross-origin isolation, drives its Benchmark tab in headless Chromium
(Playwright), prints a table and, with --json, writes the same file as the app's
"Download JSON".

Options:
  --backend LIST    backends to compare, comma-separated: wasm, webgpu (default: wasm)
  --threads LIST    WASM thread counts, comma-separated, each at most the browser's
                    navigator.hardwareConcurrency (default: 1)
  --batch LIST      batch sizes, comma-separated (default: the app's, 1,8,32,128 when the
                    model's batch dimension is symbolic; a model with a fixed batch size
                    accepts only that size)
  --warmup N        warm-up runs per point (default: 10)
  --runs N          timed runs per point (default: 100)
  --seconds S       instead of --runs: a time budget per point, in seconds
  --inputs KIND     example (the package's input_example.json repeated to the batch size)
                    or random (seeded); default: example when the package has one
  --json FILE       write the results as JSON (the app's benchmark format) to FILE
  --dist DIR        the built app to serve (default: dist/ beside this tool; built with
                    \`vite build\` when missing)
  --timeout S       give up after S seconds (default: 1800)
  --quiet           no progress lines on stderr
  -h, --help        this text
  -v, --version     the tool's version

Chromium: CHROME_PATH, else /usr/bin/chromium and other usual paths, else Playwright's own.
WebGPU runs on whatever adapter Chromium finds; headless Linux usually has only
SwiftShader, a software emulation: its figures say nothing about a real GPU.

Exit status: 0 when every configuration was measured, 1 when the model or a
configuration failed (the app's message is printed), 2 for a usage error.`;

function list(value, what, parse) {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${what} needs at least one value.`);
  return [...new Set(items.map(parse))];
}

function wholeNumber(text, what, min) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${what} must be a whole number ≥ ${min}, not “${text}”.`);
  return n;
}

/** @returns {{ command: 'help' | 'version' } | { command: 'bench', model: string, backends: string[], threads: number[], batch: number[] | null, warmup: number | null, runs: number | null, seconds: number | null, inputs: 'example' | 'random' | null, json: string | null, dist: string | null, timeoutMs: number, quiet: boolean }} */
export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        backend: { type: 'string' },
        threads: { type: 'string' },
        batch: { type: 'string' },
        warmup: { type: 'string' },
        runs: { type: 'string' },
        seconds: { type: 'string' },
        inputs: { type: 'string' },
        json: { type: 'string' },
        dist: { type: 'string' },
        timeout: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, model, ...extra] = positionals;
  if (!command) throw new UsageError('No command given.');
  if (command !== 'bench') throw new UsageError(`Unknown command “${command}”.`);
  if (!model) throw new UsageError('bench needs a model: a .onnx or .ort file, a .zip package or a folder.');
  if (extra.length > 0) throw new UsageError(`Unexpected argument “${extra[0]}”.`);
  if (values.runs !== undefined && values.seconds !== undefined) throw new UsageError('Give --runs or --seconds, not both.');

  const backends = list(values.backend ?? 'wasm', 'backend', (b) => {
    if (b !== 'wasm' && b !== 'webgpu') throw new UsageError(`Unknown backend “${b}”: use wasm, webgpu or both.`);
    return b;
  });
  const threads = list(values.threads ?? '1', 'threads', (t) => wholeNumber(t, 'threads', 1)).sort((a, b) => a - b);
  if (values.threads !== undefined && !backends.includes('wasm')) throw new UsageError('--threads applies to WASM: add --backend wasm.');
  const seconds = values.seconds === undefined ? null : Number(values.seconds);
  if (seconds !== null && !(seconds >= 0.1 && seconds <= 600)) throw new UsageError(`--seconds must be between 0.1 and 600, not “${values.seconds}”.`);
  if (values.inputs !== undefined && values.inputs !== 'example' && values.inputs !== 'random') throw new UsageError(`--inputs is example or random, not “${values.inputs}”.`);
  return {
    command: 'bench',
    model,
    backends,
    threads,
    batch: values.batch === undefined ? null : list(values.batch, 'batch', (b) => wholeNumber(b, 'batch', 1)).sort((a, b) => a - b),
    warmup: values.warmup === undefined ? null : wholeNumber(values.warmup, 'warmup', 0),
    runs: values.runs === undefined ? null : wholeNumber(values.runs, 'runs', 1),
    seconds,
    inputs: values.inputs ?? null,
    json: values.json ?? null,
    dist: values.dist ?? null,
    timeoutMs: values.timeout === undefined ? 1_800_000 : wholeNumber(values.timeout, 'timeout', 1) * 1000,
    quiet: values.quiet ?? false,
  };
}
