import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createClient, type ClientAuth } from '@/graphql/client'
import { DepartmentsDocument, MatterDocument, MeDocument } from '@/graphql/generated/graphql'
import { manifest } from '../scripts/persisted-queries'

type FetchArgs = Parameters<typeof fetch>

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

function replies(bodies: unknown[], seen: FetchArgs[]): typeof fetch {
  return async (...args: FetchArgs) => {
    seen.push(args)
    return new Response(JSON.stringify(bodies.shift()), { status: 200 })
  }
}

const signedIn: ClientAuth = {
  accessToken: async () => 'resident-token',
  currentAccessToken: () => 'resident-token',
  renew: async () => null,
  reject: () => undefined,
}

describe('persisted queries', () => {
  it('sends a public query as a GET with its sha256 and no token', async () => {
    const seen: FetchArgs[] = []
    const client = createClient({
      fetch: replies([{ data: { departments: [] } }], seen),
      auth: signedIn,
    })
    await client.request(DepartmentsDocument, {})
    const [url, init] = seen[0]!
    expect(init?.method).toBe('GET')
    expect(new Headers(init?.headers).get('authorization')).toBeNull()
    const params = new URL(String(url), 'http://x').searchParams
    expect(params.get('query')).toBeNull()
    expect(params.get('operationName')).toBe('Departments')
    expect(JSON.parse(params.get('extensions')!)).toEqual({
      persistedQuery: { version: 1, sha256Hash: sha(DepartmentsDocument.toString()) },
    })
  })

  it('sends the document once more after PERSISTED_QUERY_NOT_FOUND', async () => {
    const seen: FetchArgs[] = []
    const notFound = { errors: [{ message: '未找到', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }
    const client = createClient({ fetch: replies([notFound, { data: { departments: [] } }], seen) })
    expect(await client.request(DepartmentsDocument, {})).toEqual({ departments: [] })
    expect(seen).toHaveLength(2)
    const retry = new URL(String(seen[1]![0]), 'http://x').searchParams
    expect(seen[1]![1]?.method).toBe('GET')
    expect(retry.get('query')).toBe(DepartmentsDocument.toString())
  })

  it('POSTs queries with string variables and personal queries, with the token', async () => {
    const seen: FetchArgs[] = []
    const client = createClient({
      fetch: replies([{ data: { matter: { code: 'A' } } }, { data: { me: null } }], seen),
      auth: signedIn,
    })
    await client.request(MatterDocument, { code: 'A' })
    await client.request(MeDocument, {})
    expect(seen.map(([, init]) => init?.method)).toEqual(['POST', 'POST'])
    expect(new Headers(seen[1]![1]?.headers).get('authorization')).toBe('Bearer resident-token')
  })

  it('lists every operation, hashed as sent, in the build manifest', () => {
    const entries = manifest()
    expect(entries[sha(DepartmentsDocument.toString())]).toBe(DepartmentsDocument.toString())
    expect(entries[sha(MeDocument.toString())]).toBe(MeDocument.toString())
    expect(Object.values(entries).every((text) => !text.trimStart().startsWith('fragment'))).toBe(true)
  })
})
