// Command-line parsing for `onnx-playground`: plain data in, plain data out, unit-tested (args.test.ts).
import { parseArgs } from 'node:util';
import { sessionArgs } from './session-args.mjs';
/** @import { BenchCommand, Command, PredictCommand, PredictInput, TuneCommand, Values } from './command-types' */

export class UsageError extends Error {}

const SESSION_FLAGS = /** @type {const} */ (['graph-opt', 'dims', 'fix-dims', 'layout', 'graph-capture', 'gpu-outputs']);

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

/** Every option of bench, predict and tune; each command refuses the others' (parseCommandLine). */
const OPTIONS = /** @type {const} */ ({
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
});

/**
 * The model argument, alone.
 * @param {string} command
 * @param {string | undefined} model
 * @param {string[]} extra
 * @returns {string}
 */
function modelArgument(command, model, extra) {
  if (!model) throw new UsageError(`${command} needs a model: a .onnx or .ort file, a .zip package or a folder.`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument “${extra[0]}”.`);
  return model;
}

/** @param {Values} values @returns {number} */
function timeoutMs(values) {
  return values.timeout === undefined ? 1_800_000 : wholeNumber(values.timeout, 'timeout', 1) * 1000;
}

/**
 * @param {readonly string[]} argv
 * @returns {Command}
 */
export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
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
  return benchCommand(values, model, extra);
}

/**
 * @param {Values} values
 * @param {string | undefined} model
 * @param {string[]} extra
 * @returns {BenchCommand}
 */
function benchCommand(values, model, extra) {
  for (const flag of /** @type {const} */ (['input', 'out'])) if (values[flag] !== undefined) throw new UsageError(`--${flag} belongs to predict, not bench.`);
  const path = modelArgument('bench', model, extra);
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
  return {
    command: 'bench',
    model: path,
    backends,
    threads,
    batch: values.batch === undefined ? null : list(values.batch, 'batch', (b) => wholeNumber(b, 'batch', 1)).sort((a, b) => a - b),
    warmup: values.warmup === undefined ? null : wholeNumber(values.warmup, 'warmup', 0),
    runs: values.runs === undefined ? null : wholeNumber(values.runs, 'runs', 1),
    seconds,
    inputs,
    json: values.json ?? null,
    dist: values.dist ?? null,
    timeoutMs: timeoutMs(values),
    quiet: values.quiet ?? false,
    profile: values.profile ?? false,
    session: sessionArgs(values, backends),
  };
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
  const path = modelArgument('predict', model, extra);
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
    model: path,
    input,
    backend,
    threads: values.threads === undefined ? 1 : wholeNumber(values.threads, 'threads', 1),
    out: values.out ?? null,
    dist: values.dist ?? null,
    timeoutMs: timeoutMs(values),
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
  const path = modelArgument('tune', model, extra);
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
    model: path,
    budgetP99Ms,
    minBatch: values['min-batch'] === undefined ? 1 : wholeNumber(values['min-batch'], 'min-batch', 1),
    capSeconds,
    webgpu: backends.includes('webgpu'),
    json: values.json ?? null,
    dist: values.dist ?? null,
    timeoutMs: timeoutMs(values),
    quiet: values.quiet ?? false,
  };
}
