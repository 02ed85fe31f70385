/**
 * The schema's enums as lists, for what the app shows or offers at run time (filter menus,
 * a Chinese message per error code). Their types come from the schema (generated/graphql.ts),
 * so `satisfies` refuses a value the schema does not have; tests/documents.test.ts checks
 * that each list names every value, in the schema's order.
 */
import type {
  CaseAction,
  CaseChannel,
  CaseState,
  CentreKind,
  DayType,
  ECertificateKind,
  ErrorCode,
  HandlingMode,
  HoursSource,
  OnlineLevel,
  Role,
} from './generated/graphql'

export const CENTRE_KINDS = ['CENTRE', 'BRANCH'] as const satisfies readonly CentreKind[]
export const HANDLING_MODES = [
  'DIRECT',
  'COLLECT_FORWARD',
] as const satisfies readonly HandlingMode[]
export const ONLINE_LEVELS = [
  'FULLY_ONLINE',
  'PREREVIEW',
  'COUNTER',
] as const satisfies readonly OnlineLevel[]
export const DAY_TYPES = ['WORKDAY', 'REST_DAY'] as const satisfies readonly DayType[]
export const HOURS_SOURCES = [
  'CITY_RULE',
  'CENTRE_DAY_TYPE',
  'CENTRE_DATE',
] as const satisfies readonly HoursSource[]
export const E_CERTIFICATE_KINDS = [
  'ID_CARD',
  'RESIDENCE_PERMIT',
  'BIRTH_CERTIFICATE',
  'HUKOU_BOOKLET',
  'MARRIAGE_CERTIFICATE',
] as const satisfies readonly ECertificateKind[]
export const ROLES = [
  'RESIDENT',
  'CLERK',
  'CENTRE_HEAD',
  'ADMIN',
] as const satisfies readonly Role[]

/** The schema's ErrorCode enum, in its order; every code has a Chinese message. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_ID',
  'INVALID_CURSOR',
  'PAGE_SIZE_TOO_LARGE',
  'INVALID_PAGINATION',
  'INVALID_COORDINATES',
  'INVALID_DATE',
  'NOT_FOUND',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'QUERY_TOO_COSTLY',
  'RESPONSE_TOO_LARGE',
  'OPERATION_TIMEOUT',
  'GRAPHQL_VALIDATION_FAILED',
  'INTROSPECTION_DISABLED',
  'METHOD_NOT_ALLOWED',
  'TOO_MANY_OPERATIONS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'REAL_NAME_REQUIRED',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'SESSION_REVOKED',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_EXPIRED',
  'REFRESH_TOKEN_REUSED',
  'INVALID_PHONE',
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_ATTEMPTS_EXCEEDED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'INVALID_NAME',
  'ID_NUMBER_INVALID_LENGTH',
  'ID_NUMBER_INVALID_CHARACTERS',
  'ID_NUMBER_INVALID_ADDRESS_CODE',
  'ID_NUMBER_INVALID_BIRTH_DATE',
  'ID_NUMBER_INVALID_SEQUENCE',
  'ID_NUMBER_INVALID_CHECKSUM',
  'REAL_NAME_MISMATCH',
  'REAL_NAME_ALREADY_VERIFIED',
  'ID_NUMBER_ALREADY_BOUND',
  'REGISTRY_UNAVAILABLE',
  'CONSENT_REQUIRED',
  'CONSENT_VERSION_OUTDATED',
  'ILLEGAL_TRANSITION',
  'MATTER_NOT_ONLINE',
  'MATTER_NOT_OFFERED',
  'RESIDENT_NOT_FOUND',
  'ALREADY_RATED',
  'NOT_RATABLE_YET',
  'WINDOW_NOT_STAFFED',
  'ALREADY_APPEALED',
  'NOT_APPEALABLE',
  'ALREADY_MARKED',
  'MATTER_ONLINE_ONLY',
  'CENTRE_CLOSED',
  'SLOT_NOT_FOUND',
  'SLOT_IN_PAST',
  'SLOT_OUT_OF_RANGE',
  'SLOT_FULL',
  'BOOKING_SUSPENDED',
  'BOOKING_LIMIT_REACHED',
  'DUPLICATE_BOOKING',
  'IDEMPOTENCY_KEY_REUSED',
  'BOOKING_NOT_CHANGEABLE',
  'CHECK_IN_CODE_INVALID',
  'ALREADY_CHECKED_IN',
  'RESYNC_REQUIRED',
  'INTERNAL_ERROR',
] as const satisfies readonly ErrorCode[]

export const CASE_STATES = [
  'SUBMITTED',
  'PREREVIEW_PASSED',
  'NEEDS_SUPPLEMENT',
  'ACCEPTED',
  'FORWARDED',
  'PROCESSING',
  'COMPLETED',
  'REJECTED',
  'WITHDRAWN',
] as const satisfies readonly CaseState[]
export const CASE_ACTIONS = [
  'PASS_PREREVIEW',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT',
  'ACCEPT',
  'FORWARD',
  'START_PROCESSING',
  'COMPLETE',
  'REJECT',
  'WITHDRAW',
] as const satisfies readonly CaseAction[]
export const CASE_CHANNELS = [
  'ONLINE',
  'COUNTER',
  'REMOTE_WINDOW',
  'HOME_VISIT',
] as const satisfies readonly CaseChannel[]
