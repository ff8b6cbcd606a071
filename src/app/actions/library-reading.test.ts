import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store/app-store';
import { readLibrary } from './library-reading';

const MARKER = 'onnx-playground:library-reading';

describe('readLibrary (the safe start after a start that hung)', () => {
  let saved: Map<string, string>;
  beforeEach(() => {
    saved = new Map();
    vi.stubGlobal('localStorage', { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v), removeItem: (k: string) => void saved.delete(k) });
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reads, marking the read until the list had a chance to render', async () => {
    const refresh = vi.fn(async () => expect(saved.has(MARKER)).toBe(true));
    const startSafe = vi.fn();
    await readLibrary(createAppStore(), refresh, startSafe);
    expect(refresh).toHaveBeenCalledOnce();
    expect(saved.has(MARKER)).toBe(true);
    vi.runAllTimers();
    expect(saved.has(MARKER)).toBe(false);
    expect(startSafe).not.toHaveBeenCalled();
  });

  it('starts safe instead when an old marker says the last start never finished, but not for another tab reading now', async () => {
    const refresh = vi.fn(async () => undefined);
    const startSafe = vi.fn();
    saved.set(MARKER, String(Date.now() - 60_000));
    await readLibrary(createAppStore(), refresh, startSafe);
    expect(startSafe).toHaveBeenCalledWith(expect.stringMatching(/reading the library never finished/));
    expect(refresh).not.toHaveBeenCalled();
    expect(saved.has(MARKER)).toBe(false);

    saved.set(MARKER, String(Date.now() - 1_000));
    await readLibrary(createAppStore(), refresh, startSafe);
    expect(refresh).toHaveBeenCalledOnce();
    expect(startSafe).toHaveBeenCalledOnce();
  });

  it('shows a library that cannot be read as unreadable, with a hint', async () => {
    const store = createAppStore();
    await readLibrary(store, () => Promise.reject(new Error('quota')), vi.fn());
    expect(store.getState().libraryProblem).toMatchObject({ kind: 'unreadable', error: { code: 'storage-failed', message: 'The library could not be read (quota).' } });
  });
});
