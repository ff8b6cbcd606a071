// Measures the app while it scores a large CSV in its Predict tab: how long it took, the
// main thread's long tasks meanwhile, and the rows of each engine call (the pipeline marks
// every call, src/app/actions/score-table.ts). Shared by `npm run bench:responsiveness`
// (which prints the figures) and e2e/predict-responsiveness.spec.ts (which asserts on them).
import { statSync } from 'node:fs';
/** @import { Page } from 'playwright-core' */

/**
 * @typedef {object} ScoringProbe
 * @property {number} rows      rows in the file
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
    performance.clearMarks('score-table:run');
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
        observer.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-testid="batch-file-input"]'));
    const transfer = new DataTransfer();
    transfer.items.add(/** @type {File} */ (w.pendingFile));
    const at = performance.now();
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return at;
  }, rows);
  await page.waitForFunction(() => typeof (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window))).scoredAt === 'number', null, { timeout: timeoutMs, polling: 500 });
  return page.evaluate(
    ({ started, rows }) => {
      const w = /** @type {{ scoredAt: number, longTasks: { start: number, duration: number }[], progressSeen: number[] }} */ (/** @type {unknown} */ (window));
      const marks = /** @type {PerformanceMark[]} */ (performance.getEntriesByName('score-table:run'));
      return {
        rows,
        elapsedMs: w.scoredAt - started,
        longTasks: w.longTasks.filter((t) => t.start >= started && t.start <= w.scoredAt),
        chunkRows: marks.filter((m) => m.startTime >= started).map((m) => /** @type {{ rows: number }} */ (m.detail).rows),
        progress: w.progressSeen,
      };
    },
    { started, rows },
  );
}

/**
 * @typedef {object} DownloadProbe
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
    target.click();
    return at;
  }, button);
  const path = await (await download).path();
  return page.evaluate(
    ({ started, path, bytes }) => {
      const ended = performance.now();
      const w = /** @type {{ longTasks: { start: number, duration: number }[] }} */ (/** @type {unknown} */ (window));
      return { elapsedMs: ended - started, bytes, path, longTasks: w.longTasks.filter((t) => t.start + t.duration >= started && t.start <= ended) };
    },
    { started, path, bytes: statSync(path).size },
  );
}
