import type { Page } from '@playwright/test';

interface Watched {
  longTasks: { start: number; duration: number }[];
}

/**
 * Records every main-thread task over 50 ms from page load on (PerformanceObserver 'longtask'),
 * so that a test can say how long a hostile file kept the page busy.
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Watched;
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The longest main-thread task that started at or after `since` (page time), in ms (0 if none). */
export async function longestTaskSince(page: Page, since: number): Promise<number> {
  const tasks = await page.evaluate((from) => (window as unknown as Watched).longTasks.filter((t) => t.start >= from), since);
  return Math.max(0, ...tasks.map((t) => t.duration));
}
