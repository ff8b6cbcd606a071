/**
 * Which rows of a long list of equal-height rows are in view, and where each goes: O(rows in
 * view), whatever the list's length. (@tanstack/react-virtual measures every row up front:
 * 97 ms for a million rows in one task.) Past `maxHeight` the list is drawn shorter than its
 * rows would make it, because browsers cap an element's height (about 33.5 million pixels in
 * Chromium): the scroll position then maps onto the rows in proportion, and the rows in view
 * are shifted so that they sit in the window.
 */
export interface RowWindow {
  /** First and last row to draw (overscan included); last < first when there is none. */
  readonly first: number;
  readonly last: number;
  /** The height the list takes in the page. */
  readonly total: number;
  /** Where row `i` sits from the top of the list. */
  top(i: number): number;
}

/** Tall enough for any screen, well under every browser's cap on an element's height. */
export const MAX_LIST_HEIGHT = 8_000_000;

export function rowWindow(scrollTop: number, viewport: number, count: number, rowHeight: number, overscan: number, maxHeight = MAX_LIST_HEIGHT): RowWindow {
  const natural = count * rowHeight;
  const total = Math.min(natural, maxHeight);
  const scrollable = Math.max(0, total - viewport);
  const naturalScrollable = Math.max(0, natural - viewport);
  const at = Math.min(Math.max(0, scrollTop), scrollable);
  // Where the view would be if the list were drawn at its full height.
  const naturalTop = scrollable > 0 ? (at / scrollable) * naturalScrollable : 0;
  const shift = at - naturalTop;
  const firstInView = Math.floor(naturalTop / rowHeight);
  const inView = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  return {
    first: Math.max(0, firstInView - overscan),
    last: Math.min(count - 1, firstInView + inView + overscan),
    total,
    top: (i) => i * rowHeight + shift,
  };
}
