/** First-screen queries: started by index.html's inline script, taken by the client once. */
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { EARLY_TTL_MS, createClient, earlyKey, type EarlyRequest } from '@/graphql/client'
import {
  CentreDocument,
  CentreMattersDocument,
  MatterDocument,
  MeDocument,
} from '@/graphql/generated/graphql'
import { earlyQueries, preloadScript, routePreloads, type Manifest } from '../scripts/app-shell'
import { FIRST_SCREEN, type FirstScreenQuery } from '../scripts/first-screen'

const ROUTES = [
  { path: '/centres/:code', module: 'src/pages/centres/detail.vue' },
  { path: '/me', module: 'src/pages/me/index.vue' },
]
const MANIFEST: Manifest = {
  'index.html': { file: 'assets/index-1.js' },
  'src/pages/centres/detail.vue': { file: 'assets/centre-1.js' },
  'src/pages/me/index.vue': { file: 'assets/me-1.js' },
}
const FIRST: Record<string, FirstScreenQuery[]> = {
  '/centres/:code': [
    { document: CentreDocument, variables: { code: ':code' } },
    { document: CentreMattersDocument, variables: { code: ':code', first: 20, after: null } },
  ],
}

interface Sent {
  url: string
  init: RequestInit
}

/** Runs the inline script for `pathname`; what it fetched and what it left for the app. */
function open(pathname: string) {
  const script = preloadScript(routePreloads(MANIFEST, ROUTES, FIRST))
  const code = script.replace(/^<script>/, '').replace(/<\/script>$/, '')
  const sent: Sent[] = []
  const window: { fetch: unknown; __tbEarly?: Record<string, EarlyRequest> } = {
    fetch: (url: string, init: RequestInit) => {
      sent.push({ url, init })
      return Promise.resolve(new Response('{"data":{"centre":null}}', { status: 200 }))
    },
  }
  const document = { head: { appendChild: () => undefined }, createElement: () => ({}) }
  new Function('location', 'document', 'window', 'fetch', code)({ pathname }, document, window, window.fetch)
  return { sent, early: window.__tbEarly }
}

describe('the inline script', () => {
  it("starts the first screen's queries as persisted POSTs, keyed as the client looks them up", async () => {
    const { sent, early } = open('/centres/310101-01')
    expect(sent.map((s) => [s.url, s.init.method])).toEqual([
      ['/graphql', 'POST'],
      ['/graphql', 'POST'],
    ])
    const bodies = sent.map((s) => JSON.parse(String(s.init.body)))
    expect(bodies[0]).toEqual({
      operationName: 'Centre',
      variables: { code: '310101-01' },
      extensions: {
        persistedQuery: {
          version: 1,
          sha256Hash: createHash('sha256').update(CentreDocument.toString()).digest('hex'),
        },
      },
    })
    expect(bodies[1].variables).toEqual({ code: '310101-01', first: 20, after: null })
    expect(sent.every((s) => !('authorization' in (s.init.headers as object)))).toBe(true)
    // Its answer is read at once: status and parsed body.
    await expect(early![earlyKey('Centre', { code: '310101-01' })]!.answer).resolves.toEqual({
      ok: true,
      status: 200,
      body: { data: { centre: null } },
    })
    // The page's own variables, as src/pages/centres/detail.vue and useConnection send them.
    expect(Object.keys(early!).sort()).toEqual(
      [
        earlyKey('Centre', { code: '310101-01' }),
        earlyKey('CentreMatters', { code: '310101-01', first: 20, after: null }),
      ].sort(),
    )
  })

  it('decodes the param, and fetches nothing for other pages', () => {
    const { early } = open('/centres/%E5%BE%90%E6%B1%87')
    expect(Object.keys(early!)).toContain(earlyKey('Centre', { code: '徐汇' }))
    expect(open('/me').sent).toEqual([])
    expect(open('/centres').sent).toEqual([])
  })

  it('is built only from documents that answer everyone alike', () => {
    expect(() => earlyQueries('/me', [{ document: MeDocument, variables: {} }])).toThrow(/each caller/)
    expect(() =>
      earlyQueries('/centres/:code', [{ document: CentreDocument, variables: { code: ':id' } }]),
    ).toThrow(/names no param/)
    // The app's own table passes.
    for (const [path, queries] of Object.entries(FIRST_SCREEN)) {
      expect(earlyQueries(path, queries)).toHaveLength(queries.length)
    }
  })
})

describe('the client and early answers', () => {
  const g = globalThis as unknown as { window?: { __tbEarly?: Record<string, unknown> } }
  afterEach(() => {
    delete g.window
  })

  function leave(operation: string, variables: unknown, body: unknown, at = Date.now()) {
    g.window ??= {}
    g.window.__tbEarly ??= {}
    g.window.__tbEarly[earlyKey(operation, variables)] = {
      at,
      answer: Promise.resolve({ ok: true, status: 200, body }),
    }
  }

  function counting() {
    const calls: string[] = []
    const client = createClient({
      fetch: async (input) => {
        calls.push(String(input))
        return new Response(JSON.stringify({ data: { matter: { code: 'FROM-NETWORK' } } }))
      },
    })
    return { calls, client }
  }

  it('uses the early answer once, then asks the server', async () => {
    leave('Matter', { code: 'GA001' }, { data: { matter: { code: 'EARLY' } } })
    const { calls, client } = counting()
    expect((await client.request(MatterDocument, { code: 'GA001' })).matter.code).toBe('EARLY')
    expect(calls).toEqual([])
    expect((await client.request(MatterDocument, { code: 'GA001' })).matter.code).toBe('FROM-NETWORK')
    expect(calls).toHaveLength(1)
  })

  it('keeps an early error answer (an unknown code is not asked twice)', async () => {
    leave('Matter', { code: 'NOPE' }, { data: null, errors: [{ message: '未找到', extensions: { code: 'NOT_FOUND' } }] })
    const { calls, client } = counting()
    await expect(client.request(MatterDocument, { code: 'NOPE' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(calls).toEqual([])
  })

  it('asks the server when the early request failed', async () => {
    const { calls, client } = counting()
    g.window = {
      __tbEarly: {
        [earlyKey('Matter', { code: 'A' })]: { at: Date.now(), answer: Promise.reject(new TypeError('offline')) },
      },
    }
    expect((await client.request(MatterDocument, { code: 'A' })).matter.code).toBe('FROM-NETWORK')
    expect(calls).toHaveLength(1)
  })

  it('asks the server when the early answer is unusable, stale, or for other variables', async () => {
    const { calls, client } = counting()
    leave('Matter', { code: 'A' }, { errors: [{ message: 'x', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] })
    expect((await client.request(MatterDocument, { code: 'A' })).matter.code).toBe('FROM-NETWORK')
    leave('Matter', { code: 'B' }, { data: { matter: { code: 'EARLY' } } }, Date.now() - EARLY_TTL_MS - 1)
    expect((await client.request(MatterDocument, { code: 'B' })).matter.code).toBe('FROM-NETWORK')
    leave('Matter', { code: 'C' }, { data: { matter: { code: 'EARLY' } } })
    expect((await client.request(MatterDocument, { code: 'D' })).matter.code).toBe('FROM-NETWORK')
    expect(calls).toHaveLength(3)
  })

  it('never uses an early answer for a document that depends on the caller', async () => {
    leave('Me', {}, { data: { me: { role: 'ADMIN' } } })
    const calls: string[] = []
    const client = createClient({
      fetch: async (input) => {
        calls.push(String(input))
        return new Response(JSON.stringify({ data: { me: null } }))
      },
    })
    expect(await client.request(MeDocument, {})).toEqual({ me: null })
    expect(calls).toHaveLength(1)
  })

  it('keys ignore the order of variables and null ones', () => {
    expect(earlyKey('X', { b: 1, a: 'x', c: null })).toBe(earlyKey('X', { a: 'x', b: 1 }))
    expect(earlyKey('X', { a: 'x' })).not.toBe(earlyKey('Y', { a: 'x' }))
  })
})
