import { describe, expect, it, vi } from 'vitest';
import { createLocalPartSink } from '../workers/part-sink';
import { buildDownload } from './batch-download';
import type * as tickModule from '../../core/scoring/tick';
import { tick } from '../../core/scoring/tick';

// Each yield to the page is counted; it still yields, so the test runs as the page would.
vi.mock('../../core/scoring/tick', async (original) => {
  const actual = await original<typeof tickModule>();
  return { ...actual, tick: vi.fn(actual.tick) };
});

const pieces = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `row ${i}\n`, rowsDone: i + 1 }));

describe('buildDownload', () => {
  it('joins every piece, in order, into one Blob of the given type', async () => {
    const blob = await buildDownload(pieces(1000), 'text/csv', { isCancelled: () => false, onProgress: () => undefined });
    expect(blob!.type).toBe('text/csv');
    expect(await blob!.text()).toBe(pieces(1000).map((p) => p.text).join(''));
  });

  it('writes UTF-8 across the seams of its parts, even a character cut by one', async () => {
    // 7-byte parts: “é” (2 bytes), “€” (3) and “😀” (4) land on every seam in turn.
    const characters = Array.from({ length: 200 }, (_, i) => ['a', 'é', '€', '😀', 'z\n'][i % 5]!);
    const text = characters.join('');
    // Pieces end between characters, as the exporters' pieces do.
    const chunks = Array.from({ length: 20 }, (_, i) => ({ text: characters.slice(i * 10, i * 10 + 10).join(''), rowsDone: i + 1 }));
    for (const partBytes of [4, 7, 64]) {
      const blob = await buildDownload(chunks, 'text/plain', { isCancelled: () => false, onProgress: () => undefined }, { partBytes });
      expect(await blob!.text()).toBe(chunks.map((c) => c.text).join(''));
      expect(blob!.size).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('yields to the page between slices, reporting the rows written', async () => {
    const progress: number[] = [];
    const yields = vi.mocked(tick);
    yields.mockClear();
    // Each piece takes 3 ms, each slice 5 ms: the page gets a turn at least every two pieces.
    const slow = function* () {
      for (const piece of pieces(12)) {
        const until = performance.now() + 3;
        while (performance.now() < until);
        yield piece;
      }
    };
    const blob = await buildDownload(slow(), 'text/csv', { isCancelled: () => false, onProgress: (rows) => progress.push(rows) }, { sliceMs: 5 });
    expect(await blob!.text()).toBe(pieces(12).map((p) => p.text).join(''));
    expect(yields.mock.calls.length).toBeGreaterThanOrEqual(6);
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
    const sink = { ...createLocalPartSink(), discard: vi.fn() };
    const blob = await buildDownload(source(), 'text/csv', { isCancelled: () => cancelled, onProgress: () => undefined }, { sliceMs: 0, sink });
    expect(blob).toBeNull();
    expect(sink.discard).toHaveBeenCalledOnce();
    expect(produced).toHaveBeenCalledTimes(3);
  });
});
