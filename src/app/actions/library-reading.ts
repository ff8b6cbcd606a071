import { engineError } from '../../core/protocol/engine-error';
import type { AppStore } from '../store/app-store';

/** Set while the library is being read and shown; still there at the next start means that start never finished. */
const READING = 'onnx-playground:library-reading';
/** A marker younger than this is another tab reading right now, not a start that hung. */
const READING_GRACE_MS = 10_000;

function readingMarker(): number | null {
  try {
    const at = Number(localStorage.getItem(READING));
    return at > 0 ? at : null;
  } catch {
    return null;
  }
}

function setReadingMarker(on: boolean): void {
  try {
    if (on) localStorage.setItem(READING, String(Date.now()));
    else localStorage.removeItem(READING);
  } catch {
    // Storage refused (private window): the safe start stays available through ?safe.
  }
}

/**
 * Reads the library with `refresh`; after a start that never finished reading it, calls
 * `startSafe` instead. A library that cannot be read is shown as unreadable.
 */
export async function readLibrary(store: AppStore, refresh: () => Promise<void>, startSafe: (reason: string) => void): Promise<void> {
  const marker = readingMarker();
  if (marker !== null && Date.now() - marker > READING_GRACE_MS) {
    setReadingMarker(false);
    startSafe('The last time this page started, reading the library never finished (the page may have stopped responding), so this time it was not read.');
    return;
  }
  setReadingMarker(true);
  try {
    await refresh();
  } catch (thrown) {
    store.getState().setLibraryProblem({ kind: 'unreadable', error: engineError('storage-failed', `The library could not be read (${thrown instanceof Error ? thrown.message : String(thrown)}).`, 'Private windows may not allow storage; try a normal window, or clear the library.') });
  }
  // Cleared once the list has had a chance to render: a library that hangs the page leaves it set.
  setTimeout(() => setReadingMarker(false), 0);
}
