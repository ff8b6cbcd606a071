// `onnx-playground predict`: the app's own Predict tab, driven headless. No second
// implementation: the CLI opens the model through the app's file input, gives the data
// file to "Score a file" (CSV/JSON) or to the tensor input's upload (.npy), and takes the
// app's "Download outputs (JSON)".
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { alertsText, BenchError, downloadJson, modelSource, openModel, withAppPage } from './bench.mjs';
/** @import { Locator, Page } from 'playwright-core' */
/** @import { Log, PredictCommand } from './command-types' */

/** The data file: a table for "Score a file", or an array for a tensor input. */
/** @typedef {{ readonly kind: 'npy' | 'table', readonly path: string }} InputFile */
/** The app's "Download outputs (JSON)" document (src/core/schema/batch-outputs.ts). */
/** @typedef {{ outputs: Record<string, { dims: number[], dtype: string, data: unknown[] }>, metrics?: unknown }} OutputsDocument */

/** The data file: exists, and is one of the kinds the Predict tab takes. */
/**
 * @param {string} path
 * @returns {InputFile}
 */
export function inputSource(path) {
  const full = resolve(path);
  if (!existsSync(full) || !statSync(full).isFile()) throw new BenchError(`No such input file: ${path}`, 'Give a .csv, .json or .npy file with --input.');
  const ext = extname(full).toLowerCase();
  if (!['.csv', '.json', '.npy'].includes(ext)) throw new BenchError(`${basename(full)} is not a .csv, .json or .npy file.`, 'predict takes a CSV with a header row, an MLflow JSON body, or a NumPy .npy array.');
  return { kind: ext === '.npy' ? 'npy' : 'table', path: full };
}

/**
 * The shape in a .npy header (only the header: the app reads the data). Used to set the
 * model's symbolic sizes in the form, as a user would before uploading the array.
 */
/**
 * @param {string} path
 * @returns {number[] | null}
 */
export function npyShape(path) {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('latin1');
    const match = /'shape':\s*\(([^)]*)\)/.exec(text);
    if (!text.startsWith('\x93NUMPY') || !match) return null;
    return (match[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  } finally {
    closeSync(fd);
  }
}

/** Waits for one of the locators to be visible; returns its index. */
/** @param {Page} page @param {Locator[]} locators @param {number} timeoutMs */
async function firstVisible(page, locators, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const [i, locator] of locators.entries()) if (await locator.first().isVisible()) return i;
    if (Date.now() > deadline) throw new BenchError(`Gave up after ${timeoutMs / 1000} s (--timeout).`, 'Give a smaller input or a longer --timeout.');
    await page.waitForTimeout(200);
  }
}

/** @param {Page} page @param {PredictCommand} options */
async function chooseBackend(page, options) {
  if (options.backend === 'webgpu') {
    const radio = page.getByRole('radio', { name: 'WebGPU' });
    if (await radio.isDisabled()) throw new BenchError('WebGPU is not available in this browser.', (await page.getByTestId('webgpu-adapter').innerText()).trim());
    await radio.check();
    return;
  }
  await page.getByRole('radio', { name: 'WASM', exact: true }).check();
  const select = page.getByRole('combobox', { name: 'WASM threads' });
  const offered = await select.locator('option').allInnerTexts();
  if (!offered.includes(String(options.threads))) {
    throw new BenchError(`WASM with ${options.threads} thread(s) is not offered by this browser: it offers ${offered.join(', ')}.`, (await page.getByTestId('threading-mode').innerText()).trim());
  }
  if (await select.isEnabled()) await select.selectOption(String(options.threads));
}

/** CSV or JSON: the batch panel's file input, then its "Download outputs (JSON)". */
/**
 * @param {Page} page
 * @param {InputFile} input
 * @param {PredictCommand} options
 * @param {Log} log
 * @returns {Promise<{ doc: OutputsDocument, status: string }>}
 */
async function scoreFile(page, input, options, log) {
  const name = basename(input.path);
  if (await page.getByText('This model takes tensors without named features').isVisible()) {
    throw new BenchError(`${name} cannot be scored: the app says this model takes tensors without named features, so rows of a file cannot be matched to its inputs.`, 'Give the input as a .npy array instead.');
  }
  const alertsBefore = (await alertsText(page)).length;
  await page.getByTestId('batch-file-input').setInputFiles(input.path);
  const done = page.getByRole('button', { name: 'Download outputs (JSON)' });
  const mismatch = page.getByTestId('column-mismatch');
  const alerts = page.getByRole('alert');
  const deadline = Date.now() + options.timeoutMs;
  let last = '';
  for (;;) {
    // The mismatch is itself an alert: look for it first, and again when a new alert appears.
    const newAlert = (await alerts.count()) > alertsBefore;
    if (await mismatch.isVisible()) {
      const [message, hint] = await mismatch.locator('p').allInnerTexts();
      throw new BenchError(`The app cannot match the columns of ${name}: ${message}`, hint ?? '');
    }
    if (newAlert) {
      const all = await alertsText(page);
      throw new BenchError(`The app could not score ${name}: ${all[alertsBefore]}`, all.slice(alertsBefore + 1).join('\n'));
    }
    if ((await done.isVisible()) && (await page.getByTestId('batch-status').isVisible())) break;
    if (Date.now() > deadline) throw new BenchError(`Gave up after ${options.timeoutMs / 1000} s (--timeout).`, 'Give a smaller input or a longer --timeout.');
    const progress = page.getByRole('progressbar', { name: 'Batch progress' });
    const now = (await progress.isVisible()) ? (await progress.locator('xpath=..').innerText()).trim() : '';
    if (now && now !== last && !options.quiet) log(now);
    last = now || last;
    await page.waitForTimeout(200);
  }
  // The metrics come a moment after the table (two renders): wait for the figures when the file has labels.
  const labelled = await page.getByText(/, labels in “/).isVisible();
  if (labelled) await page.getByText(/^Accuracy|^RMSE|^R²|Measured on/).first().waitFor({ timeout: 5000 }).catch(() => undefined);
  const status = (await page.getByTestId('batch-status').innerText()).trim();
  const doc = /** @type {OutputsDocument} */ (await downloadJson(page, done));
  if (labelled && !doc.metrics) throw new BenchError(`${name} has labels, but the app reported no metrics.`, status);
  return { doc, status };
}

/** .npy: tensor mode, the symbolic sizes from the array, its upload, then Predict and "Download outputs (JSON)". */
/**
 * @param {Page} page
 * @param {InputFile} input
 * @param {PredictCommand} options
 * @returns {Promise<{ doc: OutputsDocument, status: string }>}
 */
async function predictTensor(page, input, options) {
  const name = basename(input.path);
  const tensorMode = page.getByRole('radio', { name: /^(as an image or a tensor|as tensors)$/ });
  if ((await tensorMode.count()) > 0) await tensorMode.check();
  const uploads = page.locator('input[type=file][accept=".npy,.json"]');
  const count = await uploads.count();
  if (count !== 1) {
    throw new BenchError(`${name} fills one tensor, but this model has ${count} inputs.`, 'Give a .csv or .json file with the features as columns instead.');
  }
  const shape = npyShape(input.path);
  if (!shape) throw new BenchError(`${name} is not a NumPy .npy file (no readable header).`, 'Save the array with numpy.save.');
  // The input's declared shape, as the form shows it: "[batch, 1, 8, 8]".
  const legend = (await page.locator('fieldset.tensor-input legend').first().innerText()).trim();
  const declared = /\[(.*)\]\s*$/.exec(legend)?.[1]?.split(',').map((s) => s.trim()) ?? [];
  if (declared.length === shape.length) {
    for (let i = 0; i < declared.length; i++) {
      const dim = declared[i] ?? '';
      if (!/^\d+$/.test(dim)) {
        const field = page.getByRole('spinbutton', { name: dim, exact: true });
        if ((await field.count()) === 1) await field.fill(String(shape[i]));
      }
    }
  }
  const alertsBefore = (await alertsText(page)).length;
  await uploads.setInputFiles(input.path);
  await page.getByText(`Now: ${name}`).or(page.getByRole('alert').nth(alertsBefore)).first().waitFor({ timeout: options.timeoutMs });
  const after = await alertsText(page);
  if (after.length > alertsBefore) throw new BenchError(`The app refused ${name}: ${after[alertsBefore]}`, after.slice(alertsBefore + 1).join('\n'));
  const button = page.getByRole('button', { name: 'Predict', exact: true });
  if (await button.isDisabled()) {
    const issues = page.getByTestId('input-errors');
    const why = (await issues.isVisible()) ? (await issues.locator('li').allInnerTexts()).join(' ') : 'no reason given';
    throw new BenchError(`The app will not predict with ${name}: ${why}`);
  }
  await button.click();
  const result = page.getByTestId('predict-result');
  const which = await firstVisible(page, [result, page.getByRole('alert').nth(alertsBefore)], options.timeoutMs);
  if (which === 1) {
    const all = await alertsText(page);
    throw new BenchError(`The prediction failed: ${all[alertsBefore]}`, all.slice(alertsBefore + 1).join('\n'));
  }
  const status = (await result.getByRole('status').first().innerText()).trim();
  const doc = /** @type {OutputsDocument} */ (await downloadJson(page, result.getByRole('button', { name: 'Download outputs (JSON)' })));
  return { doc, status };
}

/**
 * Runs the model on the input in the app and returns its outputs document.
 * @param {PredictCommand} options
 * @param {Log} [log]
 * @returns {Promise<OutputsDocument>}
 */
export async function runPredict(options, log = (line) => void process.stderr.write(`${line}\n`)) {
  const source = modelSource(options.model);
  const input = inputSource(options.input);
  return withAppPage(options, log, {}, async (page, browser) => {
    await chooseBackend(page, options);
    if (!options.quiet) log(`Opening ${basename(source.path)} in Chromium ${browser.version()}…`);
    await openModel(page, source, options.timeoutMs, 'Predict');
    await page.getByRole('heading', { name: 'Score a file' }).waitFor({ timeout: options.timeoutMs });
    const { doc, status } = input.kind === 'npy' ? await predictTensor(page, input, options) : await scoreFile(page, input, options, log);
    if (!options.quiet) log(status);
    return doc;
  });
}
