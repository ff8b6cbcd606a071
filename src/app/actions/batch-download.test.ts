import { describe, expect, it, vi } from 'vitest';
import { buildDownload } from './batch-download';

const pieces = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `row ${i}\n`, rowsDone: i + 1 }));

describe('buildDownload', () => {
  it('joins every piece, in order, into one Blob of the given type', async () => {
    const blob = await buildDownload(pieces(1000), 'text/csv', { isCancelled: () => false, onProgress: () => undefined });
    expect(blob!.type).toBe('text/csv');
    expect(await blob!.text()).toBe(pieces(1000).map((p) => p.text).join(''));
  });

  it('yields to the page between slices, reporting the rows written', async () => {
    const progress: number[] = [];
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    // Each piece takes 3 ms, each slice 5 ms: the page gets a turn about every two pieces.
    const slow = function* () {
      for (const piece of pieces(12)) {
        const until = performance.now() + 3;
        while (performance.now() < until);
        yield piece;
      }
    };
    const blob = await buildDownload(slow(), 'text/csv', { isCancelled: () => false, onProgress: (rows) => progress.push(rows) }, 5);
    clearInterval(timer);
    expect(await blob!.text()).toBe(pieces(12).map((p) => p.text).join(''));
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(progress[0]).toBeGreaterThanOrEqual(2);
    expect(progress[0]).toBeLessThan(12);
  });

  it('stops at the next slice when cancelled, and builds nothing', async () => {
    let cancelled = false;
    const produced = vi.fn();
    const source = function* () {
      for (const piece of pieces(100)) {
        produced();
        cancelled = piece.rowsDone === 3;
        yield piece;
      }
    };
    const blob = await buildDownload(source(), 'text/csv', { isCancelled: () => cancelled, onProgress: () => undefined }, 0);
    expect(blob).toBeNull();
    expect(produced).toHaveBeenCalledTimes(3);
  });
});
