// ECS Image Planner's service worker: a second visit starts from cache and the planner works
// offline. Registered by index.html's loader (never by embed.html or embed.js: a documentation
// page's frame must not install the planner's cache). Same origin only: it answers the planner
// page and the files that page loads, from one cache named after the build; every other request
// goes to the network untouched.
//
// BUILD is written by scripts/sw-stamp.mjs after trunk: `files` are the page and the files it
// loads (trunk's hashed names), `version` is a hash of them. A new build therefore changes this
// file, the browser installs the new worker, which caches the new files, takes over, and drops
// the old cache; the open page keeps running the version it loaded, and the next load is new.
// Unstamped (a `trunk serve` development build) it caches nothing.
'use strict';
const BUILD = { version: 'unstamped', files: [] };
const CACHE = `ecs-image-planner-${BUILD.version}`;
const SCOPE = new URL('./', self.location.href);
const PRECACHED = new Set(BUILD.files.map((file) => new URL(file, SCOPE).href));
const PAGE = new URL('./', SCOPE).href;

self.addEventListener('install', (event) => {
  if (!BUILD.files.length) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // The page has just loaded these: hashed files come from the HTTP cache (immutable), the
    // page itself is revalidated (no-cache), so installing costs no second download.
    await cache.addAll(BUILD.files.map((file) => new URL(file, SCOPE).href));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('ecs-image-planner-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

/** The cache key of a request this worker answers, or null to leave it to the network. */
function keyOf(request) {
  if (request.method !== 'GET' || !BUILD.files.length) return null;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return null;
  const bare = url.origin + url.pathname;
  // The planner page with any query (?embed=1, a share link's fragment is never sent).
  if (request.mode === 'navigate' && (bare === PAGE || bare === `${PAGE}index.html`)) return PAGE;
  return PRECACHED.has(bare) && url.search === '' ? bare : null;
}

self.addEventListener('fetch', (event) => {
  const key = keyOf(event.request);
  if (!key) return;
  event.respondWith((async () => {
    const hit = await caches.match(key, { cacheName: CACHE });
    return hit ?? fetch(event.request);
  })());
});
