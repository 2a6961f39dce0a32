// The app's service worker: keeps a copy of the app's own files so that a
// reload works without the network (a student on a train keeps practising;
// answers wait in IndexedDB and sync later). It is installed on the first
// visit with the network. Every request for those files still goes to the
// network first, so an update is picked up at once; the copy is served when
// the network fails or the server (or a proxy in front of it) answers 5xx.
// Only plain same-origin 200 answers are kept, never a redirect (a Wi-Fi
// login page, say). API requests are never touched or cached.
// Known limit: app.js and app.wasm are kept one by one; if a new release is
// deployed and the connection drops between the two downloads, the copy can
// pair a new app.js with an old app.wasm until the next visit with the network.
'use strict';

const CACHE = 'learnloop-app-v1';
const APP_FILES = ['./', 'index.html', 'loader.js', 'style.css', 'app.js', 'app.wasm', 'fonts/DejaVuSans.ttf'];

self.addEventListener('install', (event) => {
  // One missing file (the font, say) must not stop the rest from being kept.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => Promise.all(APP_FILES.map((file) => cache.add(file).catch(() => undefined))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  const fromCopy = () => caches.match(request, { ignoreSearch: true })
    .then((cached) => cached || (request.mode === 'navigate' ? caches.match('./') : undefined));
  event.respondWith(fetch(request)
    .then((response) => {
      if (response.status >= 500)
        return fromCopy().then((cached) => cached || response);
      if (response.status === 200 && !response.redirected && response.type === 'basic') {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
      }
      return response;
    })
    .catch(() => fromCopy().then((cached) => cached || Response.error())));
});
