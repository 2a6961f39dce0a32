// The app's service worker: keeps a copy of the app's own files so that a
// reload works without the network (a student on a train keeps practising;
// answers wait in IndexedDB and sync later). It is installed on the first
// visit with the network.
//   - One cache per build (the id is stamped in when the bundle is
//     assembled). Installing fetches the whole set at once and fails unless
//     every file arrives, so the copy never mixes two releases; the previous
//     build's copy is deleted only when the new one is complete.
//   - app.js?v=ID and app.wasm?v=ID never change: served from the copy.
//   - Everything else (the page, loader, style, fonts) goes to the network
//     first, so a new release is picked up at once; the copy is served when
//     the network fails or the server (or a proxy in front of it) answers 5xx.
//   - The base font slice and the fonts' manifest are part of the set; the
//     other slices load only when text needs them (docs/fonts.md), and each
//     one that arrives is added to the copy, so names in other scripts
//     still draw after a reload without the network.
//   - API requests are never touched or cached.
'use strict';

const BUILD = '@LEARNLOOP_BUILD@';
const CACHE = 'learnloop-app-' + BUILD;
const APP_FILES = ['./', 'index.html', 'loader.js', 'semantics.js', 'print.js', 'style.css', 'fonts/manifest.json',
  'fonts/base.otf', 'app.js?v=' + BUILD, 'app.wasm?v=' + BUILD];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(APP_FILES.map((file) => new Request(file, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('learnloop-app-') && key !== CACHE)
      .map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (url.searchParams.has('v')) {
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
    return;
  }
  const fromCopy = () => caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true })
      .then((cached) => cached || (request.mode === 'navigate' ? cache.match('./') : undefined)));
  const keep = (response) => {
    if (response.status === 200 && url.pathname.startsWith('/fonts/')) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
    }
    return response;
  };
  event.respondWith(fetch(request)
    .then((response) => (response.status >= 500 ? fromCopy().then((cached) => cached || response) : keep(response)))
    .catch(() => fromCopy().then((cached) => cached || Response.error())));
});
