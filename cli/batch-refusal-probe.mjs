// Measures the Run tab refusing a batch that cannot fit in memory: types the size into the Run
// panel's batch field, clicks Run from inside the page (so that no Playwright step runs on the page
// meanwhile and is counted against it), and collects the main thread's long tasks from the click
// until 500 ms after the refusal appeared (what a render it set off would take). Shared by
// `npm run bench:responsiveness` (which prints the figure) and e2e/run-memory.spec.ts (which asserts on it).
/** @import { Page } from 'playwright-core' */

/**
 * @typedef {object} RefusalProbe
 * @property {number} clickedAt page time of the click
 * @property {number} elapsedMs from the click until the refusal was on screen
 * @property {number} clickMs   the click's own work: the Run action's check and the render it caused (React renders a click's updates before it returns)
 * @property {string} text      the refusal as shown
 * @property {{ start: number, duration: number }[]} longTasks main-thread tasks over 50 ms from the click until 500 ms after
 */

/**
 * Waits until the page has run no task over 50 ms for `quietMs` (opening a model sets work going),
 * so that what is measured next is what the click caused. Needs `recordLongTasks` before the page loaded.
 * @param {Page} page
 * @param {number} [quietMs]
 */
export async function waitForQuietPage(page, quietMs = 1000) {
  await page.waitForFunction(
    (quiet) => {
      const tasks = /** @type {{ longTasks: { start: number, duration: number }[] }} */ (/** @type {unknown} */ (window)).longTasks;
      const last = tasks.reduce((end, t) => Math.max(end, t.start + t.duration), 0);
      return performance.now() - last >= quiet;
    },
    quietMs,
    { timeout: 60_000, polling: 100 },
  );
}

/**
 * With a model open and its Run panel showing random inputs: sets `dim` to `size`, waits for a quiet
 * page, clicks Run and waits (up to `timeoutMs`) for the refusal beside the button.
 * @param {Page} page
 * @param {string} dim  the symbolic dimension's name, e.g. 'batch'
 * @param {number} size
 * @param {number} [timeoutMs]
 * @returns {Promise<RefusalProbe>}
 */
export async function refuseInPage(page, dim, size, timeoutMs = 10_000) {
  const panel = page.locator('section[aria-labelledby="run-title"]');
  await panel.getByRole('spinbutton', { name: dim }).fill(String(size));
  await waitForQuietPage(page);
  return page.evaluate(
    async (timeoutMs) => {
      const w = /** @type {{ longTasks: { start: number, duration: number }[] }} */ (/** @type {unknown} */ (window));
      const section = /** @type {HTMLElement} */ (document.querySelector('section[aria-labelledby="run-title"]'));
      const button = /** @type {HTMLButtonElement} */ (Array.from(section.querySelectorAll('button')).find((b) => b.textContent?.startsWith('Run on')));
      const shown = () => section.querySelector('[data-testid="run-refusal"]');
      const started = performance.now();
      const appeared = new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(section, { subtree: true, childList: true });
        setTimeout(() => reject(new Error('No refusal appeared beside the Run button.')), timeoutMs);
      });
      button.click();
      const clickMs = performance.now() - started;
      const at = /** @type {number} */ (await appeared);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const ended = performance.now();
      return {
        clickedAt: started,
        elapsedMs: at - started,
        clickMs,
        text: shown()?.textContent ?? '',
        longTasks: w.longTasks.filter((t) => t.start + t.duration >= started && t.start <= ended),
      };
    },
    timeoutMs,
  );
}

/**
 * With a model open and its Run panel showing random inputs: sets `dim` to `size` (a batch that
 * fits), waits for a quiet page, clicks Run and waits for the outputs; the long tasks meanwhile
 * (making the inputs in slices, sending them, showing the outputs).
 * @param {Page} page
 * @param {string} dim
 * @param {number} size
 * @param {number} [timeoutMs]
 * @returns {Promise<{ elapsedMs: number, outputs: string, longTasks: { start: number, duration: number }[] }>}
 */
export async function runBatchInPage(page, dim, size, timeoutMs = 600_000) {
  const panel = page.locator('section[aria-labelledby="run-title"]');
  await panel.getByRole('spinbutton', { name: dim }).fill(String(size));
  await waitForQuietPage(page);
  const started = await page.evaluate(() => {
    const section = /** @type {HTMLElement} */ (document.querySelector('section[aria-labelledby="run-title"]'));
    const button = /** @type {HTMLButtonElement} */ (Array.from(section.querySelectorAll('button')).find((b) => b.textContent?.startsWith('Run on')));
    const at = performance.now();
    button.click();
    return at;
  });
  await page.waitForFunction(() => !document.querySelector('section[aria-labelledby="run-title"] button.primary')?.textContent?.startsWith('Running'), null, { timeout: timeoutMs, polling: 500 });
  return page.evaluate((started) => {
    const ended = performance.now();
    const w = /** @type {{ longTasks: { start: number, duration: number }[] }} */ (/** @type {unknown} */ (window));
    const outputs = document.querySelector('[data-testid="outputs"] [role="status"]')?.textContent ?? 'no outputs';
    return { elapsedMs: ended - started, outputs, longTasks: w.longTasks.filter((t) => t.start + t.duration >= started && t.start <= ended) };
  }, started);
}
