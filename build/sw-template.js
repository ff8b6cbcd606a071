/* ONNX Playground service worker (generated into the build by build/service-worker.ts). */
const BASE = __BASE__;
const PRECACHE = __PRECACHE__;
const CACHE = `onnx-playground-${__VERSION__}`;

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
/** The app's Content-Security-Policy, for the page and its workers (see build/content-security-policy.ts). */
const CSP = __CSP__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(BASE + path, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('onnx-playground-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The same response with the isolation headers and the CSP added (what the coi-serviceworker approach does). */
function isolated(response) {
  if (response.status === 0 || response.type === 'opaque') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value);
  headers.set('Content-Security-Policy', CSP);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only our own files; anything else (a ?model= link to another site) goes straight to the network.
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  const key = request.mode === 'navigate' ? new Request(BASE + 'index.html') : request;
  event.respondWith(
    (async () => {
      try {
        // Network first, so a new deployment is picked up; successful answers refresh the cache. The page gets
        // the answer at once: storing it (14 MB for ORT's WASM) goes on in the background, not before the answer.
        const response = await fetch(request);
        if (response.ok && !url.search) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
        }
        return isolated(response);
      } catch (offline) {
        // ignoreVary: hosts send `Vary: Origin`, and module scripts are requested with an Origin header the precache lacked.
        const cache = await caches.open(CACHE);
        const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
        if (cached) return isolated(cached);
        throw offline;
      }
    })(),
  );
});
