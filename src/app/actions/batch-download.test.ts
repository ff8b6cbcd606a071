import { describe, expect, it, vi } from 'vitest';
import { localBlobAssembler } from '../workers/blob-assembler';
import { buildDownload } from './batch-download';

const pieces = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `row ${i}\n`, rowsDone: i + 1 }));

describe('buildDownload', () => {
  it('joins every piece, in order, into one Blob of the given type', async () => {
    const blob = await buildDownload(pieces(1000), 'text/csv', { isCancelled: () => false, onProgress: () => undefined });
    expect(blob!.type).toBe('text/csv');
    expect(await blob!.text()).toBe(pieces(1000).map((p) => p.text).join(''));
  });

  it('hands the text on a slice at a time, yielding and reporting the rows written in between', async () => {
    const progress: number[] = [];
    const local = localBlobAssembler();
    const appended: number[] = [];
    const assembler = { ...local, append: (texts: string[]) => (appended.push(texts.length), local.append(texts)) };
    // Each piece takes 3 ms, each slice 5 ms: a slice ends about every two pieces (sooner when the machine is busy).
    const slow = function* () {
      for (const piece of pieces(12)) {
        const until = performance.now() + 3;
        while (performance.now() < until);
        yield piece;
      }
    };
    const blob = await buildDownload(slow(), 'text/csv', { isCancelled: () => false, onProgress: (rows) => progress.push(rows) }, 5, assembler);
    expect(await blob!.text()).toBe(pieces(12).map((p) => p.text).join(''));
    expect(appended.length).toBeGreaterThanOrEqual(3);
    expect(appended.reduce((a, b) => a + b, 0)).toBe(12);
    expect(progress[0]).toBeGreaterThanOrEqual(1);
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
