/**
 * The service worker (sw/sw.js) as the browser runs it, in a sandbox with a Cache API and a
 * network the test controls: the shell offline, catalogue reads kept and served offline,
 * and nothing personal ever stored.
 */
import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { beforeEach, describe, expect, it } from 'vitest'

const ORIGIN = 'https://tongban.test'
const SOURCE = readFileSync(new URL('../sw/sw.js', import.meta.url), 'utf8')
  .replace("'__VERSION__'", JSON.stringify('test'))
  .replace('[] /* __PRECACHE__ */', JSON.stringify(['/index.html', '/assets/index-abc.js']))

/** Cache API over a Map in insertion order, matching by URL (as the SW's requests vary by nothing else here). */
class FakeCache {
  entries = new Map<string, Response>()
  async match(request: Request | string) {
    const hit = this.entries.get(urlOf(request))
    return hit?.clone()
  }
  async put(request: Request | string, response: Response) {
    this.entries.set(urlOf(request), response)
  }
  async delete(request: Request | string) {
    return this.entries.delete(urlOf(request))
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url))
  }
  async addAll(urls: string[]) {
    for (const url of urls) this.entries.set(urlOf(url), new Response(`shell ${url}`))
  }
}

function urlOf(request: Request | string): string {
  return typeof request === 'string' ? new URL(request, ORIGIN).href : request.url
}

class FakeCaches {
  stores = new Map<string, FakeCache>()
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new FakeCache())
    return this.stores.get(name)!
  }
  async keys() {
    return [...this.stores.keys()]
  }
  async delete(name: string) {
    return this.stores.delete(name)
  }
  async match(request: Request | string) {
    for (const store of this.stores.values()) {
      const hit = await store.match(request)
      if (hit) return hit
    }
    return undefined
  }
}

type Handler = (event: { request?: Request; respondWith?: (r: Promise<Response>) => void; waitUntil?: (p: Promise<unknown>) => void }) => void

interface Worker {
  caches: FakeCaches
  /** What the network answers; throws when offline. */
  network: (request: Request) => Promise<Response>
  fetched: string[]
  /** The SW's answer, or null when it lets the browser handle the request. */
  handle(request: Request): Promise<Response | null>
}

async function startWorker(): Promise<Worker> {
  const handlers = new Map<string, Handler>()
  const worker: Worker = {
    caches: new FakeCaches(),
    network: async () => new Response('network'),
    fetched: [],
    async handle(request) {
      let answer: Promise<Response> | null = null
      handlers.get('fetch')!({ request, respondWith: (r) => (answer = r) })
      return answer
    },
  }
  const self = {
    location: new URL(ORIGIN),
    addEventListener: (type: string, handler: Handler) => handlers.set(type, handler),
  }
  runInNewContext(SOURCE, {
    self,
    caches: worker.caches,
    fetch: (request: Request) => {
      worker.fetched.push(request.url)
      return worker.network(request)
    },
    URL,
    Promise,
    Math,
    JSON,
  })
  let installed: Promise<unknown> = Promise.resolve()
  handlers.get('install')!({ waitUntil: (p) => (installed = p) })
  await installed
  return worker
}

const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch')
}

function publicAnswer(body: object): Response {
  return new Response(JSON.stringify(body), {
    headers: {
      'content-type': 'application/json',
      'cache-control': 'public, max-age=60',
    },
  })
}

function read(name: string, variables: object = {}): Request {
  const query = new URLSearchParams({
    operationName: name,
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: name } }),
  })
  return new Request(`${ORIGIN}/graphql?${query}`)
}

describe('service worker', () => {
  let worker: Worker
  beforeEach(async () => {
    worker = await startWorker()
  })

  it('opens the app from the precached shell when offline', async () => {
    worker.network = offline
    const page = new Request(`${ORIGIN}/centres/310101-01`)
    Object.defineProperty(page, 'mode', { value: 'navigate' })
    const answer = await worker.handle(page)
    expect(await answer!.text()).toBe('shell /index.html')
    const script = await worker.handle(new Request(`${ORIGIN}/assets/index-abc.js`))
    expect(await script!.text()).toBe('shell /assets/index-abc.js')
  })

  it('keeps public catalogue reads and serves them offline, network first', async () => {
    worker.network = async () => publicAnswer({ data: { centre: { name: '外滩街道' } } })
    const centre = read('Centre', { code: '310101-01' })
    expect(await (await worker.handle(centre))!.json()).toEqual({
      data: { centre: { name: '外滩街道' } },
    })

    // Online again later: the network's newer answer wins and replaces the kept one.
    worker.network = async () => publicAnswer({ data: { centre: { name: '外滩街道（新）' } } })
    await (await worker.handle(read('Centre', { code: '310101-01' })))!.text()
    expect(worker.fetched.filter((url) => url.includes('Centre'))).toHaveLength(2)

    worker.network = offline
    const kept = await worker.handle(read('Centre', { code: '310101-01' }))
    expect(await kept!.json()).toEqual({ data: { centre: { name: '外滩街道（新）' } } })
    // A read never made before has nothing to fall back on: the app shows its offline state.
    await expect(worker.handle(read('Centre', { code: '310101-02' }))).rejects.toThrow(
      'Failed to fetch',
    )
  })

  it('never stores what is not public, nor anything sent with a token or by POST', async () => {
    worker.network = async () =>
      new Response('{"data":{"me":{"phone":"138****0000"}}}', {
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      })
    await (await worker.handle(read('Me')))!.text()
    worker.network = async () =>
      new Response('{"data":{}}', {
        headers: { 'content-type': 'application/json', 'cache-control': 'private, max-age=60' },
      })
    await (await worker.handle(read('MyCases')))!.text()
    worker.network = async () =>
      new Response('{"errors":[]}', {
        status: 500,
        headers: { 'content-type': 'application/json', 'cache-control': 'public' },
      })
    await (await worker.handle(read('Broken')))!.text()

    // With a token, or by POST: the SW does not even answer; the browser goes to the network.
    const withToken = new Request(read('Centres').url, {
      headers: { authorization: 'Bearer abc' },
    })
    expect(await worker.handle(withToken)).toBeNull()
    const post = new Request(`${ORIGIN}/graphql`, { method: 'POST', body: '{"query":"{me{id}}"}' })
    expect(await worker.handle(post)).toBeNull()

    const reads = await worker.caches.open('tongban-reads')
    expect(reads.entries.size).toBe(0)
  })

  it('keeps only the most recent reads', async () => {
    worker.network = async (request) => publicAnswer({ data: { url: request.url } })
    for (let i = 0; i < 90; i++) await (await worker.handle(read('Matter', { code: `M${i}` })))!.text()
    // Reading an old one again makes it recent.
    await (await worker.handle(read('Matter', { code: 'M20' })))!.text()
    await (await worker.handle(read('Matter', { code: 'M90' })))!.text()
    const reads = await worker.caches.open('tongban-reads')
    const kept = [...reads.entries.keys()].map((url) => JSON.parse(new URL(url).searchParams.get('variables')!).code)
    expect(kept).toHaveLength(80)
    expect(kept).toContain('M20')
    expect(kept).toContain('M90')
    expect(kept).not.toContain('M10')
    expect(kept.at(-1)).toBe('M90')
  })
})
