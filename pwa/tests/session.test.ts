/** The resident's session: tokens on requests, single-flight refresh, and its end. */
import { describe, expect, it } from 'vitest'
import { createClient } from '@/graphql/client'
import { ApiError } from '@/graphql/errors'
import {
  type AuthTokensFieldsFragment as AuthTokens,
  LoginDocument,
  LogoutDocument,
  MeDocument,
} from '@/graphql/generated/graphql'
import {
  createSession,
  jwtLifetimeMs,
  memoryStorage,
  REFRESH_TOKEN_KEY,
  type Lock,
  type SessionEvent,
} from '@/graphql/session'

const MINUTE = 60_000

/** An unsigned JWT-shaped token: only iat and exp matter to the client. */
function jwt(name: string, iat: number, lifetimeSeconds = 900): string {
  const claims = { sub: 'resident:1', iat, exp: iat + lifetimeSeconds, jti: name }
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return `${encode({ alg: 'EdDSA', typ: 'at+jwt' })}.${encode(claims)}.${name}`
}

function tokens(accessToken: string, refreshToken: string): AuthTokens {
  return {
    accessToken,
    accessTokenExpiresAt: '2026-10-01T08:15:00+00:00',
    refreshToken,
    refreshTokenExpiresAt: '2026-10-31T08:00:00+00:00',
  }
}

const ME = { role: 'RESIDENT', verified: false, resident: { id: 'UmVzaWRlbnQ6MQ==' } }

interface Call {
  operation: string
  authorization: string | null
  variables: Record<string, unknown>
}

/**
 * A fake /graphql that behaves like the server: access tokens in `expired` answer
 * UNAUTHENTICATED/TOKEN_EXPIRED, each refresh token works once (a second use answers
 * REFRESH_TOKEN_REUSED), and refreshing takes a moment so concurrent requests overlap.
 */
function fakeServer(
  options: {
    expired?: Set<string>
    revoked?: Set<string>
    refreshAnswer?: (refreshToken: string) => object | 'network'
  } = {},
) {
  const calls: Call[] = []
  const used = new Set<string>()
  const expired = options.expired ?? new Set<string>()
  const revoked = options.revoked ?? new Set<string>()
  let issued = 0

  const reply = (body: object) => new Response(JSON.stringify(body), { status: 200 })
  const unauthenticated = (reason: string) =>
    reply({
      data: { me: null },
      errors: [{ message: '登录已过期。', extensions: { code: 'UNAUTHENTICATED', reason } }],
    })

  const fetch: typeof globalThis.fetch = async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as {
      operationName: string
      variables: Record<string, unknown>
    }
    const headers = (init?.headers ?? {}) as Record<string, string>
    const authorization = headers.authorization ?? null
    calls.push({ operation: body.operationName, authorization, variables: body.variables })
    await new Promise((resolve) => setTimeout(resolve, 5))

    if (body.operationName === 'RefreshToken') {
      const refreshToken = String(body.variables.refreshToken)
      const custom = options.refreshAnswer?.(refreshToken)
      if (custom === 'network') throw new TypeError('Failed to fetch')
      if (custom) return reply({ data: { refreshToken: custom } })
      if (used.has(refreshToken)) {
        return reply({
          data: {
            refreshToken: {
              tokens: null,
              errors: [
                { field: 'refreshToken', message: '该刷新令牌已被使用过。', code: 'REFRESH_TOKEN_REUSED' },
              ],
            },
          },
        })
      }
      used.add(refreshToken)
      issued += 1
      return reply({
        data: {
          refreshToken: {
            tokens: tokens(jwt(`fresh${issued}`, 1_000), `r-fresh${issued}`),
            errors: [],
          },
        },
      })
    }
    const token = authorization?.replace(/^Bearer /, '') ?? null
    if (token && expired.has(token)) return unauthenticated('TOKEN_EXPIRED')
    if (token && revoked.has(token)) return unauthenticated('SESSION_REVOKED')
    if (body.operationName === 'Logout') return reply({ data: { logout: { ok: true, errors: [] } } })
    return reply({ data: { me: token ? ME : null } })
  }

  return {
    fetch,
    calls,
    refreshCalls: () => calls.filter((c) => c.operation === 'RefreshToken'),
    meCalls: () => calls.filter((c) => c.operation === 'Me'),
  }
}

function setUp(server: ReturnType<typeof fakeServer>, clock = { now: 0 }, lock?: Lock) {
  const storage = memoryStorage()
  const session = createSession({
    client: createClient({ fetch: server.fetch }),
    storage,
    now: () => clock.now,
    lock,
  })
  const events: SessionEvent[] = []
  session.subscribe((event) => events.push(event))
  const api = createClient({ fetch: server.fetch, auth: session })
  return { storage, session, api, events }
}

describe('single-flight refresh', () => {
  it('refreshes once for two requests that met an expired token, and retries both', async () => {
    const old = jwt('old', 0)
    const server = fakeServer({ expired: new Set([old]) })
    const { api, session, storage } = setUp(server)
    session.signIn(tokens(old, 'r1')) // the device thinks it is fresh; the server does not

    const [first, second] = await Promise.all([
      api.request(MeDocument, {}),
      api.request(MeDocument, {}),
    ])

    expect(first.me).toEqual(ME)
    expect(second.me).toEqual(ME)
    expect(server.refreshCalls()).toHaveLength(1)
    expect(server.refreshCalls()[0]!.variables).toEqual({ refreshToken: 'r1' })
    expect(server.refreshCalls()[0]!.authorization).toBeNull()
    const fresh = jwt('fresh1', 1_000)
    expect(server.meCalls().map((c) => c.authorization)).toEqual([
      `Bearer ${old}`,
      `Bearer ${old}`,
      `Bearer ${fresh}`,
      `Bearer ${fresh}`,
    ])
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('r-fresh1')
    expect(session.currentAccessToken()).toBe(fresh)
  })

  it('refreshes ahead of time, once, when the access token is about to expire', async () => {
    const server = fakeServer()
    const clock = { now: 0 }
    const locked: number[] = []
    const lock: Lock = (task) => {
      locked.push(clock.now)
      return task()
    }
    const { api, session } = setUp(server, clock, lock)
    session.signIn(tokens(jwt('old', 0, 900), 'r1'))

    clock.now = 10 * MINUTE // 5 minutes left: no refresh
    await api.request(MeDocument, {})
    expect(server.refreshCalls()).toHaveLength(0)

    clock.now = 14.5 * MINUTE // 30 seconds left
    await Promise.all([
      api.request(MeDocument, {}),
      api.request(MeDocument, {}),
      api.request(MeDocument, {}),
    ])
    expect(server.refreshCalls()).toHaveLength(1)
    expect(locked).toHaveLength(1)
    expect(server.meCalls().slice(1).map((c) => c.authorization)).toEqual(
      Array(3).fill(`Bearer ${jwt('fresh1', 1_000)}`),
    )
  })

  it('restores a session from the stored refresh token before the first request', async () => {
    const server = fakeServer()
    const { api, session, storage } = setUp(server)
    storage.setItem(REFRESH_TOKEN_KEY, 'r-earlier-visit')
    expect(session.hasSession()).toBe(true)
    expect(session.currentAccessToken()).toBeNull()

    const [a, b] = await Promise.all([api.request(MeDocument, {}), api.request(MeDocument, {})])
    expect(a.me).toEqual(ME)
    expect(b.me).toEqual(ME)
    expect(server.calls.map((c) => c.operation)).toEqual(['RefreshToken', 'Me', 'Me'])
  })

  it('retries only once: a second TOKEN_EXPIRED is reported, not looped on', async () => {
    // Every token the server hands out is already expired (a badly wrong server clock).
    const server = fakeServer({ expired: new Set([jwt('old', 0), jwt('fresh1', 1_000)]) })
    const { api, session } = setUp(server)
    session.signIn(tokens(jwt('old', 0), 'r1'))

    const error = await api.request(MeDocument, {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' })
    expect(server.meCalls()).toHaveLength(2)
    expect(server.refreshCalls()).toHaveLength(1)
  })
})

describe('the end of a session', () => {
  it('REFRESH_TOKEN_REUSED: forgets the tokens, says why, and loads public data anonymously', async () => {
    const old = jwt('old', 0)
    const server = fakeServer({
      expired: new Set([old]),
      refreshAnswer: () => ({
        tokens: null,
        errors: [{ field: 'refreshToken', message: '该刷新令牌已被使用过。', code: 'REFRESH_TOKEN_REUSED' }],
      }),
    })
    const { api, session, storage, events } = setUp(server)
    session.signIn(tokens(old, 'r1'))
    events.length = 0

    const results = await Promise.all([api.request(MeDocument, {}), api.request(MeDocument, {})])
    expect(results.map((r) => r.me)).toEqual([null, null])
    expect(server.refreshCalls()).toHaveLength(1)
    expect(events).toEqual([{ type: 'ended', reason: 'REFRESH_TOKEN_REUSED' }])
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
    expect(session.hasSession()).toBe(false)
    expect(server.meCalls().slice(2).map((c) => c.authorization)).toEqual([null, null])
  })

  it('SESSION_REVOKED on a request ends the session without trying a refresh', async () => {
    const token = jwt('revoked', 0)
    const server = fakeServer({ revoked: new Set([token]) })
    const { api, session, events } = setUp(server)
    session.signIn(tokens(token, 'r1'))

    const result = await api.request(MeDocument, {})
    expect(result.me).toBeNull()
    expect(server.refreshCalls()).toHaveLength(0)
    expect(events.at(-1)).toEqual({ type: 'ended', reason: 'SESSION_REVOKED' })
    expect(session.hasSession()).toBe(false)
  })

  it('keeps the refresh token when the network fails during a refresh', async () => {
    const server = fakeServer({ refreshAnswer: () => 'network' })
    const { api, session, storage, events } = setUp(server)
    storage.setItem(REFRESH_TOKEN_KEY, 'r1')

    const error = await api.request(MeDocument, {}).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'network', code: 'NETWORK_ERROR' })
    expect(session.hasSession()).toBe(true)
    expect(events).toEqual([])
  })
})

describe('token policies', () => {
  it('sends no token when signing in', async () => {
    const server = fakeServer()
    const { api, session } = setUp(server)
    session.signIn(tokens(jwt('a', 0), 'r1'))
    await api.request(LoginDocument, { phone: '13800000003', code: '123456' }).catch(() => null)
    expect(server.calls[0]).toMatchObject({ operation: 'Login', authorization: null })
  })

  it('signs out with the token as it is, never refreshing first', async () => {
    const server = fakeServer()
    const clock = { now: 0 }
    const { api, session } = setUp(server, clock)
    const token = jwt('a', 0)
    session.signIn(tokens(token, 'r1'))
    clock.now = 20 * MINUTE // expired by now
    await api.request(LogoutDocument, { refreshToken: session.refreshToken() })
    expect(server.calls).toHaveLength(1)
    expect(server.calls[0]).toMatchObject({
      operation: 'Logout',
      authorization: `Bearer ${token}`,
      variables: { refreshToken: 'r1' },
    })
  })

  it('sends nothing when signed out, and forgets everything on clear()', async () => {
    const server = fakeServer()
    const { api, session, storage } = setUp(server)
    session.signIn(tokens(jwt('a', 0), 'r1'))
    session.clear()
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
    await api.request(MeDocument, {})
    expect(server.calls).toEqual([{ operation: 'Me', authorization: null, variables: {} }])
  })
})

describe('access token lifetime', () => {
  it('reads exp - iat from the JWT, whatever the device clock says', () => {
    expect(jwtLifetimeMs(jwt('a', 1_700_000_000, 900))).toBe(900_000)
    expect(jwtLifetimeMs('not-a-jwt')).toBeNull()
    expect(jwtLifetimeMs('a.%%%.b')).toBeNull()
  })
})
