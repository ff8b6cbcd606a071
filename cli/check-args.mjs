// Command-line parsing for `onnx-playground check`: plain data in, plain data out (check-args.test.ts).
import { parseArgs } from 'node:util';
import { UsageError } from './args.mjs';
/** @import { CheckCommand } from './command-types' */

export const CHECK_USAGE = `check opens a model with its own tests — a folder, .zip, .tar.gz or .tgz holding
model.onnx beside test_data_set_0/, test_data_set_1/… (input_K.pb and the expected
output_K.pb), as the ONNX Model Zoo and ONNX's backend tests lay them out — in the same
built app, runs every data set on each backend through its Check outputs tab, prints a
table of every output (elements, max |diff|, max relative diff, elements outside the
tolerance, pass/fail) with the failing elements, and the app's verdict.

Usage: onnx-playground check <package folder | .zip | .tar.gz | .tgz> [options]
       onnx-playground check <model or package> --data FILE|DIR... --expect FILE... [options]

Options of check:
  --data FILE|DIR   your own inputs instead of the package's data sets (repeatable; a folder
                    gives its files): .json, .npy (named after the input), .npz or input_K.pb
  --expect FILE     the expected outputs for them (repeatable): .json, .npy (named after
                    the output), .npz or output_K.pb
  --backend LIST    wasm, webgpu or wasm,webgpu (default: wasm); with both, their outputs
                    are also compared with each other (backend agreement)
  --rtol R          relative tolerance (default: 0.001, ONNX's backend-test value)
  --atol A          absolute tolerance (default: 1e-7); floats pass when
                    |got − expected| ≤ atol + rtol·|expected|; integers, booleans and strings
                    must be equal; NaN equals NaN
  --json FILE       write the app's check report (Download report (JSON)) to FILE:
                    {tool, createdAt, environment, model, tolerance: {rtol, atol},
                     cases: [{name, backend, outputs: {NAME: {dtype, dims, count, maxAbs,
                     maxRel, mismatched, pass, problem, failures}}, error, pass}], pass}
  --dist DIR, --timeout S, --quiet   as for the other commands

Exit status of check: 0 when every output of every data set passes on every backend,
1 when any differs or fails to run, 2 for a usage error or a package the app cannot use
(no model, no test data sets, a backend this browser lacks).`;

/**
 * @param {readonly string[]} argv the arguments after \`check\`
 * @returns {CheckCommand | { command: 'help' }}
 */
export function parseCheckCommand(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        backend: { type: 'string' },
        rtol: { type: 'string' },
        atol: { type: 'string' },
        json: { type: 'string' },
        data: { type: 'string', multiple: true },
        expect: { type: 'string', multiple: true },
        dist: { type: 'string' },
        timeout: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (check takes --data, --expect, --backend, --rtol, --atol, --json, --dist, --timeout, --quiet).`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [model, ...extra] = positionals;
  if (!model) throw new UsageError('check needs a package: a folder, .zip, .tar.gz or .tgz holding model.onnx and test_data_set_N/ folders (or a model with --data and --expect).');
  if (extra.length > 0) throw new UsageError(`Unexpected argument “${extra[0]}”.`);
  const backends = [...new Set((values.backend ?? 'wasm').split(',').map((b) => b.trim()).filter(Boolean))];
  if (backends.length === 0) throw new UsageError('--backend needs at least one value.');
  for (const b of backends) if (b !== 'wasm' && b !== 'webgpu') throw new UsageError(`Unknown backend “${b}”: use wasm, webgpu or wasm,webgpu.`);
  /** @param {string | undefined} text @param {string} what @param {string} fallback */
  const tolerance = (text, what, fallback) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--${what} must be a number ≥ 0, not “${text}”.`);
    return text.trim();
  };
  const data = values.data ?? [];
  const expected = values.expect ?? [];
  if ((data.length === 0) !== (expected.length === 0)) throw new UsageError(data.length === 0 ? '--expect needs --data: the inputs the expected outputs are for.' : '--data needs --expect: the outputs the model should give for those inputs.');
  const timeout = values.timeout === undefined ? 1800 : Number(values.timeout);
  if (!Number.isInteger(timeout) || timeout < 1) throw new UsageError(`--timeout must be a whole number ≥ 1, not “${values.timeout}”.`);
  return {
    command: 'check',
    model,
    backends: /** @type {const} */ (['wasm', 'webgpu']).filter((b) => backends.includes(b)),
    rtol: tolerance(values.rtol, 'rtol', '0.001'),
    atol: tolerance(values.atol, 'atol', '1e-7'),
    json: values.json ?? null,
    data,
    expect: expected,
    dist: values.dist ?? null,
    timeoutMs: timeout * 1000,
    quiet: values.quiet ?? false,
  };
}
