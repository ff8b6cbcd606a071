import { useEffect, useState, type RefObject } from 'react';
import { rowWindow, type RowWindow } from './row-window';

/** The rows of a scrolling element's list in view (see rowWindow), following its scroll position and height. */
export function useRowWindow(scroller: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowWindow {
  const [view, setView] = useState({ scrollTop: 0, height: 0 });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const update = () => setView((v) => (v.scrollTop === el.scrollTop && v.height === el.clientHeight ? v : { scrollTop: el.scrollTop, height: el.clientHeight }));
    // No read here: right after a commit it would force a layout inside React's task (46 of 75
    // samples of a 50 ms task, profiled). The observer's first call comes once layout is done.
    el.addEventListener('scroll', update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resized.disconnect();
    };
  }, [scroller]);
  return rowWindow(view.scrollTop, view.height, count, rowHeight, overscan);
}
