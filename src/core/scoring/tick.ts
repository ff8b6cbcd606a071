/** A macrotask boundary: lets the page render and handle input between two steps of a long job. */
export const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The same boundary through a message, which timers' clamp does not delay: once timers nest
 * five deep, `setTimeout(0)` waits 4 ms, and a worker that works on with nothing else to do
 * would wait that long at every turn.
 */
export function turn(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return tick();
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * How often a long job shows its progress: 20 times a second moves a bar smoothly, and more
 * often is work the page does for nothing the eye can follow. (At 100 ms, a file scored in half
 * a second showed two or three positions of its bar.)
 */
export const PROGRESS_EVERY_MS = 50;

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
