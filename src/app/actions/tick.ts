/** A macrotask boundary: lets the page render and handle input between two steps of a long job. */
export const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** How often a long job shows its progress: more often is work the page does for nothing the eye can follow. */
export const PROGRESS_EVERY_MS = 100;

/** True at most once per `ms` (and the first time): paces progress updates. */
export function pacer(ms = PROGRESS_EVERY_MS): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const now = performance.now();
    if (now - last < ms) return false;
    last = now;
    return true;
  };
}
