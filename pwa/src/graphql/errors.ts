import { zhCN } from '@/locales/zh-CN'
import { fill, hasChinese } from '@/utils/text'

/**
 * - network: the request never got an answer (offline, DNS, timeout): offer a retry;
 * - http: the server answered without a GraphQL result (502 from a proxy, HTML page);
 * - graphql: the API answered with errors[]; `code` is `extensions.code`.
 */
export type ApiErrorKind = 'network' | 'http' | 'graphql'

const RETRYABLE_CODES = new Set(['INTERNAL_ERROR', 'RATE_LIMITED'])

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly code: string
  readonly field: string | null
  readonly status: number | null

  constructor(
    kind: ApiErrorKind,
    code: string,
    message: string,
    options: { field?: string | null; status?: number | null } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.code = code
    this.field = options.field ?? null
    this.status = options.status ?? null
  }

  /** Worth trying again as is: the network, the server, or a transient API error. */
  get retryable(): boolean {
    return this.kind !== 'graphql' || RETRYABLE_CODES.has(this.code)
  }
}

/**
 * The text to show for an API error. The API's own message is Chinese and specific
 * (e.g. 没有编号为 X 的事项。), so it wins; a message that is not Chinese (e.g. a
 * validation error from the GraphQL engine) is replaced by the one for its code.
 */
export function messageForCode(code: string | null | undefined, serverMessage?: string | null) {
  if (hasChinese(serverMessage)) return serverMessage as string
  return (code && zhCN.errors.byCode[code]) || zhCN.errors.unknown
}

export function messageForStatus(status: number): string {
  if (status === 502 || status === 503 || status === 504) return zhCN.errors.unavailable
  if (status === 429) return zhCN.errors.byCode.RATE_LIMITED ?? zhCN.errors.unavailable
  return fill(zhCN.errors.http, { status })
}

/** Anything thrown while loading, as an ApiError (unexpected ones become `unknown`). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError('graphql', 'CLIENT_ERROR', zhCN.errors.unknown)
}
