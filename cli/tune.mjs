// `onnx-playground tune`: the app's own "Find the fastest setup" (Speed tab), driven headless.
// No second implementation: the CLI fills the tuner's form, presses its button, follows its
// progress line and takes the app's "Download recommendation (JSON)".
import { basename, extname } from 'node:path';
import { alertsText, BenchError, downloadJson, modelSource, openModel, withAppPage } from './bench.mjs';
/** @import { Page } from 'playwright-core' */
/** @import { TuneReport } from '../src/core/profile/tune-report' */
/** @import { Log, Shared, TuneCommand } from './command-types' */

/** Where the recommendation goes without --json: beside the current directory, named after the model. */
/** @param {string} model */
export function defaultTuneFile(model) {
  const name = basename(model.replace(/[\\/]+$/, ''));
  return `${name.slice(0, name.length - extname(name).length) || name}-fastest-setup.json`;
}

/** @param {Page} page @param {TuneCommand} options */
async function fillTuner(page, options) {
  const form = page.getByRole('form', { name: 'Find the fastest setup' });
  await form.getByRole('spinbutton', { name: 'Latency budget: p99 per request (ms)' }).fill(String(options.budgetP99Ms));
  await form.getByRole('spinbutton', { name: 'Minimum batch' }).fill(String(options.minBatch));
  await form.getByRole('spinbutton', { name: 'Time cap (seconds)' }).fill(String(options.capSeconds));
  const webgpu = form.getByRole('checkbox', { name: 'Include WebGPU' });
  if (options.webgpu) {
    if (await webgpu.isDisabled()) throw new BenchError('WebGPU is not available in this browser.', (await page.getByTestId('speed-backend-notes').innerText()).trim());
    await webgpu.check();
  } else if (await webgpu.isEnabled()) {
    await webgpu.uncheck();
  }
  return form;
}

/** Runs the search and returns the app's recommendation file. */
/**
 * @param {TuneCommand} options
 * @param {Log} [log]
 * @param {Shared} [shared]
 * @returns {Promise<TuneReport>}
 */
export async function runTune(options, log = (line) => void process.stderr.write(`${line}\n`), shared = {}) {
  const source = modelSource(options.model);
  return withAppPage(options, log, shared, async (page, browser) => {
    if (!options.quiet) log(`Opening ${basename(source.path)} in Chromium ${browser.version()}…`);
    await openModel(page, source, options.timeoutMs, 'Speed');
    const form = await fillTuner(page, options);
    const alertsBefore = (await alertsText(page)).length;
    await form.getByRole('button', { name: 'Find the fastest setup' }).click();
    const status = page.getByTestId('speed-status');
    const progress = page.getByTestId('speed-progress');
    const deadline = Date.now() + options.timeoutMs;
    const startBy = Date.now() + 15_000;
    let started = false;
    let last = '';
    for (;;) {
      const said = (await status.innerText()).trim();
      if (/^(Recommendation ready|Time cap reached|Search cancelled)/.test(said)) break;
      const running = await progress.isVisible();
      started ||= running;
      const alerts = await alertsText(page);
      if (alerts.length > alertsBefore && !running) throw new BenchError(`The app refused to start: ${alerts[0]}`);
      if (!started && Date.now() > startBy) throw new BenchError('The app did not start the search.', 'Check the options against `onnx-playground --help`.');
      if (Date.now() > deadline) throw new BenchError(`Gave up after ${options.timeoutMs / 1000} s (--timeout).`, 'Use a shorter --cap, or a longer --timeout.');
      // The line may vanish between the two reads when the search ends.
      const now = running ? ((await progress.textContent({ timeout: 1000 }).catch(() => null)) ?? '').trim() : '';
      if (now && now !== last && !options.quiet) log(now);
      last = now || last;
      await page.waitForTimeout(500);
    }
    return /** @type {TuneReport} */ (await downloadJson(page, page.getByTestId('tuner-result').getByRole('button', { name: 'Download recommendation (JSON)' })));
  });
}
