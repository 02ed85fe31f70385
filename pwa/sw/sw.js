/* Tongban service worker: keeps the app shell (HTML, JS, CSS, icons) available offline, and
 * the catalogue pages the resident opened recently readable without a network.
 *
 * - The shell: precached at install, served from the cache (the files are content-hashed).
 * - Catalogue reads: GET /graphql that the server marks `Cache-Control: public` (an anonymous
 *   read of fields that answer the same to everyone; backend/graphql/caching.py) go to the
 *   network first, and the answer is kept (the last MAX_READS of them); offline, the kept
 *   answer is served. Anything else on /graphql — POST (mutations, personal reads), a request
 *   with an Authorization header, an answer that is not public — is never stored.
 * The build (scripts/app-shell.ts) fills in VERSION and PRECACHE. */
const VERSION = '__VERSION__'
const PRECACHE = [] /* __PRECACHE__ */
const CACHE = `tongban-shell-${VERSION}`
// Kept across app versions: answers, not code (a new document is a new URL anyway).
const READS = 'tongban-reads'
const MAX_READS = 80
const SHELL = '/index.html'

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)))
})

// A new version takes over once every tab of the old one is closed (no skipWaiting), so a
// page never loses the lazily loaded chunks it was built with.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('tongban-shell-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      ),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  // Someone's own data (a case's PDFs, reads with the access token): never the cache.
  if (request.headers.has('authorization')) return
  if (url.pathname === '/graphql') {
    event.respondWith(catalogueRead(request))
    return
  }
  if (url.pathname.startsWith('/graphql') || url.pathname === '/healthz') return
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request))
    return
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)))
})

// Pages: the network first (fresh HTML after a deploy), the cached shell when offline or
// when the server has no such file (the router then shows the page or its own 404).
async function navigate(request) {
  try {
    const response = await fetch(request)
    if (response.ok) return response
    return (await caches.match(SHELL)) || response
  } catch (error) {
    const shell = await caches.match(SHELL)
    if (shell) return shell
    throw error
  }
}

/** Whether the server said this answer is the same for everyone and may be kept. */
function isPublicAnswer(response) {
  if (response.status !== 200) return false
  const control = (response.headers.get('cache-control') || '').toLowerCase()
  const directives = control.split(',').map((part) => part.trim().split('=')[0])
  if (!directives.includes('public')) return false
  if (directives.includes('no-store') || directives.includes('private')) return false
  return (response.headers.get('content-type') || '').includes('json')
}

// Catalogue reads: the network first (current data), the kept answer when offline.
async function catalogueRead(request) {
  const cache = await caches.open(READS)
  let response
  try {
    response = await fetch(request)
  } catch (error) {
    const kept = await cache.match(request)
    if (kept) return kept
    throw error
  }
  if (isPublicAnswer(response)) {
    const copy = response.clone()
    // Deleted first, so the entry moves to the end: the oldest are first in keys().
    await cache.delete(request)
    await cache.put(request, copy)
    const keys = await cache.keys()
    await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_READS)).map((key) => cache.delete(key)))
  }
  return response
}
