/**
 * A small fetch client for POST /graphql.
 *
 * Resolves with `data`, or rejects with an ApiError whose message is Chinese and ready to
 * show: the API's own message with its `extensions.code`, or one for a network failure,
 * a timeout, or a non-GraphQL answer. A request aborted by the caller rejects with the
 * original AbortError, which callers ignore.
 */
import { zhCN } from '@/locales/zh-CN'
import type { TypedDocument } from './documents'
import { ApiError, messageForCode, messageForStatus } from './errors'

export interface ClientOptions {
  endpoint?: string
  fetch?: typeof fetch
  timeoutMs?: number
}

interface GraphQLErrorBody {
  message?: string
  extensions?: { code?: string; field?: string }
}

interface GraphQLResponseBody<TData> {
  data?: TData | null
  errors?: GraphQLErrorBody[]
}

export interface GraphQLClient {
  request<TData, TVariables>(
    document: TypedDocument<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData>
}

export function createClient(options: ClientOptions = {}): GraphQLClient {
  const endpoint = options.endpoint ?? '/graphql'
  const timeoutMs = options.timeoutMs ?? 15_000

  async function request<TData, TVariables>(
    document: TypedDocument<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData> {
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
      try {
        response = await fetchImpl(endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
          },
          body: JSON.stringify({
            query: document.query,
            operationName: document.operationName,
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
          ? new ApiError('http', 'BAD_RESPONSE', zhCN.errors.badResponse, {
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
      if (timedOut) return new ApiError('network', 'TIMEOUT', zhCN.errors.timeout)
      return new ApiError('network', 'NETWORK_ERROR', zhCN.errors.network)
    }
  }

  return { request }
}

function httpError(status: number): ApiError {
  return new ApiError('http', `HTTP_${status}`, messageForStatus(status), { status })
}

function resultOf<TData>(body: GraphQLResponseBody<TData> | null, response: Response): TData {
  const first = body?.errors?.[0]
  if (first) {
    const code = first.extensions?.code ?? 'UNKNOWN_ERROR'
    return raise(
      new ApiError('graphql', code, messageForCode(code, first.message), {
        field: first.extensions?.field ?? null,
        status: response.status,
      }),
    )
  }
  if (!response.ok) return raise(httpError(response.status))
  if (body?.data == null) {
    return raise(
      new ApiError('http', 'BAD_RESPONSE', zhCN.errors.badResponse, { status: response.status }),
    )
  }
  return body.data
}

function raise(error: ApiError): never {
  throw error
}
