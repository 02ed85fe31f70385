/**
 * TypeScript types for the parts of ../schema/schema.graphql the app reads.
 *
 * Hand-written; `npm run check` (vue-tsc) checks the app against them, and
 * tests/documents.test.ts checks every document against the schema and the enum lists
 * below against the schema's enums, so a drift in the contract fails the tests.
 */

export const CENTRE_KINDS = ['CENTRE', 'BRANCH'] as const
export const HANDLING_MODES = ['DIRECT', 'COLLECT_FORWARD'] as const
export const ONLINE_LEVELS = ['FULLY_ONLINE', 'PREREVIEW', 'COUNTER'] as const
export const DAY_TYPES = ['WORKDAY', 'REST_DAY'] as const
export const HOURS_SOURCES = ['CITY_RULE', 'CENTRE_DAY_TYPE', 'CENTRE_DATE'] as const
export const E_CERTIFICATE_KINDS = [
  'ID_CARD',
  'RESIDENCE_PERMIT',
  'BIRTH_CERTIFICATE',
  'HUKOU_BOOKLET',
  'MARRIAGE_CERTIFICATE',
] as const

export type CentreKind = (typeof CENTRE_KINDS)[number]
export type HandlingMode = (typeof HANDLING_MODES)[number]
export type OnlineLevel = (typeof ONLINE_LEVELS)[number]
export type DayType = (typeof DAY_TYPES)[number]
export type HoursSource = (typeof HOURS_SOURCES)[number]
export type ECertificateKind = (typeof E_CERTIFICATE_KINDS)[number]

/** ISO date, e.g. 2026-10-01. */
export type IsoDate = string
/** ISO time, e.g. 08:30:00. */
export type IsoTime = string

export interface PageInfo {
  hasNextPage: boolean
  endCursor: string | null
}

export interface Connection<TNode> {
  totalCount: number
  pageInfo: PageInfo
  edges: { node: TNode }[]
}

export interface PageVariables {
  first: number
  after: string | null
}

export interface CentreFilter {
  search?: string | null
  district?: string | null
  kind?: CentreKind | null
}

export interface MatterFilter {
  search?: string | null
  departmentCode?: string | null
  cityWide?: boolean | null
  onlineLevel?: OnlineLevel | null
  handlingMode?: HandlingMode | null
}

export interface Department {
  code: string
  name: string
  fullName: string
}

export interface MatterListItem {
  code: string
  name: string
  handlingMode: HandlingMode
  onlineLevel: OnlineLevel
  cityWide: boolean
  promisedWorkingDays: number
  department: { code: string; name: string }
}

export interface Material {
  name: string
  eCertificate: ECertificateKind | null
}

export interface MatterDetail extends MatterListItem {
  summary: string
  materials: Material[]
  department: Department
}

export interface CentreListItem {
  code: string
  name: string
  shortName: string
  district: string
  kind: CentreKind
  address: string
  addressApproximate: boolean
  isOpenAt: boolean
}

export interface OpeningHours {
  date: IsoDate
  dayType: DayType
  isOpenDay: boolean
  opensAt: IsoTime | null
  closesAt: IsoTime | null
  holidayName: string | null
  isMakeupWorkday: boolean
  calendarKnown: boolean
  source: HoursSource
  note: string
}

export interface CentreDetail extends CentreListItem {
  districtCode: string
  phone: string | null
  location: { latitude: number; longitude: number; approximate: boolean }
  parent: { code: string; name: string } | null
  branches: { code: string; name: string; address: string; addressApproximate: boolean }[]
  openingHours: OpeningHours
}

export interface NearbyCentre {
  distanceMeters: number
  walkingMinutes: number
  centre: CentreListItem
}

// --- identity: residents' sign-in and real-name verification ------------------------------

export const ROLES = ['RESIDENT', 'CLERK', 'CENTRE_HEAD', 'ADMIN'] as const

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
  'GRAPHQL_VALIDATION_FAILED',
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
  'INTERNAL_ERROR',
] as const

export type Role = (typeof ROLES)[number]
export type ErrorCode = (typeof ERROR_CODES)[number]

/** ISO date and time with offset, e.g. 2026-10-01T08:30:00+00:00. */
export type IsoDateTime = string

/** Why a mutation did not do what was asked (the payload's `errors`). */
export interface MutationError {
  /** The input it concerns (phone, code, name, idNumber ...), if any. */
  field: string | null
  /** Chinese, for people. */
  message: string
  code: ErrorCode
}

export interface AuthTokens {
  accessToken: string
  accessTokenExpiresAt: IsoDateTime
  refreshToken: string
  refreshTokenExpiresAt: IsoDateTime
}

/** The signed-in resident, masked: 138****1234, 张*, 310101********123X. */
export interface ResidentAccount {
  id: string
  phone: string
  realName: string | null
  idNumber: string | null
  verified: boolean
  verifiedAt: IsoDateTime | null
}

export interface Me {
  role: Role
  verified: boolean
  resident: ResidentAccount | null
}

/** In the clear: the owner only, and every reveal is audited. */
export interface PersonalData {
  phone: string
  realName: string | null
  idNumber: string | null
}

export interface RequestLoginCodePayload {
  sent: boolean
  expiresInSeconds: number | null
  resendAfterSeconds: number | null
  errors: MutationError[]
}

export interface LoginPayload {
  tokens: AuthTokens | null
  resident: ResidentAccount | null
  errors: MutationError[]
}

export interface VerifyRealNamePayload {
  resident: ResidentAccount | null
  errors: MutationError[]
}

export interface RefreshTokenPayload {
  tokens: AuthTokens | null
  errors: MutationError[]
}

export interface LogoutPayload {
  ok: boolean
  errors: MutationError[]
}
