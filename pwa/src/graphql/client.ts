/**
 * A small fetch client for POST /graphql.
 *
 * Resolves with `data`, or rejects with an ApiError whose message is Chinese and ready to
 * show: the API's own message with its `extensions.code`, or one for a network failure,
 * a timeout, or a non-GraphQL answer. A request aborted by the caller rejects with the
 * original AbortError, which callers ignore.
 *
 * With `auth` (the resident's session, src/graphql/session.ts) it sends
 * `Authorization: Bearer <access token>` as the document's token policy says, and on
 * UNAUTHENTICATED/TOKEN_EXPIRED renews the token (one refresh shared by every request
 * that needs it) and sends the request once more. A token the server refuses for good
 * (SESSION_REVOKED, TOKEN_INVALID ...) ends the session; the request is then sent once
 * without a token, so public data still loads.
 *
 * A public query (codegen.ts marks it `get`: only @public fields, only number, boolean, ID
 * or enum variables) goes as a GET without a token, as an Automatic Persisted Query:
 * `?operationName=…&variables=…&extensions={"persistedQuery":{"version":1,"sha256Hash":…}}`.
 * Browsers, the service worker and proxies may cache its answer (the server sends an ETag
 * and Cache-Control). When the server does not know the hash (PERSISTED_QUERY_NOT_FOUND) the
 * GET is repeated once with the document in `query`, which registers it.
 *
 * A query of the page's first screen may already be on its way: index.html's inline script
 * starts those as soon as the page opens (scripts/first-screen.ts). `takeEarly` hands its
 * answer to the first request for the same operation and variables, once, within
 * EARLY_TTL_MS; only for a document whose answer is the same for every caller (codegen's
 * `anonymous`), since it was sent without a token. A failed early request is forgotten and
 * the query sent as usual.
 */
import { t } from '@/locales'
import { operationName, sentAsGet, tokenPolicy } from './documents'
import { ApiError, messageForCode, messageForStatus } from './errors'
import type { TypedDocumentString } from './generated/graphql'

/** What the client needs from the resident's session. */
export interface ClientAuth {
  /** The access token to send, refreshed first when it is about to expire; null: none. */
  accessToken(): Promise<string | null>
  /** The access token as it is, never refreshing. */
  currentAccessToken(): string | null
  /**
   * After TOKEN_EXPIRED for `expired`: a fresh access token (one refresh for all callers;
   * none when another caller already replaced `expired`), or null when the session ended.
   */
  renew(expired: string): Promise<string | null>
  /** The server refused `token` for good (`reason`): the session is over. */
  reject(token: string, reason: string): void
}

export interface ClientOptions {
  endpoint?: string
  fetch?: typeof fetch
  timeoutMs?: number
  auth?: ClientAuth
}

interface GraphQLErrorBody {
  message?: string
  extensions?: { code?: string; field?: string; reason?: string }
}

interface GraphQLResponseBody<TData> {
  data?: TData | null
  errors?: GraphQLErrorBody[]
}

export interface GraphQLClient {
  request<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData>
}

/** UNAUTHENTICATED reasons that no refresh can cure: sign in again. */
const SESSION_OVER = new Set(['SESSION_REVOKED', 'TOKEN_INVALID', 'ACCOUNT_DISABLED'])

export function createClient(options: ClientOptions = {}): GraphQLClient {
  const endpoint = options.endpoint ?? '/graphql'
  const timeoutMs = options.timeoutMs ?? 15_000

  async function request<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData> {
    const early = document.__meta__?.['anonymous'] === true ? takeEarly(operationName(document), variables) : null
    if (early) {
      const answer = await readEarly<TData>(early)
      if (answer) return resultOf(answer.body, answer)
    }
    if (sentAsGet(document)) {
      const hash = await sha256Hex(document.toString())
      if (hash !== null) {
        try {
          return await send(document, variables, null, signal, { hash, withQuery: false })
        } catch (error) {
          if (!(error instanceof ApiError) || error.code !== 'PERSISTED_QUERY_NOT_FOUND') throw error
          return send(document, variables, null, signal, { hash, withQuery: true })
        }
      }
    }
    const auth = options.auth
    const policy = auth ? tokenPolicy(document) : 'none'
    if (!auth || policy === 'none') return send(document, variables, null, signal)
    const token = policy === 'session' ? await auth.accessToken() : auth.currentAccessToken()
    if (token === null) return send(document, variables, null, signal)
    try {
      return await send(document, variables, token, signal)
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED') throw error
      if (error.reason === 'TOKEN_EXPIRED' && policy === 'session') {
        // Once: a second TOKEN_EXPIRED (a badly wrong clock ...) is reported, not retried.
        return send(document, variables, await auth.renew(token), signal)
      }
      if (error.reason && SESSION_OVER.has(error.reason)) {
        auth.reject(token, error.reason)
        return send(document, variables, null, signal)
      }
      throw error
    }
  }

  async function send<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
    token: string | null,
    signal?: AbortSignal,
    persisted?: Persisted,
  ): Promise<TData> {
    signal?.throwIfAborted()
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis)
    const controller = new AbortController()
    const cancel = () => controller.abort()
    signal?.addEventListener('abort', cancel)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)

    try {
      let response: Response
      const accept = 'application/graphql-response+json, application/json'
      try {
        response = persisted
          ? await fetchImpl(getUrl(endpoint, document, variables, persisted), {
              method: 'GET',
              headers: { accept },
              signal: controller.signal,
            })
          : await fetchImpl(endpoint, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                accept,
                ...(token ? { authorization: `Bearer ${token}` } : {}),
              },
              body: JSON.stringify({
                // The generated document's text: the operation and the fragments it uses.
                query: document.toString(),
                operationName: operationName(document),
                variables,
              }),
              signal: controller.signal,
            })
      } catch (error) {
        throw failure(error)
      }

      let body: GraphQLResponseBody<TData>
      try {
        body = (await response.json()) as GraphQLResponseBody<TData>
      } catch (error) {
        if (controller.signal.aborted) throw failure(error)
        throw response.ok
          ? new ApiError('http', 'BAD_RESPONSE', t.errors.badResponse, {
              status: response.status,
            })
          : httpError(response.status)
      }
      return resultOf(body, response)
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', cancel)
    }

    function failure(error: unknown): unknown {
      if (signal?.aborted) return error
      if (timedOut) return new ApiError('network', 'TIMEOUT', t.errors.timeout)
      return new ApiError('network', 'NETWORK_ERROR', t.errors.network)
    }
  }

  return { request }
}

interface Persisted {
  hash: string
  withQuery: boolean
}

/** The standard GraphQL-over-GET URL of an Automatic Persisted Query. */
export function getUrl<TData, TVariables>(
  endpoint: string,
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  persisted: Persisted,
): string {
  const params = new URLSearchParams()
  if (persisted.withQuery) params.set('query', document.toString())
  params.set('operationName', operationName(document))
  if (variables && Object.keys(variables).length > 0) {
    params.set('variables', JSON.stringify(variables))
  }
  params.set(
    'extensions',
    JSON.stringify({ persistedQuery: { version: 1, sha256Hash: persisted.hash } }),
  )
  return `${endpoint}?${params.toString()}`
}

const hashes = new Map<string, string>()

/** The document's sha256 (hex); null where the browser has no Web Crypto (plain HTTP on a
 * host other than localhost): the query is then POSTed as usual. */
export async function sha256Hex(text: string): Promise<string | null> {
  const known = hashes.get(text)
  if (known) return known
  const subtle = globalThis.crypto?.subtle
  if (!subtle) return null
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text))
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
  hashes.set(text, hex)
  return hex
}

/** How long an early answer waits for its page: a page opened later asks afresh. */
export const EARLY_TTL_MS = 10_000

/** What index.html's inline script keeps of an early request: when it was sent, and its
 * status with the parsed body (rejected when the network or the JSON failed). */
export interface EarlyRequest {
  at: number
  answer: Promise<{ ok: boolean; status: number; body: unknown }>
}

declare global {
  interface Window {
    __tbEarly?: Record<string, EarlyRequest>
  }
}

/** The key of a query in `window.__tbEarly`: the operation and its variables, sorted, without
 * null ones (absent and null mean the same to GraphQL). index.html's inline script computes
 * it too (scripts/app-shell.ts `preloadScript`). */
export function earlyKey(operation: string, variables: unknown): string {
  const values = (variables ?? {}) as Record<string, unknown>
  const entries = Object.keys(values)
    .filter((name) => values[name] != null)
    .sort()
    .map((name) => [name, values[name]])
  return `${operation} ${JSON.stringify(entries)}`
}

/** The early request for this query, if the inline script started one lately; once. */
export function takeEarly(operation: string, variables: unknown): EarlyRequest | null {
  const table = typeof window === 'undefined' ? undefined : window.__tbEarly
  if (!table) return null
  const key = earlyKey(operation, variables)
  const found = table[key]
  if (!found) return null
  delete table[key]
  return Date.now() - found.at <= EARLY_TTL_MS ? found : null
}

/** The early request's answer, or null when it failed or the server did not know the hash
 * (then the query is sent as usual). */
async function readEarly<TData>(
  early: EarlyRequest,
): Promise<{ body: GraphQLResponseBody<TData>; ok: boolean; status: number } | null> {
  try {
    const { ok, status, body } = await early.answer
    const answer = body as GraphQLResponseBody<TData> | null
    const code = answer?.errors?.[0]?.extensions?.code
    if (code === 'PERSISTED_QUERY_NOT_FOUND' || (!ok && !answer?.errors)) return null
    return { body: answer ?? {}, ok, status }
  } catch {
    return null
  }
}

function httpError(status: number): ApiError {
  return new ApiError('http', `HTTP_${status}`, messageForStatus(status), { status })
}

function resultOf<TData>(
  body: GraphQLResponseBody<TData> | null,
  response: { ok: boolean; status: number },
): TData {
  const first = body?.errors?.[0]
  if (first) {
    const code = first.extensions?.code ?? 'UNKNOWN_ERROR'
    return raise(
      new ApiError('graphql', code, messageForCode(code, first.message), {
        field: first.extensions?.field ?? null,
        status: response.status,
        reason: first.extensions?.reason ?? null,
      }),
    )
  }
  if (!response.ok) return raise(httpError(response.status))
  if (body?.data == null) {
    return raise(
      new ApiError('http', 'BAD_RESPONSE', t.errors.badResponse, { status: response.status }),
    )
  }
  return body.data
}

function raise(error: ApiError): never {
  throw error
}
