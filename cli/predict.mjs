// `onnx-playground predict`: the app's own Predict tab, driven headless. No second
// implementation: the CLI opens the model through the app's file input, gives a table to
// "Score a file" (CSV/JSON) or tensor files to the "From files" drops (the app's core readers:
// JSON, .npy, .npz, .pb, test_data_set folders), and takes the app's "Download outputs (JSON)".
import { basename } from 'node:path';
import { alertsText, BenchError, downloadJson, modelSource, openModel, withAppPage } from './bench.mjs';
import { planInputs } from './predict-inputs.mjs';
import { predictTensors } from './predict-tensors.mjs';
/** @import { Locator, Page } from 'playwright-core' */
/** @import { Log, PredictCommand } from './command-types' */

/** The app's "Download outputs (JSON)" document (src/core/schema/batch-outputs.ts). */
/** @typedef {{ outputs: Record<string, { dims: number[], dtype: string, data: unknown[] }>, rows?: number[], metrics?: unknown }} OutputsDocument */
/** @typedef {{ readonly path: string }} InputFile */

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
    throw new BenchError(`${name} cannot be scored: the app says this model takes tensors without named features, so rows of a file cannot be matched to its inputs.`, 'Give its inputs as tensors: .npy, .npz, .pb, a JSON body ({"inputs": {NAME: […]}}) or a test_data_set folder.');
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

/**
 * Runs the model on the input in the app and returns its outputs document.
 * @param {PredictCommand} options
 * @param {Log} [log]
 * @returns {Promise<OutputsDocument>}
 */
export async function runPredict(options, log = (line) => void process.stderr.write(`${line}\n`)) {
  const source = modelSource(options.model);
  const plan = planInputs(options.input);
  return withAppPage(options, log, {}, async (page, browser) => {
    await chooseBackend(page, options);
    if (!options.quiet) log(`Opening ${basename(source.path)} in Chromium ${browser.version()}…`);
    await openModel(page, source, options.timeoutMs, 'Predict');
    await page.getByRole('heading', { name: 'Score a file' }).waitFor({ timeout: options.timeoutMs });
    const tensorModel = await page.getByText('This model takes tensors without named features').isVisible();
    let result;
    if (plan.kind === 'tensors') result = await predictTensors(page, plan, options);
    else if (plan.kind === 'json' && tensorModel) result = await predictTensors(page, { set: { files: [plan.path] }, named: [] }, options);
    else result = await scoreFile(page, plan, options, log);
    const { doc, status } = result;
    if (!options.quiet) log(status);
    return doc;
  });
}
