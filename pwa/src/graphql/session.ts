/**
 * The resident's session on this device: the tokens, refreshing them, and its end.
 *
 * - The access token (a JWT, minutes long) is kept in memory only, and is gone on reload.
 * - The refresh token is kept in localStorage, so the app stays signed in across visits;
 *   the trade-off is in README.md ("Signing in").
 * - Refresh is single-flight: the server accepts each refresh token once and revokes the
 *   whole session when one is presented twice (REFRESH_TOKEN_REUSED), so every request
 *   that needs a new token in this tab waits for the same refresh, and tabs take turns
 *   (Web Locks) and always read the newest refresh token from storage.
 * - A refusal no refresh can cure (REFRESH_TOKEN_*, SESSION_REVOKED ...) ends the session:
 *   the tokens are forgotten and listeners hear `ended`, so the app can ask to sign in again.
 */
import type { ClientAuth, GraphQLClient } from './client'
import { fromMutationError } from './errors'
import {
  type AuthTokensFieldsFragment as AuthTokens,
  RefreshTokenDocument,
} from './generated/graphql'

export const REFRESH_TOKEN_KEY = 'tongban.refreshToken'

/** Answers to refreshToken (and UNAUTHENTICATED reasons) after which only signing in helps. */
export const SESSION_ENDING_CODES: ReadonlySet<string> = new Set([
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_EXPIRED',
  'REFRESH_TOKEN_REUSED',
  'SESSION_REVOKED',
  'TOKEN_INVALID',
  'ACCOUNT_DISABLED',
])

/** Refresh this long before the access token expires (at most a fifth of its life). */
const REFRESH_MARGIN_MS = 60_000
/** When the token's lifetime cannot be read: assume the shortest the server allows. */
const FALLBACK_LIFETIME_MS = 60_000

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** Runs `task` holding the refresh lock shared by every tab of the app. */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>

export type SessionEvent = { type: 'changed' } | { type: 'ended'; reason: string }

export interface SessionOptions {
  /** A client without auth: it sends refreshToken. */
  client: GraphQLClient
  storage: KeyValueStorage
  lock?: Lock
  now?: () => number
  /** Where the refresh token is kept (default REFRESH_TOKEN_KEY: the resident's). */
  key?: string
}

export interface Session extends ClientAuth {
  /** A refresh token is stored: signed in, or about to be restored. */
  hasSession(): boolean
  refreshToken(): string | null
  signIn(tokens: AuthTokens): void
  /** A new access token (single-flight); null when the session ended or there is none. */
  refresh(): Promise<string | null>
  /** Forget the tokens on this device (after signing out). */
  clear(): void
  /** The stored refresh token changed in another tab. */
  sync(): void
  subscribe(listener: (event: SessionEvent) => void): () => void
}

interface AccessToken {
  token: string
  /** Local clock, ms: refresh from then on. */
  refreshAt: number
}

export function createSession(options: SessionOptions): Session {
  const { client, storage } = options
  const key = options.key ?? REFRESH_TOKEN_KEY
  const lock: Lock = options.lock ?? ((task) => task())
  const now = options.now ?? Date.now
  const listeners = new Set<(event: SessionEvent) => void>()
  let access: AccessToken | null = null
  let inFlight: Promise<string | null> | null = null
  // Bumped by signing in and out, so a refresh that started before is not applied after.
  let generation = 0

  function stored(): string | null {
    try {
      return storage.getItem(key)
    } catch {
      return null
    }
  }

  function store(refreshToken: string | null): void {
    try {
      if (refreshToken === null) storage.removeItem(key)
      else storage.setItem(key, refreshToken)
    } catch {
      // Storage full or blocked: the session lasts as long as the page.
    }
  }

  function emit(event: SessionEvent): void {
    for (const listener of [...listeners]) listener(event)
  }

  function keep(tokens: AuthTokens): void {
    const received = now()
    const lifetime =
      jwtLifetimeMs(tokens.accessToken) ??
      positive(Date.parse(tokens.accessTokenExpiresAt) - received) ??
      FALLBACK_LIFETIME_MS
    const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 5)
    access = { token: tokens.accessToken, refreshAt: received + lifetime - margin }
    store(tokens.refreshToken)
  }

  function forget(): void {
    generation += 1
    access = null
    store(null)
  }

  function end(reason: string): void {
    forget()
    emit({ type: 'ended', reason })
  }

  async function rotate(): Promise<string | null> {
    const started = generation
    // Read inside the lock: another tab may have rotated the token a moment ago.
    const refreshToken = stored()
    if (refreshToken === null) {
      access = null
      return null
    }
    const payload = (await client.request(RefreshTokenDocument, { refreshToken })).refreshToken
    if (generation !== started) return access?.token ?? null // signed out or in meanwhile
    const problem = payload.errors[0]
    if (problem && !SESSION_ENDING_CODES.has(problem.code)) throw fromMutationError(problem)
    if (problem || !payload.tokens) {
      end(problem?.code ?? 'REFRESH_TOKEN_INVALID')
      return null
    }
    keep(payload.tokens)
    return payload.tokens.accessToken
  }

  function refresh(): Promise<string | null> {
    inFlight ??= lock(rotate).finally(() => {
      inFlight = null
    })
    return inFlight
  }

  return {
    hasSession: () => stored() !== null,
    refreshToken: stored,
    signIn(tokens) {
      generation += 1
      keep(tokens)
      emit({ type: 'changed' })
    },
    refresh,
    clear() {
      forget()
      emit({ type: 'changed' })
    },
    sync() {
      if (stored() === null && access !== null) {
        access = null
        generation += 1
      }
      emit({ type: 'changed' })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    // ClientAuth: what the GraphQL client asks for.
    async accessToken() {
      if (stored() === null) {
        access = null
        return null
      }
      if (inFlight) return inFlight
      if (access && now() < access.refreshAt) return access.token
      return refresh()
    },
    currentAccessToken: () => access?.token ?? null,
    async renew(expired) {
      if (inFlight) return inFlight
      if (access && access.token !== expired) return access.token // already refreshed
      return refresh()
    },
    reject(token, reason) {
      if (access?.token === token) end(reason)
    },
  }
}

/** exp - iat of a JWT, in ms (both are the server's clock, so the device's may be wrong). */
export function jwtLifetimeMs(token: string): number | null {
  const part = token.split('.')[1]
  if (!part) return null
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/')
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as {
      exp?: unknown
      iat?: unknown
    }
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return null
    return positive((claims.exp - claims.iat) * 1000)
  } catch {
    return null
  }
}

function positive(value: number): number | null {
  return Number.isFinite(value) && value > 0 ? value : null
}

/** localStorage, or a map for this page when the browser blocks it (private modes ...). */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = window.localStorage
    storage.getItem(REFRESH_TOKEN_KEY)
    return storage
  } catch {
    return memoryStorage()
  }
}

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage {
  const values = new Map(Object.entries(initial))
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  }
}

/** The Web Locks API where there is one: tabs refresh one after another. */
export function browserLock(name: string): Lock | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  if (!locks) return undefined
  return <T>(task: () => Promise<T>) => locks.request(name, task) as Promise<T>
}
