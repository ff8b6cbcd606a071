import { describe, expect, it } from 'vitest';
import { rowWindow } from './row-window';

describe('rowWindow', () => {
  it('draws the rows in view and the overscan, at their natural places, for a list under the cap', () => {
    const w = rowWindow(300, 288, 1000, 30, 2);
    // Rows 10… are in view (10 × 30 = 300); 288 px shows 10 of them, partly 11.
    expect([w.first, w.last, w.total]).toEqual([8, 10 + 11 + 2, 30_000]);
    expect(w.top(10)).toBe(300);
    expect(rowWindow(0, 288, 0, 30, 2)).toMatchObject({ first: 0, last: -1, total: 0 });
    expect(rowWindow(0, 288, 3, 30, 10)).toMatchObject({ first: 0, last: 2, total: 90 });
  });

  it('maps a capped list onto all its rows: top shows row 0, bottom shows the last row, each drawn inside the window', () => {
    const count = 2_000_000;
    const viewport = 288;
    const cap = 8_000_000;
    for (const scrollTop of [0, 1, 123_456, 4_000_000, cap - viewport]) {
      const w = rowWindow(scrollTop, viewport, count, 30, 0, cap);
      expect(w.total).toBe(cap);
      // The first row in view begins at or above the top of the view, within one row, and the rows follow on.
      const top = w.top(w.first);
      expect(top).toBeLessThanOrEqual(scrollTop + 1e-6);
      expect(top).toBeGreaterThan(scrollTop - 30);
      expect(w.top(w.first + 1) - top).toBe(30);
      // No row is drawn past the end of the list.
      expect(w.top(w.last)).toBeLessThan(cap);
    }
    expect(rowWindow(0, viewport, count, 30, 0, cap).first).toBe(0);
    const bottom = rowWindow(cap - viewport, viewport, count, 30, 0, cap);
    expect(bottom.last).toBe(count - 1);
    expect(bottom.top(count - 1) + 30).toBeCloseTo(cap, 6);
  });

  it('does not go past the ends when the scroll position does (overscroll, a stale position)', () => {
    expect(rowWindow(-50, 288, 100, 30, 0)).toMatchObject({ first: 0 });
    const w = rowWindow(1e9, 288, 100, 30, 0);
    expect(w.last).toBe(99);
    expect(w.first).toBeLessThanOrEqual(99);
  });
});
