// `onnx-playground bench`: the app's own Benchmark tab, driven headless. No second
// implementation: the CLI opens the model through the app's file input, fills the
// benchmark form, presses Start, and takes the app's "Download JSON".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_CONTEXT, CHROMIUM_ARGS, findChromium } from './chromium-path.mjs';
import { fillSessionOptions } from './session-form.mjs';
import { serveStatic } from './static-server.mjs';
/** @import { Browser, Locator, Page } from 'playwright-core' */
/** @import { BenchmarkReport } from '../src/core/benchmark/report' */
/** @import { BenchCommand, CommonOptions, Log, ModelSource, Shared } from './command-types' */

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A failure the user can act on: printed as message + hint, exit status 1. */
export class BenchError extends Error {
  /** @param {string} message @param {string} [hint] */
  constructor(message, hint = '') {
    super(message);
    this.hint = hint;
  }
}

/** @returns {string} */
export function toolVersion() {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;
}

/** The model argument: a file the app's "Open model…" takes, or a folder for "Open folder…". */
/**
 * @param {string} path
 * @returns {ModelSource}
 */
export function modelSource(path) {
  const full = resolve(path);
  if (!existsSync(full)) throw new BenchError(`No such file or folder: ${path}`, 'Give the path of a .onnx or .ort model, a .zip package, or a package folder.');
  if (statSync(full).isDirectory()) return { kind: 'folder', path: full };
  const ext = extname(full).toLowerCase();
  if (!['.onnx', '.ort', '.zip'].includes(ext)) {
    throw new BenchError(`${basename(full)} is not a model or a package (expected .onnx, .ort or .zip).`, 'Give the model file itself, a zip of the package, or the package folder.');
  }
  return { kind: 'file', path: full };
}

/** Newest modification time of the files under a folder (0 when it does not exist). */
/** @param {string} dir */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true }).reduce((newest, name) => Math.max(newest, statSync(join(dir, String(name))).mtimeMs), 0);
}

/** The built app: `dist` as given, else dist/ here, (re)built with vite when missing or older than src/. */
/**
 * @param {string | null | undefined} dist
 * @param {Log} log
 * @returns {string}
 */
export function ensureBuilt(dist, log) {
  const dir = resolve(dist ?? join(REPO_ROOT, 'dist'));
  const index = join(dir, 'index.html');
  // An explicit --dist is used as given; our own dist/ must not lag behind the source it was built from.
  const stale = dist == null && existsSync(index) && newestMtime(join(REPO_ROOT, 'src')) > statSync(index).mtimeMs;
  if (existsSync(index) && !stale) return dir;
  // vite's package exports do not expose its bin script, so find it beside its package.json.
  let vite;
  try {
    vite = join(dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
    if (!existsSync(vite)) throw new Error('no vite bin');
  } catch {
    throw new BenchError(`The app is not built (${dir} has no index.html) and vite is not installed to build it.`, 'Run `npm install` and `npm run build` in the onnx-playground folder, or pass --dist with a built copy.');
  }
  log(stale ? `The app in ${dir} is older than its source: rebuilding…` : `Building the app into ${dir} (once)…`);
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0 || !existsSync(join(dir, 'index.html'))) throw new BenchError('Building the app failed (see the messages above).', 'Run `npm run build` to see the full output.');
  return dir;
}

/** @returns {Promise<Browser>} */
async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new BenchError('No Chromium found.', 'Set CHROME_PATH to a Chrome or Chromium binary, or install one (Debian/Ubuntu: apt-get install chromium; elsewhere: npx playwright install chromium).');
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new BenchError('playwright-core is not installed.', 'Run `npm install` in the onnx-playground folder.');
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** @param {Page} page @returns {Promise<string[]>} */
export const alertsText = async (page) => (await page.getByRole('alert').allInnerTexts()).map((t) => t.replace(/\s*×\s*$/, '').replace(/\s*\n+\s*/g, ' — ').trim());

/** Opens the model through the app's own file inputs, waits until it has loaded (or says why not), and opens one of its tabs. */
/**
 * @param {Page} page
 * @param {ModelSource} source
 * @param {number} timeoutMs
 */
export async function openModel(page, source, timeoutMs, tabName = 'Benchmark') {
  const input = page.getByTestId(source.kind === 'folder' ? 'open-folder-input' : 'open-model-input');
  await input.setInputFiles(source.path);
  const tab = page.getByRole('tab', { name: tabName, exact: true });
  await tab.or(page.getByRole('alert')).first().waitFor({ timeout: timeoutMs });
  if (!(await tab.isVisible())) {
    // An alert may precede a model that still loads (a warning about the package): give it a moment.
    await tab.waitFor({ timeout: 2000 }).catch(() => undefined);
  }
  if (!(await tab.isVisible())) {
    const [first, ...rest] = await alertsText(page);
    throw new BenchError(`The app could not open ${basename(source.path)}: ${first ?? 'no reason given'}`, rest.join('\n'));
  }
  await tab.click();
}

/** Fills the Benchmark form like a user would; refuses what the form does not offer, with the form's own explanation. */
/** @param {Page} page @param {BenchCommand} options */
async function fillForm(page, options) {
  const notes = (await page.getByTestId('benchmark-backend-notes').innerText()).trim();
  const boxes = page.getByRole('checkbox', { name: /^WASM, \d+ threads?$/ });
  /** @type {Map<number, Locator>} */
  const offered = new Map();
  for (const box of await boxes.all()) {
    const label = await box.evaluate((el) => el.closest('label')?.textContent ?? '');
    offered.set(Number(/(\d+)/.exec(label)?.[1]), box);
  }
  const wantWasm = options.backends.includes('wasm');
  if (wantWasm) {
    const missing = options.threads.filter((t) => !offered.has(t));
    if (missing.length > 0) {
      throw new BenchError(`WASM with ${missing.join(', ')} thread(s) is not offered by this browser: it offers ${[...offered.keys()].join(', ')}.`, notes);
    }
  }
  for (const [n, box] of offered) await box.setChecked(wantWasm && options.threads.includes(n));
  const webgpu = page.getByRole('checkbox', { name: 'WebGPU' });
  if (options.backends.includes('webgpu')) {
    if (await webgpu.isDisabled()) throw new BenchError('WebGPU is not available in this browser.', notes);
    await webgpu.check();
  } else if (await webgpu.isEnabled()) {
    await webgpu.uncheck();
  }
  if (options.batch) {
    const field = page.getByRole('textbox', { name: 'Batch sizes' });
    if ((await field.count()) === 0) {
      const fixed = (await page.getByTestId('fixed-batch').innerText()).trim();
      const size = Number(/at (\d+)/.exec(fixed)?.[1] ?? 1);
      if (options.batch.length !== 1 || options.batch[0] !== size) throw new BenchError(`--batch ${options.batch.join(',')} cannot be measured: ${fixed}`, `Leave out --batch, or give --batch ${size}.`);
    } else {
      await field.fill(options.batch.join(', '));
    }
  }
  if (options.warmup !== null) await page.getByRole('spinbutton', { name: 'Warm-up runs per point' }).fill(String(options.warmup));
  if (options.seconds !== null) {
    await page.getByRole('radio', { name: 'a time budget' }).check();
    await page.getByRole('spinbutton', { name: 'Seconds per point' }).fill(String(options.seconds));
  } else {
    await page.getByRole('radio', { name: 'a number of runs' }).check();
    if (options.runs !== null) await page.getByRole('spinbutton', { name: 'Runs per point', exact: true }).fill(String(options.runs));
  }
  await page.getByRole('checkbox', { name: /^Also profile each configuration/ }).setChecked(options.profile === true);
  if (options.session) await fillSessionOptions(page, options.session);
  if (options.inputs === 'example') {
    const example = page.getByRole('radio', { name: /the package’s example/ });
    if (await example.isDisabled()) throw new BenchError('--inputs example: this model has no input example.', 'Use --inputs random.');
    await example.check();
  } else if (options.inputs === 'random') {
    await page.getByRole('radio', { name: /random values/ }).check();
  }
}

/** Presses Start and follows the progress line until the app says it is done. */
/** @param {Page} page @param {CommonOptions} options @param {Log} log */
async function runAndWait(page, options, log) {
  const alertsBefore = (await alertsText(page)).length;
  await page.getByRole('button', { name: 'Start benchmark' }).click();
  const status = page.getByTestId('benchmark-status');
  const progress = page.getByTestId('benchmark-progress');
  const deadline = Date.now() + options.timeoutMs;
  let last = '';
  for (;;) {
    const said = (await status.innerText()).trim();
    if (/^(Benchmark finished|Benchmark cancelled|Nothing was measured)/.test(said)) return said;
    const alerts = await alertsText(page);
    if (alerts.length > alertsBefore && !(await progress.isVisible())) {
      // The form was refused before anything ran (e.g. a batch size the model cannot take).
      throw new BenchError(`The app refused to start: ${alerts[0]}`);
    }
    if (Date.now() > deadline) throw new BenchError(`Gave up after ${options.timeoutMs / 1000} s (--timeout).`, 'Use fewer runs, fewer batch sizes, or a longer --timeout.');
    // The progress line can vanish between a check and a read when a run ends: never wait on it.
    const now = (await progress.innerText({ timeout: 250 }).catch(() => '')).trim();
    if (now && now !== last && !options.quiet) log(now);
    last = now || last;
    await page.waitForTimeout(500);
  }
}

/**
 * Runs the benchmark and returns the app's report. `shared` lets a script reuse
 * one browser and one server for several runs (see scripts/bench-overhead.mjs).
 */
/**
 * @param {BenchCommand} options
 * @param {Log} [log]
 * @param {Shared} [shared]
 * @returns {Promise<BenchmarkReport>}
 */
export async function runBench(options, log = (line) => void process.stderr.write(`${line}\n`), shared = {}) {
  const source = modelSource(options.model);
  return withAppPage(options, log, shared, async (page, browser) => {
    if (!options.quiet) log(`Opening ${basename(source.path)} in Chromium ${browser.version()}…`);
    await openModel(page, source, options.timeoutMs);
    await fillForm(page, options);
    const outcome = await runAndWait(page, options, log);
    if (!(await page.getByTestId('benchmark-results').isVisible())) {
      const alerts = await alertsText(page);
      throw new BenchError(`Nothing was measured: ${alerts[0] ?? outcome}`, alerts.slice(1).join('\n'));
    }
    return /** @type {BenchmarkReport} */ (await downloadJson(page, page.getByRole('button', { name: 'Download JSON' })));
  });
}

/**
 * Serves the built app (unless `shared.url`), opens it in Chromium (unless `shared.browser`),
 * waits until it has probed the browser, runs `task(page, browser)`, and closes what it opened.
 */
/**
 * @template T
 * @param {Pick<CommonOptions, 'dist'>} options
 * @param {Log} log
 * @param {Shared} shared
 * @param {(page: Page, browser: Browser) => Promise<T>} task
 * @returns {Promise<T>}
 */
export async function withAppPage(options, log, shared, task) {
  const server = shared.url ? null : await serveStatic(ensureBuilt(options.dist, log));
  const browser = shared.browser ?? (await launchChromium());
  const context = await browser.newContext({ ...APP_CONTEXT, acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(shared.url ?? server?.url ?? '');
    // The backend picker appears once the app has probed the browser (threads, WebGPU).
    await page.getByRole('radio', { name: 'WASM', exact: true }).waitFor({ timeout: 60_000 });
    return await task(page, browser);
  } finally {
    await context.close();
    if (!shared.browser) await browser.close();
    await server?.close();
  }
}

/** Presses one of the app's download buttons and parses the JSON it saves. */
/**
 * @param {Page} page
 * @param {Locator} button
 * @returns {Promise<unknown>} the parsed document (the caller knows which of core's reports it is)
 */
export async function downloadJson(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

export { launchChromium };
