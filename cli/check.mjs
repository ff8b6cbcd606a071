// `onnx-playground check`: the app's own Check outputs tab, driven headless. No second
// implementation: the CLI opens the package through the app's file or folder input, ticks
// the backends, types the tolerance, presses Check outputs, and takes the app's verdict and
// its "Download report (JSON)".
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { alertsText, BenchError, downloadJson, openModel, withAppPage } from './bench.mjs';
/** @import { Page } from 'playwright-core' */
/** @import { CheckReport } from '../src/core/check/check-report' */
/** @import { CheckCommand, Log, ModelSource } from './command-types' */

/** Input the app cannot use (no package, no test data, a backend this browser lacks): exit status 2. */
export class UnusableInput extends BenchError {}

const PACKAGE = /\.(zip|tar\.gz|tgz|tar)$/i;

/**
 * @param {string} path
 * @param {boolean} ownData whether --data is given (then a bare model will do)
 * @returns {ModelSource}
 */
export function checkSource(path, ownData = false) {
  const full = resolve(path);
  if (!existsSync(full)) throw new UnusableInput(`No such file or folder: ${path}`, 'Give a package folder, .zip, .tar.gz or .tgz holding model.onnx and test_data_set_N/ folders.');
  if (statSync(full).isDirectory()) return { kind: 'folder', path: full };
  if (ownData && /\.(onnx|ort)$/i.test(full)) return { kind: 'file', path: full };
  if (!PACKAGE.test(full)) throw new UnusableInput(`${basename(full)} is not a package (expected a folder, .zip, .tar.gz or .tgz).`, 'A bare model has no expected outputs to check against: give the package that holds it with its test_data_set_N/ folders, or --data and --expect.');
  return { kind: 'file', path: full };
}

/**
 * The files of --data or --expect (a folder gives its files), each checked to exist.
 * @param {readonly string[]} paths
 * @returns {string[]}
 */
export function dataFiles(paths) {
  return paths.flatMap((p) => {
    const full = resolve(p);
    if (!existsSync(full)) throw new UnusableInput(`No such file or folder: ${p}`, 'Give .json, .npy, .npz or .pb files (or a folder of them) with --data and --expect.');
    return statSync(full).isDirectory() ? readdirSync(full).sort().map((name) => join(full, name)) : [full];
  });
}

/** @param {Page} page @param {CheckCommand} options */
async function fillForm(page, options) {
  if (options.data.length === 0 && (await page.getByTestId('check-no-data').isVisible())) {
    throw new UnusableInput(`${basename(options.model)} has no test data: ${(await page.getByTestId('check-no-data').innerText()).trim()}`);
  }
  const webgpu = page.getByRole('checkbox', { name: 'WebGPU', exact: true });
  if (options.backends.includes('webgpu') && (await webgpu.isDisabled())) {
    throw new UnusableInput('WebGPU is not available in this browser.', (await webgpu.locator('xpath=ancestor::fieldset').locator('p').innerText()).trim());
  }
  await page.getByRole('checkbox', { name: 'WASM', exact: true }).setChecked(options.backends.includes('wasm'));
  if (await webgpu.isEnabled()) await webgpu.setChecked(options.backends.includes('webgpu'));
  await page.getByRole('textbox', { name: 'rtol (relative)' }).fill(options.rtol);
  await page.getByRole('textbox', { name: 'atol (absolute)' }).fill(options.atol);
  if (options.data.length > 0) {
    await page.getByTestId('check-own-inputs').setInputFiles(dataFiles(options.data));
    await page.getByTestId('check-own-expected').setInputFiles(dataFiles(options.expect));
  }
}

/** Presses Check outputs and follows the progress until the app shows its verdict. */
/** @param {Page} page @param {CheckCommand} options @param {Log} log */
async function checkAndWait(page, options, log) {
  const alertsBefore = (await alertsText(page)).length;
  await page.getByRole('button', { name: options.data.length > 0 ? 'Check these files' : 'Check outputs', exact: true }).click();
  const verdict = page.getByTestId('check-verdict');
  const progress = page.getByRole('progressbar', { name: 'Check progress' });
  const deadline = Date.now() + options.timeoutMs;
  let last = '';
  for (;;) {
    if (await verdict.isVisible()) return;
    const alerts = await alertsText(page);
    if (alerts.length > alertsBefore && !(await progress.isVisible())) throw new UnusableInput(`The app refused to check: ${alerts[0]}`, alerts.slice(1).join('\n'));
    if (Date.now() > deadline) throw new BenchError(`Gave up after ${options.timeoutMs / 1000} s (--timeout).`, 'Give a longer --timeout.');
    const now = (await progress.locator('xpath=..').innerText({ timeout: 250 }).catch(() => '')).trim();
    if (now && now !== last && !options.quiet) log(now);
    last = now || last;
    await page.waitForTimeout(200);
  }
}

/**
 * Runs the package's test data sets in the app; returns its report and its verdict, in its words.
 * @param {CheckCommand} options
 * @param {Log} [log]
 * @returns {Promise<{ report: CheckReport, verdict: string[] }>}
 */
export async function runCheck(options, log = (line) => void process.stderr.write(`${line}\n`)) {
  const source = checkSource(options.model, options.data.length > 0);
  return withAppPage(options, log, {}, async (page, browser) => {
    if (!options.quiet) log(`Opening ${basename(source.path)} in Chromium ${browser.version()}…`);
    try {
      await openModel(page, source, options.timeoutMs, 'Check outputs');
    } catch (error) {
      if (error instanceof BenchError && !(error instanceof UnusableInput)) throw new UnusableInput(error.message, error.hint);
      throw error;
    }
    await fillForm(page, options);
    await checkAndWait(page, options, log);
    const verdict = page.getByTestId('check-verdict');
    const lines = [(await verdict.locator('.verdict-text').innerText()).trim(), ...(await verdict.locator('li').allInnerTexts()).map((l) => `  ${l.trim()}`)];
    const button = page.getByRole('button', { name: 'Download report (JSON)' });
    if (!(await button.isVisible())) throw new BenchError(lines[0] ?? 'The check ended without a report.', lines.slice(1).join('\n'));
    return { report: /** @type {CheckReport} */ (await downloadJson(page, button)), verdict: lines };
  });
}
