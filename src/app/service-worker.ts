const RELOADED = 'onnx-playground:isolation-reload';

/**
 * Registers the service worker that caches the app for offline use and, on hosts that cannot
 * send COOP/COEP (GitHub Pages), supplies them. A page that is not yet isolated is reloaded
 * once, so that it comes back under the worker; never twice, so a browser without support
 * simply stays single-threaded.
 */
export async function registerServiceWorker(base: string): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
  } catch {
    return; // Private windows and file:// refuse service workers: the app still runs, online and as the host's headers allow.
  }
  if (self.crossOriginIsolated || sessionStorage.getItem(RELOADED)) return;
  await navigator.serviceWorker.ready;
  sessionStorage.setItem(RELOADED, '1');
  window.location.reload();
}
