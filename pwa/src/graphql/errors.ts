import { t } from '@/locales'
import { fill, hasChinese } from '@/utils/text'
import type { MutationErrorFieldsFragment as MutationError } from './generated/graphql'

/**
 * - network: the request never got an answer (offline, DNS, timeout): offer a retry;
 * - http: the server answered without a GraphQL result (502 from a proxy, HTML page);
 * - graphql: the API answered with errors[]; `code` is `extensions.code`.
 */
export type ApiErrorKind = 'network' | 'http' | 'graphql'

const RETRYABLE_CODES = new Set(['INTERNAL_ERROR', 'RATE_LIMITED', 'REGISTRY_UNAVAILABLE'])

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly code: string
  readonly field: string | null
  readonly status: number | null
  /** For UNAUTHENTICATED and FORBIDDEN: `extensions.reason` (TOKEN_EXPIRED, REAL_NAME_REQUIRED ...). */
  readonly reason: string | null

  constructor(
    kind: ApiErrorKind,
    code: string,
    message: string,
    options: { field?: string | null; status?: number | null; reason?: string | null } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.code = code
    this.field = options.field ?? null
    this.status = options.status ?? null
    this.reason = options.reason ?? null
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
  return (code && t.errors.byCode[code]) || t.errors.unknown
}

export function messageForStatus(status: number): string {
  if (status === 502 || status === 503 || status === 504) return t.errors.unavailable
  if (status === 429) return t.errors.byCode.RATE_LIMITED ?? t.errors.unavailable
  return fill(t.errors.http, { status })
}

/** Anything thrown while loading, as an ApiError (unexpected ones become `unknown`). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError('graphql', 'CLIENT_ERROR', t.errors.unknown)
}

/** A mutation payload's error (`errors { field message code }`) as an ApiError. */
export function fromMutationError(error: MutationError): ApiError {
  return new ApiError('graphql', error.code, messageForCode(error.code, error.message), {
    field: error.field,
  })
}

/** The input a code concerns, for the few errors the API may send without `field`. */
const FIELD_BY_CODE: Record<string, string> = {
  INVALID_PHONE: 'phone',
  OTP_INVALID: 'code',
  OTP_EXPIRED: 'code',
  OTP_ATTEMPTS_EXCEEDED: 'code',
  INVALID_NAME: 'name',
  ID_NUMBER_INVALID_LENGTH: 'idNumber',
  ID_NUMBER_INVALID_CHARACTERS: 'idNumber',
  ID_NUMBER_INVALID_ADDRESS_CODE: 'idNumber',
  ID_NUMBER_INVALID_BIRTH_DATE: 'idNumber',
  ID_NUMBER_INVALID_SEQUENCE: 'idNumber',
  ID_NUMBER_INVALID_CHECKSUM: 'idNumber',
  ID_NUMBER_ALREADY_BOUND: 'idNumber',
}

/**
 * A form's errors: the message for each of `fields` (shown under that input), and `form`
 * for the rest (shown above the submit button). Messages as `messageForCode`.
 */
export function formErrors<TField extends string>(
  errors: readonly MutationError[],
  fields: readonly TField[],
): Partial<Record<TField | 'form', string>> {
  const result: Partial<Record<TField | 'form', string>> = {}
  for (const error of errors) {
    const field = (error.field ?? FIELD_BY_CODE[error.code] ?? null) as TField | null
    const key: TField | 'form' = field !== null && fields.includes(field) ? field : 'form'
    result[key] ??= messageForCode(error.code, error.message)
  }
  return result
}
