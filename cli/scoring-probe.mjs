// Measures the app while it scores a large CSV in its Predict tab: how long it took, the
// main thread's long tasks meanwhile, and the rows of each engine call (the pipeline leaves
// one mark per table with them, src/app/actions/score-table.ts). Shared by `npm run bench:responsiveness`
// (which prints the figures) and e2e/predict-responsiveness.spec.ts (which asserts on them).
import { statSync } from 'node:fs';
import { APP_CONTEXT } from './chromium-path.mjs';
/** @import { Browser, BrowserContext, Page } from 'playwright-core' */

/**
 * @typedef {object} ScoringProbe
 * @property {number} rows      rows in the file
 * @property {number} started   the page's clock (performance.now) when the file was handed over
 * @property {number} elapsedMs from handing the file to the page until the status line says every row was scored
 * @property {{ start: number, duration: number }[]} longTasks main-thread tasks over 50 ms meanwhile
 * @property {number[]} chunkRows rows of each engine call, in order
 * @property {number[]} progress  distinct values the progress bar showed while scoring, in order
 */

/**
 * A CSV's data rows repeated in turn to `n` rows, under its header (a big file made here, not committed).
 * @param {string} csv
 * @param {number} n
 */
export function repeatRows(csv, n) {
  const [header, ...rows] = csv.trim().split('\n');
  const out = [header];
  for (let i = 0; i < n; i++) out.push(rows[i % rows.length]);
  return `${out.join('\n')}\n`;
}

/**
 * Must run before the page loads: records long tasks from the start.
 * @param {Page} page
 */
export async function recordLongTasks(page) {
  await page.addInitScript(() => {
    const w = /** @type {{ longTasks?: { start: number, duration: number }[] }} */ (/** @type {unknown} */ (window));
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks?.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * A fresh page of the app at `url` with the Iris pipeline example open on its Predict tab, long
 * tasks recorded from the start: where `npm run bench:responsiveness` and `npm run
 * profile:long-tasks` score their files. Close the context when done.
 * @param {Browser} browser
 * @param {string} url
 * @returns {Promise<{ context: BrowserContext, page: Page }>}
 */
export async function openIrisPredict(browser, url) {
  const context = await browser.newContext(APP_CONTEXT);
  const page = await context.newPage();
  await recordLongTasks(page);
  await page.goto(url);
  await page.getByRole('button', { name: 'Open example Iris pipeline', exact: true }).click();
  await page.getByRole('tab', { name: 'Predict' }).click();
  await page.getByRole('heading', { name: 'Score a file' }).waitFor({ timeout: 60_000 });
  return { context, page };
}

/**
 * Builds the file inside the page, then hands it to the Predict tab's file input (Playwright's
 * own setInputFiles decodes a large buffer in one long task of its own, which would be counted
 * against the app), and waits until the status line reports `rows` scored.
 * @param {Page} page
 * @param {string} name
 * @param {string} text
 * @param {number} rows
 * @param {number} timeoutMs
 * @returns {Promise<ScoringProbe>}
 */
export async function scoreInPage(page, name, text, rows, timeoutMs) {
  await page.evaluate(({ name, text }) => {
    const w = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window));
    w.pendingFile = new File([text], name, { type: 'text/csv' });
    // A page may score several files: each probe waits for its own.
    delete w.scoredAt;
    performance.clearMarks('score-table:calls');
    /** @type {number[]} */
    const seen = [];
    w.progressSeen = seen;
    // The progress bar as the page shows it, sampled every 50 ms (a frame-by-frame sampler would make frames of its own).
    const timer = setInterval(() => {
      const bar = /** @type {HTMLProgressElement | null} */ (document.querySelector('progress[aria-label="Batch progress"]'));
      if (bar && bar.value > 0 && bar.value < 1 && seen.at(-1) !== bar.value) seen.push(bar.value);
      if (w.scoredAt) clearInterval(timer);
    }, 50);
  }, { name, text });
  await page.evaluate(() => /** @type {{ gc?: () => void }} */ (/** @type {unknown} */ (window)).gc?.());
  const started = await page.evaluate((rows) => {
    const w = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window));
    const done = `${rows.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows scored`;
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="batch-status"]')?.textContent?.includes(done)) {
        w.scoredAt = performance.now();
        performance.mark('probe:end');
        observer.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-testid="batch-file-input"]'));
    const transfer = new DataTransfer();
    transfer.items.add(/** @type {File} */ (w.pendingFile));
    const at = performance.now();
    // Marks bound the span in a trace too (traceLongTasks).
    performance.mark('probe:start');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return at;
  }, rows);
  await page.waitForFunction(() => typeof (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window))).scoredAt === 'number', null, { timeout: timeoutMs, polling: 500 });
  return page.evaluate(
    ({ started, rows }) => {
      const w = /** @type {{ scoredAt: number, longTasks: { start: number, duration: number }[], progressSeen: number[] }} */ (/** @type {unknown} */ (window));
      const marks = /** @type {PerformanceMark[]} */ (performance.getEntriesByName('score-table:calls'));
      return {
        rows,
        started,
        elapsedMs: w.scoredAt - started,
        longTasks: w.longTasks.filter((t) => t.start >= started && t.start <= w.scoredAt),
        chunkRows: marks.filter((m) => m.startTime >= started).flatMap((m) => /** @type {{ rows: number[] }} */ (m.detail).rows),
        progress: w.progressSeen,
      };
    },
    { started, rows },
  );
}

/**
 * @typedef {object} DownloadProbe
 * @property {number} started   the page's clock (performance.now) at the click
 * @property {number} elapsedMs from the click until the browser had the whole file
 * @property {number} bytes     the file's size
 * @property {string} path      where Playwright saved it
 * @property {{ start: number, duration: number }[]} longTasks main-thread tasks over 50 ms meanwhile (the task
 *   that handled the click began before it, so tasks are counted when they overlap the span)
 */

/**
 * Clicks a download button of the Predict tab (from inside the page, so that no Playwright
 * step is counted against it) and waits for the browser to have the file.
 * @param {Page} page
 * @param {string} button the button's text, e.g. 'Download predictions (CSV)'
 * @param {number} timeoutMs
 * @returns {Promise<DownloadProbe>}
 */
export async function downloadInPage(page, button, timeoutMs) {
  const download = page.waitForEvent('download', { timeout: timeoutMs });
  const started = await page.evaluate((text) => {
    const target = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!target) throw new Error(`No button “${text}”`);
    const at = performance.now();
    performance.mark('probe:start');
    target.click();
    return at;
  }, button);
  const path = await (await download).path();
  return page.evaluate(
    ({ started, path, bytes }) => {
      const ended = performance.now();
      performance.mark('probe:end');
      const w = /** @type {{ longTasks: { start: number, duration: number }[] }} */ (/** @type {unknown} */ (window));
      return { started, elapsedMs: ended - started, bytes, path, longTasks: w.longTasks.filter((t) => t.start + t.duration >= started && t.start <= ended) };
    },
    { started, path, bytes: statSync(path).size },
  );
}

/**
 * @typedef {object} TracedTask
 * @property {number} wallMs how long the task held the main thread
 * @property {number} cpuMs  the main thread's CPU time in it: far less than wallMs means it waited for a core
 * @property {number} gcMs   garbage collection inside it
 * @property {number} atMs   when it began, from the `probe:start` mark
 */

/**
 * Runs `during` under Chromium's tracing and returns the renderer main thread's tasks over 50 ms
 * between the last `probe:start` and `probe:end` marks (scoreInPage and downloadInPage set them),
 * each with its thread CPU time and the garbage collection inside it: what a long task was.
 * The trace also holds tasks that are not the page's (tracing's own, DevTools'): `explainLongTasks`
 * keeps those the page itself reported.
 * @template T
 * @param {Page} page
 * @param {() => Promise<T>} during
 * @returns {Promise<{ result: T, tasks: TracedTask[] }>}
 */
export async function traceLongTasks(page, during) {
  const cdp = await page.context().newCDPSession(page);
  /** @type {{ name: string, ph: string, tid: number, ts: number, dur?: number, tdur?: number, args?: { name?: string } }[]} */
  const events = [];
  const kept = new Set(['RunTask', 'MajorGC', 'MinorGC', 'thread_name', 'probe:start', 'probe:end']);
  cdp.on('Tracing.dataCollected', (e) => {
    for (const x of /** @type {typeof events} */ (/** @type {unknown} */ (e.value))) if (kept.has(x.name)) events.push(x);
  });
  await cdp.send('Tracing.start', { categories: 'disabled-by-default-devtools.timeline,devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  let result;
  try {
    result = await during();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => e.tid));
  const start = events.filter((e) => e.name === 'probe:start').at(-1)?.ts ?? -Infinity;
  const end = events.filter((e) => e.name === 'probe:end').at(-1)?.ts ?? Infinity;
  const busiest = new Map();
  for (const e of events) if (e.name === 'RunTask' && mains.has(e.tid)) busiest.set(e.tid, (busiest.get(e.tid) ?? 0) + (e.dur ?? 0));
  const tid = [...busiest].sort((a, b) => b[1] - a[1])[0]?.[0];
  const gc = events.filter((e) => e.tid === tid && (e.name === 'MajorGC' || e.name === 'MinorGC'));
  const tasks = events
    .filter((e) => e.tid === tid && e.name === 'RunTask' && (e.dur ?? 0) > 50_000 && e.ts + (e.dur ?? 0) >= start && e.ts <= end)
    .map((t) => ({
      atMs: (t.ts - start) / 1000,
      wallMs: (t.dur ?? 0) / 1000,
      cpuMs: (t.tdur ?? t.dur ?? 0) / 1000,
      gcMs: gc.filter((g) => g.ts >= t.ts && g.ts + (g.dur ?? 0) <= t.ts + (t.dur ?? 0)).reduce((n, g) => n + (g.dur ?? 0), 0) / 1000,
    }));
  return { result: /** @type {T} */ (result), tasks };
}

/**
 * The page's own long tasks (PerformanceObserver), each with what the trace says it was, matched
 * by when it began (within 5 ms); null where the trace has no such task.
 * @param {{ start: number, duration: number }[]} pageTasks
 * @param {number} started the page's clock at `probe:start`
 * @param {TracedTask[]} traced
 * @returns {{ durationMs: number, traced: TracedTask | null }[]}
 */
export function explainLongTasks(pageTasks, started, traced) {
  return pageTasks.map((t) => ({ durationMs: t.duration, traced: traced.find((x) => Math.abs(x.atMs - (t.start - started)) < 5) ?? null }));
}
