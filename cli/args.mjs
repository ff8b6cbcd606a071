// Command-line parsing for `onnx-playground`: plain data in, plain data out, unit-tested (args.test.ts).
import { parseArgs } from 'node:util';
import { SESSION_USAGE, sessionArgs } from './session-args.mjs';
/** @import { BenchCommand, Command, PredictCommand, PredictInput, TuneCommand, Values } from './command-types' */

export class UsageError extends Error {}

const SESSION_FLAGS = /** @type {const} */ (['graph-opt', 'dims', 'fix-dims', 'layout', 'graph-capture', 'gpu-outputs']);

export const USAGE = `onnx-playground — measure an ONNX model in headless Chromium, with the playground's own engine

Usage:
  onnx-playground bench <model.onnx | model.ort | package.zip | folder> [options]
  onnx-playground predict <model.onnx | model.ort | package.zip | folder> --input FILE|DIR|NAME=FILE … [options]
  onnx-playground tune <model.onnx | model.ort | package.zip | folder> --budget-p99 MS [options]
  onnx-playground check <package folder | .zip | .tar.gz | .tgz> [options]   (see below)
  onnx-playground --help | --version

bench opens the model in the built app (dist/, built first if missing), served on
127.0.0.1 with cross-origin isolation, drives its Benchmark tab in headless Chromium
(Playwright), prints a table and, with --json, writes the same file as the app's
"Download JSON".

Options of bench:
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
  --profile         also take each configuration apart (the app's "Also profile each
                    configuration"): adds to each result "profile" (time per operator
                    type of a warm run, from onnxruntime's profiler), "slowestNodes",
                    "placement" (WebGPU: nodes on the CPU, from onnxruntime's verbose
                    log) and "coldStart" {readMs, runtimeMs, sessionCreateMs,
                    firstRunMs, warmRunMs}
${SESSION_USAGE}

predict opens the model in the same built app and runs it through its Predict tab:
a .csv file (or a JSON table body, for a model with named features) goes through
"Score a file" (the app's batch scoring, column matching and metrics); tensor files
go to the tensor mode's "From files" drops, are read and checked against the model
by the app (which input, expected dtype/shape, what the file holds), and Predict is
pressed. It writes the app's "Download outputs (JSON)" document:
  {"outputs": {NAME: {"dims": [...], "dtype": "...", "data": [...]}},
   "metrics": {...}}   (metrics only when the file has the package's label column)
Values in "data": float32/float64/float16 as JSON numbers (float16 decoded from its
bits; NaN, Infinity and -Infinity as those strings); int64/uint64 as numbers when
|v| <= 2^53 - 1, else as strings of their exact digits; bool as true/false; strings
as strings. Rows the app does not score (missing or unreadable values) are left out
of the outputs and counted in stderr's summary.

Options of predict:
  --input FILE      the data, repeatable:
                    .csv: a table, alone (a header row naming the features, any order;
                      the package's target column adds metrics);
                    .json: an MLflow body (dataframe_split or dataframe_records for a
                      model with named features; {"inputs": {NAME: [...]}},
                      {"inputs": [...]} or {"instances": [...]} for tensors) or this
                      app's {"inputs"|"outputs": {NAME: {"dims", "dtype", "data"}}};
                    .npy (one array), .npz (numpy.savez: entries named after inputs),
                    .pb (ONNX TensorProto, matched by its name, else input_K.pb by K).
                    Tensors are matched to inputs by name (the tensor's, else the
                    file's: input_ids.npy), else by position; symbolic sizes (batch,
                    sequence) come from the data.
  --input DIR       a test_data_set_N folder (input_K.pb; the first set of a model
                    folder), or a folder of tensor files: every input at once
  --input NAME=FILE the values of input NAME (replaces NAME's value in a set file);
                    repeat for each input: --input input_ids=ids.npy --input mask=m.npy
  --out FILE        write the outputs document to FILE (default: stdout)
  --backend NAME    wasm or webgpu (default: wasm)
  --threads N       WASM threads, at most the browser's navigator.hardwareConcurrency
                    (default: 1)

tune runs the Speed tab's "Find the fastest setup": backend × WASM threads × batch
size, then session options (graph optimisation level, the batch dimension fixed with
freeDimensionOverrides) on the leaders, one configuration at a time within the time
cap. It prints the recommendation and writes the app's "Download recommendation (JSON)".

Options of tune:
  --budget-p99 MS   the latency budget: p99 of one request (one batch), milliseconds
  --min-batch N     requests come in batches of at least N (default: 1)
  --cap S           stop the search after S seconds (default: 30)
  --backend LIST    wasm, or wasm,webgpu to include WebGPU (default: wasm)
  --json FILE       where to write the recommendation (default: MODEL-fastest-setup.json)

Options of all:
  --dist DIR        the built app to serve (default: dist/ beside this tool; built with
                    \`vite build\` when missing)
  --timeout S       give up after S seconds (default: 1800)
  --quiet           no progress lines on stderr
  -h, --help        this text
  -v, --version     the tool's version

Chromium: CHROME_PATH, else /usr/bin/chromium and other usual paths, else Playwright's own.
WebGPU runs on whatever adapter Chromium finds; headless Linux usually has only
SwiftShader, a software emulation: its figures say nothing about a real GPU.

Exit status: 0 when every configuration was measured (bench), the outputs were
written (predict) or a configuration meets the budget (tune), 1 when the model, a
configuration or the input failed (the app's message is printed) or nothing meets
the budget, 2 for a usage error.`;

/**
 * @template T
 * @param {string} value
 * @param {string} what
 * @param {(item: string) => T} parse
 * @returns {T[]}
 */
function list(value, what, parse) {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${what} needs at least one value.`);
  return [...new Set(items.map(parse))];
}

/** @param {string} text @param {string} what @param {number} min */
function wholeNumber(text, what, min) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${what} must be a whole number ≥ ${min}, not “${text}”.`);
  return n;
}

/**
 * @param {readonly string[]} argv
 * @returns {Command}
 */
export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
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
        input: { type: 'string', multiple: true },
        out: { type: 'string' },
        profile: { type: 'boolean' },
        'budget-p99': { type: 'string' },
        'graph-opt': { type: 'string' },
        dims: { type: 'string' },
        'fix-dims': { type: 'boolean' },
        layout: { type: 'string' },
        'graph-capture': { type: 'boolean' },
        'gpu-outputs': { type: 'boolean' },
        'min-batch': { type: 'string' },
        cap: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, model, ...extra] = positionals;
  if (!command) throw new UsageError('No command given.');
  if (command === 'bench' || command === 'predict') {
    for (const flag of /** @type {const} */ (['budget-p99', 'min-batch', 'cap'])) if (values[flag] !== undefined) throw new UsageError(`--${flag} belongs to tune, not ${command}.`);
    if (command === 'predict' && values.profile) throw new UsageError('--profile belongs to bench, not predict.');
  }
  if (command !== 'bench') {
    const misplaced = SESSION_FLAGS.find((flag) => values[flag] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} belongs to bench, not ${command}.`);
  }
  if (command === 'predict') return predictCommand(values, model, extra);
  if (command === 'tune') return tuneCommand(values, model, extra);
  if (command !== 'bench') throw new UsageError(`Unknown command “${command}”.`);
  for (const flag of /** @type {const} */ (['input', 'out'])) if (values[flag] !== undefined) throw new UsageError(`--${flag} belongs to predict, not bench.`);
  if (!model) throw new UsageError('bench needs a model: a .onnx or .ort file, a .zip package or a folder.');
  if (extra.length > 0) throw new UsageError(`Unexpected argument “${extra[0]}”.`);
  if (values.runs !== undefined && values.seconds !== undefined) throw new UsageError('Give --runs or --seconds, not both.');

  const backends = list(values.backend ?? 'wasm', 'backend', (b) => {
    if (b !== 'wasm' && b !== 'webgpu') throw new UsageError(`Unknown backend “${b}”: use wasm, webgpu or both.`);
    return /** @type {'wasm' | 'webgpu'} */ (b);
  });
  const threads = list(values.threads ?? '1', 'threads', (t) => wholeNumber(t, 'threads', 1)).sort((a, b) => a - b);
  if (values.threads !== undefined && !backends.includes('wasm')) throw new UsageError('--threads applies to WASM: add --backend wasm.');
  const seconds = values.seconds === undefined ? null : Number(values.seconds);
  if (seconds !== null && !(seconds >= 0.1 && seconds <= 600)) throw new UsageError(`--seconds must be between 0.1 and 600, not “${values.seconds}”.`);
  const inputs = values.inputs ?? null;
  if (inputs !== null && inputs !== 'example' && inputs !== 'random') throw new UsageError(`--inputs is example or random, not “${inputs}”.`);
  /** @type {BenchCommand} */
  const bench = {
    command: 'bench',
    model,
    backends,
    threads,
    batch: values.batch === undefined ? null : list(values.batch, 'batch', (b) => wholeNumber(b, 'batch', 1)).sort((a, b) => a - b),
    warmup: values.warmup === undefined ? null : wholeNumber(values.warmup, 'warmup', 0),
    runs: values.runs === undefined ? null : wholeNumber(values.runs, 'runs', 1),
    seconds,
    inputs,
    json: values.json ?? null,
    dist: values.dist ?? null,
    timeoutMs: values.timeout === undefined ? 1_800_000 : wholeNumber(values.timeout, 'timeout', 1) * 1000,
    quiet: values.quiet ?? false,
    profile: values.profile ?? false,
    session: sessionArgs(values, backends),
  };
  return bench;
}

/**
 * `NAME=FILE` gives one input by name; anything else is a file or folder for the whole set.
 * A path that itself holds "=" before any "/" is written ./a=b.npy.
 * @param {string} text
 * @returns {PredictInput}
 */
export function inputArgument(text) {
  const eq = text.indexOf('=');
  const name = eq > 0 ? text.slice(0, eq) : '';
  if (name && !/[/\\]/.test(name) && !name.startsWith('.')) {
    const path = text.slice(eq + 1);
    if (!path) throw new UsageError(`--input ${text} names the input “${name}” but no file.`);
    return { name, path };
  }
  if (!text) throw new UsageError('--input needs a file.');
  return { name: null, path: text };
}

/**
 * @param {Values} values
 * @param {string | undefined} model
 * @param {string[]} extra
 * @returns {PredictCommand}
 */
function predictCommand(values, model, extra) {
  if (!model) throw new UsageError('predict needs a model: a .onnx or .ort file, a .zip package or a folder.');
  if (extra.length > 0) throw new UsageError(`Unexpected argument “${extra[0]}”.`);
  for (const flag of /** @type {const} */ (['batch', 'warmup', 'runs', 'seconds', 'inputs', 'json'])) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} belongs to bench, not predict${flag === 'json' ? ' (predict writes with --out)' : ''}.`);
  }
  if (values.input === undefined) throw new UsageError('predict needs --input FILE (.csv, .json, .npy, .npz, .pb or a folder), or --input NAME=FILE per input.');
  const input = values.input.map(inputArgument);
  const backend = values.backend ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'webgpu') throw new UsageError(`predict runs on one backend, wasm or webgpu, not “${backend}”.`);
  if (values.threads !== undefined && backend !== 'wasm') throw new UsageError('--threads applies to WASM: leave out --backend webgpu.');
  return {
    command: 'predict',
    model,
    input,
    backend,
    threads: values.threads === undefined ? 1 : wholeNumber(values.threads, 'threads', 1),
    out: values.out ?? null,
    dist: values.dist ?? null,
    timeoutMs: values.timeout === undefined ? 1_800_000 : wholeNumber(values.timeout, 'timeout', 1) * 1000,
    quiet: values.quiet ?? false,
  };
}

/**
 * @param {Values} values
 * @param {string | undefined} model
 * @param {string[]} extra
 * @returns {TuneCommand}
 */
function tuneCommand(values, model, extra) {
  if (!model) throw new UsageError('tune needs a model: a .onnx or .ort file, a .zip package or a folder.');
  if (extra.length > 0) throw new UsageError(`Unexpected argument “${extra[0]}”.`);
  for (const flag of /** @type {const} */ (['threads', 'batch', 'warmup', 'runs', 'seconds', 'inputs', 'profile', 'input', 'out'])) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} does not apply to tune: it chooses threads and batch sizes itself.`);
  }
  if (values['budget-p99'] === undefined) throw new UsageError('tune needs --budget-p99 MS, the latency budget (p99 of one request, in milliseconds).');
  const budgetP99Ms = Number(values['budget-p99']);
  if (!(budgetP99Ms > 0) || !Number.isFinite(budgetP99Ms)) throw new UsageError(`--budget-p99 must be a positive number of milliseconds, not “${values['budget-p99']}”.`);
  const capSeconds = values.cap === undefined ? 30 : Number(values.cap);
  if (!(capSeconds >= 1 && capSeconds <= 600)) throw new UsageError(`--cap must be between 1 and 600 seconds, not “${values.cap}”.`);
  const backends = list(values.backend ?? 'wasm', 'backend', (b) => {
    if (b !== 'wasm' && b !== 'webgpu') throw new UsageError(`Unknown backend “${b}”: use wasm or wasm,webgpu.`);
    return b;
  });
  if (!backends.includes('wasm')) throw new UsageError('tune always searches WASM: use --backend wasm,webgpu to add WebGPU.');
  return {
    command: 'tune',
    model,
    budgetP99Ms,
    minBatch: values['min-batch'] === undefined ? 1 : wholeNumber(values['min-batch'], 'min-batch', 1),
    capSeconds,
    webgpu: backends.includes('webgpu'),
    json: values.json ?? null,
    dist: values.dist ?? null,
    timeoutMs: values.timeout === undefined ? 1_800_000 : wholeNumber(values.timeout, 'timeout', 1) * 1000,
    quiet: values.quiet ?? false,
  };
}
