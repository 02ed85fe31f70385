/**
 * Live updates over WebSocket (graphql-transport-ws, through the `graphql-ws` client).
 *
 * One socket per tab, opened when the first subscription starts and closed a little after
 * the last one stops. What this module adds to graphql-ws:
 *
 * - **Auth.** `connection_init` carries `{authorization: "Bearer <access token>"}`, asked
 *   of the session each time a socket opens, so a reconnect uses a fresh token (the session
 *   refreshes it first when it is about to expire; single-flight, shared with HTTP). A
 *   socket outlives its token: a subscription started on it after the token expired is
 *   refused with UNAUTHENTICATED/TOKEN_EXPIRED; then the token is renewed, the socket
 *   replaced and the subscription started again. A token refused at connection_init (close
 *   4403) is renewed before the next attempt; when the session cannot be renewed it ends.
 * - **Reconnect.** graphql-ws retries a dropped socket forever with a capped exponential
 *   backoff (with jitter); an `online` event cuts the wait short, and drops a socket that
 *   was open while the device was offline (it is probably dead). Keep-alive pings find a
 *   socket that died silently. A subscription the server ends or fails for a passing reason
 *   is started again, also with backoff.
 * - **Resume.** Each update's `cursor` is remembered; every (re)subscription sends the last
 *   one as `after` (the variables are read when the message is sent, so graphql-ws's own
 *   resubscriptions after a reconnect resume too), and the server sends what was missed.
 *   Updates whose cursor was already seen are dropped, so nothing is handled twice.
 *
 * Never polling, never a reload.
 */
import type { Client, ClientOptions, FormattedExecutionResult, Sink } from 'graphql-ws/client'
import { t } from '@/locales'
import type { ClientAuth } from './client'
import { operationName } from './documents'
import { ApiError, messageForCode } from './errors'
import type { TypedDocumentString } from './generated/graphql'

/** What a subscription is doing, for the page to show. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'failed' | 'stopped'

export interface FollowHandlers<TData> {
  /** A new update (never one whose cursor was seen before). */
  next(data: TData, cursor: string | null): void
  status?(status: LiveStatus): void
  /** The subscription was refused for good (no permission, signed out ...): it stopped. */
  error?(error: ApiError): void
  /** The server lost track (RESYNC_REQUIRED): reload the state; the subscription resumes. */
  resync?(): void
}

export interface Follow {
  stop(): void
  /** The last cursor seen: where a resubscription resumes. */
  cursor(): string | null
}

export interface Live {
  follow<TData, TVariables extends { after?: string | null }>(
    document: TypedDocumentString<TData, TVariables>,
    variables: Omit<TVariables, 'after'>,
    handlers: FollowHandlers<TData>,
    options?: { after?: string | null },
  ): Follow
}

/** The part of a session the live client needs: tokens, and hearing about sign-in/out. */
export interface LiveAuth extends ClientAuth {
  subscribe?(listener: (event: { type: string }) => void): () => void
}

/** Where online/offline events come from (window in the browser). */
export type OnlineEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>

export interface LiveOptions {
  url: string | (() => string)
  auth: LiveAuth
  /** graphql-ws's createClient (tests pass a fake). */
  createClient: (options: ClientOptions) => Client
  events?: OnlineEvents
  /** Delay before retry number `attempt` (0-based), ms. */
  backoff?: (attempt: number) => number
  /** How often to ping an idle socket, and how long to wait for its pong, ms. */
  keepAliveMs?: number
  pongTimeoutMs?: number
}

/** 1 s, 2 s, 4 s ... capped at 30 s, each with up to a quarter more at random. */
export function defaultBackoff(attempt: number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5))
  return base + Math.floor(Math.random() * base * 0.25)
}

/** Close codes: the server refused the token at connection_init. */
export const CLOSE_FORBIDDEN = 4403

interface FormattedError {
  message?: string
  extensions?: { code?: unknown; reason?: unknown; field?: unknown }
}

type Problem =
  | { kind: 'expired' }
  | { kind: 'fatal'; error: ApiError }
  | { kind: 'resync' }
  | { kind: 'badCursor' }
  | { kind: 'retry' }

/** Codes after which starting again cannot help. */
const FATAL_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_ID',
  'INVALID_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'QUERY_TOO_COSTLY',
])

/** What to do about an error a subscription met. */
export function classify(error: unknown): Problem {
  const errors = Array.isArray(error) ? (error as FormattedError[]) : null
  const first = errors?.[0]
  if (!first) return { kind: 'retry' } // a closed socket, a thrown Error ...
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : null
  const reason = typeof first.extensions?.reason === 'string' ? first.extensions.reason : null
  if (code === 'UNAUTHENTICATED' && reason === 'TOKEN_EXPIRED') return { kind: 'expired' }
  if (code === 'RESYNC_REQUIRED') return { kind: 'resync' }
  if (code === 'INVALID_CURSOR') return { kind: 'badCursor' }
  if (code !== null && FATAL_CODES.has(code)) {
    const field = typeof first.extensions?.field === 'string' ? first.extensions.field : null
    return {
      kind: 'fatal',
      error: new ApiError('graphql', code, messageForCode(code, first.message), { field, reason }),
    }
  }
  return { kind: 'retry' }
}

/** The root field's `cursor` of an update, e.g. `{ myUpdates: { cursor } }`. */
export function cursorOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null
  for (const value of Object.values(data)) {
    if (typeof value === 'object' && value !== null && 'cursor' in value) {
      const cursor = (value as { cursor: unknown }).cursor
      if (typeof cursor === 'string') return cursor
    }
  }
  return null
}

export function createLive(options: LiveOptions): Live {
  const { auth, events } = options
  const backoff = options.backoff ?? defaultBackoff
  const keepAliveMs = options.keepAliveMs ?? 15_000
  const pongTimeoutMs = options.pongTimeoutMs ?? 5_000
  /** The token the current socket authenticated with. */
  let socketToken: string | null = null
  /** A renewal to wait for before connecting again (after a 4403). */
  let renewal: Promise<unknown> | null = null
  let connected = false
  let offlineWhileConnected = false
  let pongTimer: ReturnType<typeof setTimeout> | null = null
  const statusListeners = new Set<(connected: boolean) => void>()
  const wakers = new Set<() => void>()

  function wake(): void {
    for (const waker of [...wakers]) waker()
  }

  /** Resolves after `ms`, or at once when the device comes back online. */
  function wait(ms: number): { promise: Promise<void>; cancel: () => void } {
    let timer: ReturnType<typeof setTimeout> | undefined
    let done: () => void = () => {}
    const promise = new Promise<void>((resolve) => {
      done = () => {
        clearTimeout(timer)
        wakers.delete(done)
        resolve()
      }
      timer = setTimeout(done, ms)
      wakers.add(done)
    })
    return {
      promise,
      cancel: () => {
        clearTimeout(timer)
        wakers.delete(done)
      },
    }
  }

  const url = options.url
  const client = options.createClient({
    url: typeof url === 'string' ? url : () => url(),
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: keepAliveMs,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      if (renewal) await renewal.catch(() => undefined)
      await wait(backoff(retries)).promise
    },
    connectionParams: async () => {
      const token = await auth.accessToken()
      socketToken = token
      return token ? { authorization: `Bearer ${token}` } : {}
    },
    on: {
      connected: () => {
        connected = true
        offlineWhileConnected = false
        for (const listener of [...statusListeners]) listener(true)
      },
      closed: (event) => {
        connected = false
        clearPong()
        const code = (event as { code?: unknown } | null)?.code
        if (code === CLOSE_FORBIDDEN && socketToken !== null) {
          // The token was refused: renew it before the next attempt (null: session over).
          const refused = socketToken
          socketToken = null
          renewal = auth.renew(refused).finally(() => {
            renewal = null
          })
        }
        for (const listener of [...statusListeners]) listener(false)
      },
      // A ping we sent: the socket is dead if no pong comes back in time.
      ping: (received) => {
        if (received) return
        clearPong()
        pongTimer = setTimeout(() => client.terminate(), pongTimeoutMs)
      },
      pong: (received) => {
        if (received) clearPong()
      },
    },
  })

  function clearPong(): void {
    if (pongTimer !== null) clearTimeout(pongTimer)
    pongTimer = null
  }

  events?.addEventListener('offline', () => {
    if (connected) offlineWhileConnected = true
  })
  events?.addEventListener('online', () => {
    // A socket that lived through the outage is probably dead: start a new one now.
    if (connected && offlineWhileConnected) client.terminate()
    offlineWhileConnected = false
    wake()
  })
  // Signed in, out, or as someone else: the socket must speak for the new session.
  auth.subscribe?.(() => {
    if (connected || socketToken !== null) {
      socketToken = null
      client.terminate()
    }
  })

  /** After TOKEN_EXPIRED: a fresh token and a new socket (once for all subscriptions). */
  let replacing: Promise<string | null> | null = null
  function replaceSocket(): Promise<string | null> {
    const expired = socketToken
    replacing ??= (async () => {
      try {
        const fresh = expired === null ? await auth.accessToken() : await auth.renew(expired)
        if (fresh !== null && socketToken === expired) client.terminate()
        return fresh
      } finally {
        replacing = null
      }
    })()
    return replacing
  }

  function follow<TData, TVariables extends { after?: string | null }>(
    document: TypedDocumentString<TData, TVariables>,
    variables: Omit<TVariables, 'after'>,
    handlers: FollowHandlers<TData>,
    followOptions: { after?: string | null } = {},
  ): Follow {
    const query = document.toString()
    const name = operationName(document)
    let cursor: string | null = followOptions.after ?? null
    const seen = new Set<string>()
    if (cursor !== null) seen.add(cursor)
    let stopped = false
    let attempt = 0
    let generation = 0
    let unsubscribe: (() => void) | null = null
    let pending: { cancel: () => void } | null = null
    let lastStatus: LiveStatus | null = null

    function setStatus(status: LiveStatus): void {
      if (status === lastStatus) return
      lastStatus = status
      handlers.status?.(status)
    }

    const onSocket = (up: boolean) => {
      if (stopped || lastStatus === 'failed') return
      if (up && unsubscribe) setStatus('live')
      if (!up) setStatus('reconnecting')
    }
    statusListeners.add(onSocket)

    function drop(): void {
      generation += 1
      const current = unsubscribe
      unsubscribe = null
      current?.()
    }

    function start(): void {
      if (stopped) return
      pending = null
      const mine = ++generation
      if (lastStatus !== 'reconnecting') setStatus(connected ? 'live' : 'connecting')
      // `variables` is read each time graphql-ws sends the message, so its own
      // resubscription after a reconnect resumes from the newest cursor as well.
      const payload = {
        query,
        operationName: name,
        get variables(): Record<string, unknown> {
          return { ...variables, after: cursor }
        },
      }
      const sink: Sink<FormattedExecutionResult<Record<string, unknown>, unknown>> = {
        next(result) {
          if (mine !== generation) return
          if (result.errors?.length) {
            void failed(result.errors)
            return
          }
          if (!result.data) return
          attempt = 0
          setStatus('live')
          const next = cursorOf(result.data)
          if (next !== null) {
            if (seen.has(next)) return
            seen.add(next)
            cursor = next
          }
          handlers.next(result.data as TData, next)
        },
        error(error) {
          if (mine === generation) void failed(error)
        },
        complete() {
          // Streams do not end by themselves: the server went away; follow again.
          if (mine === generation && !stopped) {
            unsubscribe = null
            retryLater()
          }
        },
      }
      unsubscribe = client.subscribe(payload, sink)
    }

    function retryLater(): void {
      if (stopped) return
      setStatus('reconnecting')
      const waiting = wait(backoff(attempt))
      attempt += 1
      pending = waiting
      void waiting.promise.then(() => {
        if (pending === waiting) start()
      })
    }

    async function failed(error: unknown): Promise<void> {
      drop()
      if (stopped) return
      const problem = classify(error)
      switch (problem.kind) {
        case 'expired': {
          setStatus('reconnecting')
          const fresh = await replaceSocket()
          if (stopped) return
          if (fresh === null) {
            fail(new ApiError('graphql', 'UNAUTHENTICATED', t.errors.byCode.UNAUTHENTICATED ?? ''))
          } else if (attempt > 0) {
            retryLater() // refused again and again: do not hammer the server
          } else {
            attempt += 1
            start()
          }
          return
        }
        case 'fatal':
          fail(problem.error)
          return
        case 'resync':
          handlers.resync?.()
          retryLater()
          return
        case 'badCursor':
          // Start over from the beginning; the updates seen already are dropped.
          cursor = null
          retryLater()
          return
        case 'retry':
          retryLater()
      }
    }

    function fail(error: ApiError): void {
      setStatus('failed')
      handlers.error?.(error)
    }

    start()

    return {
      stop() {
        if (stopped) return
        stopped = true
        pending?.cancel()
        pending = null
        statusListeners.delete(onSocket)
        drop()
        setStatus('stopped')
      },
      cursor: () => cursor,
    }
  }

  return { follow }
}

/** ws(s)://<this host>/graphql: the backend serves the app and the API on one origin. */
export function socketUrl(path = '/graphql'): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${path}`
}
