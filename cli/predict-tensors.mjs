// `predict` with tensor files: the Predict tab's "as tensors" mode, its "From files" drops (the
// app's own readers check every file against the model), then Predict and "Download outputs (JSON)".
import { basename } from 'node:path';
import { alertsText, BenchError, downloadJson } from './bench.mjs';
/** @import { Locator, Page } from 'playwright-core' */
/** @import { PredictCommand } from './command-types' */
/** @import { TensorPlan } from './predict-inputs.mjs' */

/** Waits until the panel has read what it was given; throws the app's message when it refused it. */
/** @param {Page} page @param {Locator} panel @param {string} what @param {number} timeoutMs */
async function waitForReading(page, panel, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await panel.getAttribute('data-status');
    if (status === 'read') return;
    if (status === 'failed') {
      const error = page.getByTestId('input-files-error');
      const [message, ...rest] = await error.locator('p').allInnerTexts();
      const facts = (await error.locator('dl > div').allInnerTexts()).map((t) => t.replace(/\s*\n\s*/, ': '));
      throw new BenchError(`The app cannot use ${what}: ${message}`, [...facts, ...rest].join('\n'));
    }
    if (Date.now() > deadline) throw new BenchError(`Gave up reading ${what} after ${timeoutMs / 1000} s (--timeout).`, 'Give smaller files or a longer --timeout.');
    await page.waitForTimeout(100);
  }
}

/** The model's inputs as the panel lists them, and which have no value from the files. */
/** @param {Locator} panel */
async function readInputs(panel) {
  const rows = panel.locator('tbody tr');
  const out = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = await rows.nth(i).locator('td').allInnerTexts();
    out.push({ name: (cells[0] ?? '').trim(), expects: (cells[1] ?? '').trim(), read: (cells[2] ?? '').trim() !== '—' });
  }
  return out;
}

/**
 * @param {Page} page
 * @param {TensorPlan} plan
 * @param {PredictCommand} options
 */
export async function predictTensors(page, plan, options) {
  const tensorMode = page.getByRole('radio', { name: /^(as an image or a tensor|as tensors)$/ });
  if ((await tensorMode.count()) > 0) await tensorMode.check();
  const panel = page.getByTestId('input-files-predict');
  await panel.waitFor({ timeout: options.timeoutMs });
  const inputs = await readInputs(panel);
  if (plan.set) {
    const folder = 'folder' in plan.set ? plan.set.folder : null;
    const files = 'files' in plan.set ? plan.set.files : [];
    const what = folder ? basename(folder) : files.length === 1 ? basename(files[0] ?? '') : `${files.length} files`;
    await page.getByTestId(folder ? 'input-set-predict-folder' : 'input-set-predict').setInputFiles(folder ?? [...files]);
    await waitForReading(page, panel, what, options.timeoutMs);
  }
  for (const { name, path } of plan.named) {
    if (!inputs.some((i) => i.name === name)) throw new BenchError(`The model has no input “${name}” (--input ${name}=${basename(path)}).`, `Its inputs: ${inputs.map((i) => `${i.name} (${i.expects})`).join(', ')}.`);
    await page.getByTestId(`input-file-predict-${name}`).setInputFiles(path);
    await waitForReading(page, panel, `${basename(path)} for “${name}”`, options.timeoutMs);
  }
  // Inputs without a file would run on the form's random values: refuse instead.
  const missing = (await readInputs(panel)).filter((i) => !i.read);
  if (missing.length > 0) {
    throw new BenchError(`No value was given for ${missing.map((i) => `“${i.name}” (${i.expects})`).join(', ')}.`, 'Give every input: one file (.npz, .json, a test_data_set folder) naming them all, or --input NAME=FILE for each.');
  }
  return pressPredict(page, options);
}

/** @param {Page} page @param {PredictCommand} options */
async function pressPredict(page, options) {
  const alertsBefore = (await alertsText(page)).length;
  const button = page.getByRole('button', { name: 'Predict', exact: true });
  if (await button.isDisabled()) {
    const issues = page.getByTestId('input-errors');
    const why = (await issues.isVisible()) ? (await issues.locator('li').allInnerTexts()).join(' ') : 'no reason given';
    throw new BenchError(`The app will not predict with these inputs: ${why}`);
  }
  await button.click();
  const result = page.getByTestId('predict-result');
  await result.or(page.getByRole('alert').nth(alertsBefore)).first().waitFor({ timeout: options.timeoutMs });
  if (!(await result.isVisible())) {
    const all = await alertsText(page);
    throw new BenchError(`The prediction failed: ${all[alertsBefore]}`, all.slice(alertsBefore + 1).join('\n'));
  }
  const status = (await result.getByRole('status').first().innerText()).trim();
  const doc = /** @type {import('./predict.mjs').OutputsDocument} */ (await downloadJson(page, result.getByRole('button', { name: 'Download outputs (JSON)' })));
  return { doc, status };
}
