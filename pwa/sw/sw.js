/* Tongban service worker: keeps the app shell (HTML, JS, CSS, icons) available offline.
 * The catalogue itself (POST /graphql) always goes to the network, so what residents see
 * is current; without a network the app says so and offers a retry.
 * The build (scripts/app-shell.ts) fills in VERSION and PRECACHE. */
const VERSION = '__VERSION__'
const PRECACHE = [] /* __PRECACHE__ */
const CACHE = `tongban-shell-${VERSION}`
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
  if (url.pathname.startsWith('/graphql') || url.pathname === '/healthz') return
  // Someone's own documents (a case's PDFs, fetched with the access token): never the cache.
  if (request.headers.has('authorization')) return
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
