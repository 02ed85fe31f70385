/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Narrow the list of centres; all given criteria must hold. */
export type CentreFilter = {
  /** District name (黄浦区) or code (310101). */
  district?: string | null | undefined;
  kind?: CentreKind | null | undefined;
  /** Free text over names and address, e.g. 五里桥. */
  search?: string | null | undefined;
};

/** CENTRE 社区事务受理服务中心; BRANCH 分中心. */
export type CentreKind =
  | 'BRANCH'
  | 'CENTRE';

/** WORKDAY: Monday-Friday and make-up working days (调休); REST_DAY: weekends and statutory holidays. */
export type DayType =
  | 'REST_DAY'
  | 'WORKDAY';

/** E-certificates a resident can show instead of paper (电子亮证). */
export type ECertificateKind =
  | 'BIRTH_CERTIFICATE'
  | 'HUKOU_BOOKLET'
  | 'ID_CARD'
  | 'MARRIAGE_CERTIFICATE'
  | 'RESIDENCE_PERMIT';

/** Stable machine-readable error codes; the message says the same for people. */
export type ErrorCode =
  | 'ACCOUNT_DISABLED'
  | 'ALREADY_CHECKED_IN'
  | 'BOOKING_LIMIT_REACHED'
  | 'BOOKING_NOT_CHANGEABLE'
  | 'BOOKING_SUSPENDED'
  | 'CENTRE_CLOSED'
  | 'CHECK_IN_CODE_INVALID'
  | 'DUPLICATE_BOOKING'
  | 'FORBIDDEN'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'ID_NUMBER_ALREADY_BOUND'
  | 'ID_NUMBER_INVALID_ADDRESS_CODE'
  | 'ID_NUMBER_INVALID_BIRTH_DATE'
  | 'ID_NUMBER_INVALID_CHARACTERS'
  | 'ID_NUMBER_INVALID_CHECKSUM'
  | 'ID_NUMBER_INVALID_LENGTH'
  | 'ID_NUMBER_INVALID_SEQUENCE'
  | 'ILLEGAL_TRANSITION'
  | 'INTERNAL_ERROR'
  | 'INTROSPECTION_DISABLED'
  | 'INVALID_COORDINATES'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_CURSOR'
  | 'INVALID_DATE'
  | 'INVALID_ID'
  | 'INVALID_INPUT'
  | 'INVALID_NAME'
  | 'INVALID_PAGINATION'
  | 'INVALID_PHONE'
  | 'MATTER_NOT_OFFERED'
  | 'MATTER_NOT_ONLINE'
  | 'MATTER_ONLINE_ONLY'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'OPERATION_TIMEOUT'
  | 'OTP_ATTEMPTS_EXCEEDED'
  | 'OTP_EXPIRED'
  | 'OTP_INVALID'
  | 'PAGE_SIZE_TOO_LARGE'
  | 'QUERY_TOO_COSTLY'
  | 'QUERY_TOO_DEEP'
  | 'RATE_LIMITED'
  | 'REAL_NAME_ALREADY_VERIFIED'
  | 'REAL_NAME_MISMATCH'
  | 'REAL_NAME_REQUIRED'
  | 'REFRESH_TOKEN_EXPIRED'
  | 'REFRESH_TOKEN_INVALID'
  | 'REFRESH_TOKEN_REUSED'
  | 'REGISTRY_UNAVAILABLE'
  | 'RESIDENT_NOT_FOUND'
  | 'RESPONSE_TOO_LARGE'
  | 'RESYNC_REQUIRED'
  | 'SESSION_REVOKED'
  | 'SLOT_FULL'
  | 'SLOT_IN_PAST'
  | 'SLOT_NOT_FOUND'
  | 'SLOT_OUT_OF_RANGE'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_INVALID'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_TOKENS'
  | 'UNAUTHENTICATED';

/** DIRECT 直接受理: accepted on the spot; COLLECT_FORWARD 收受分离: collected here and accepted by the resident's household-registration centre. */
export type HandlingMode =
  | 'COLLECT_FORWARD'
  | 'DIRECT';

/** Where a day's hours come from: the city rule or the centre. */
export type HoursSource =
  | 'CENTRE_DATE'
  | 'CENTRE_DAY_TYPE'
  | 'CITY_RULE';

/** Narrow the list of matters; all given criteria must hold. */
export type MatterFilter = {
  cityWide?: boolean | null | undefined;
  departmentCode?: string | null | undefined;
  handlingMode?: HandlingMode | null | undefined;
  onlineLevel?: OnlineLevel | null | undefined;
  /** Free text over the name and summary, e.g. 居住证. */
  search?: string | null | undefined;
};

/** FULLY_ONLINE 全程网办; PREREVIEW 网上预审 (at most one visit); COUNTER 窗口办理. */
export type OnlineLevel =
  | 'COUNTER'
  | 'FULLY_ONLINE'
  | 'PREREVIEW';

/** RESIDENT 居民 (verified or not); CLERK 受理员 at one centre; CENTRE_HEAD 中心负责人; ADMIN 管理员, city-wide. */
export type Role =
  | 'ADMIN'
  | 'CENTRE_HEAD'
  | 'CLERK'
  | 'RESIDENT';

export type MatterListItemFragment = { code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string } };

export type CentreListItemFragment = { code: string, name: string, shortName: string, district: string, kind: CentreKind, address: string, addressApproximate: boolean, isOpenAt: boolean };

export type OpeningHoursFieldsFragment = { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string };

export type DepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type DepartmentsQuery = { departments: Array<{ code: string, name: string, fullName: string }> };

export type MattersQueryVariables = Exact<{
  filter?: MatterFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MattersQuery = { matters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string } } }> } };

export type MatterQueryVariables = Exact<{
  code: string;
}>;


export type MatterQuery = { matter: { summary: string, code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string, fullName: string }, materials: Array<{ name: string, eCertificate: ECertificateKind | null }> } };

export type CentresQueryVariables = Exact<{
  filter?: CentreFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CentresQuery = { centres: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, shortName: string, district: string, kind: CentreKind, address: string, addressApproximate: boolean, isOpenAt: boolean } }> } };

export type CentreQueryVariables = Exact<{
  code: string;
}>;


export type CentreQuery = { centre: { districtCode: string, phone: string | null, code: string, name: string, shortName: string, district: string, kind: CentreKind, address: string, addressApproximate: boolean, isOpenAt: boolean, location: { latitude: number, longitude: number, approximate: boolean }, parent: { code: string, name: string } | null, branches: Array<{ code: string, name: string, address: string, addressApproximate: boolean }>, openingHours: { date: string, dayType: DayType, isOpenDay: boolean, opensAt: string | null, closesAt: string | null, holidayName: string | null, isMakeupWorkday: boolean, calendarKnown: boolean, source: HoursSource, note: string } } };

export type CentreMattersQueryVariables = Exact<{
  code: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CentreMattersQuery = { centre: { matters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string } } }> } } };

export type NearbyCentresQueryVariables = Exact<{
  lat: number;
  lng: number;
  withinMinutes: number;
}>;


export type NearbyCentresQuery = { nearbyCentres: Array<{ distanceMeters: number, walkingMinutes: number, centre: { code: string, name: string, shortName: string, district: string, kind: CentreKind, address: string, addressApproximate: boolean, isOpenAt: boolean } }> };

export type SearchQueryVariables = Exact<{
  search: string;
  first?: number | null | undefined;
}>;


export type SearchQuery = { matters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, handlingMode: HandlingMode, onlineLevel: OnlineLevel, cityWide: boolean, promisedWorkingDays: number, department: { code: string, name: string } } }> }, centres: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, shortName: string, district: string, kind: CentreKind, address: string, addressApproximate: boolean, isOpenAt: boolean } }> } };

export type ResidentAccountFragment = { id: string, phone: string, realName: string | null, idNumber: string | null, verified: boolean, verifiedAt: string | null };

export type AuthTokensFieldsFragment = { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string };

export type MutationErrorFieldsFragment = { field: string | null, message: string, code: ErrorCode };

export type RequestLoginCodeMutationVariables = Exact<{
  phone: string;
}>;


export type RequestLoginCodeMutation = { requestLoginCode: { sent: boolean, expiresInSeconds: number | null, resendAfterSeconds: number | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type LoginMutationVariables = Exact<{
  phone: string;
  code: string;
}>;


export type LoginMutation = { login: { tokens: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string } | null, resident: { id: string, phone: string, realName: string | null, idNumber: string | null, verified: boolean, verifiedAt: string | null } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type RefreshTokenMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshTokenMutation = { refreshToken: { tokens: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type LogoutMutationVariables = Exact<{
  refreshToken?: string | null | undefined;
}>;


export type LogoutMutation = { logout: { ok: boolean, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type VerifyRealNameMutationVariables = Exact<{
  name: string;
  idNumber: string;
}>;


export type VerifyRealNameMutation = { verifyRealName: { resident: { id: string, phone: string, realName: string | null, idNumber: string | null, verified: boolean, verifiedAt: string | null } | null, errors: Array<{ field: string | null, message: string, code: ErrorCode }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { role: Role, verified: boolean, resident: { id: string, phone: string, realName: string | null, idNumber: string | null, verified: boolean, verifiedAt: string | null } | null } | null };

export type PersonalDataQueryVariables = Exact<{ [key: string]: never; }>;


export type PersonalDataQuery = { me: { resident: { personalData: { phone: string, realName: string | null, idNumber: string | null } } | null } | null };

export type PersonalDataFieldsFragment = { phone: string, realName: string | null, idNumber: string | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const MatterListItemFragmentDoc = new TypedDocumentString(`
    fragment MatterListItem on Matter {
  code
  name
  handlingMode
  onlineLevel
  cityWide
  promisedWorkingDays
  department {
    code
    name
  }
}
    `, {"fragmentName":"MatterListItem"}) as unknown as TypedDocumentString<MatterListItemFragment, unknown>;
export const CentreListItemFragmentDoc = new TypedDocumentString(`
    fragment CentreListItem on Centre {
  code
  name
  shortName
  district
  kind
  address
  addressApproximate
  isOpenAt
}
    `, {"fragmentName":"CentreListItem"}) as unknown as TypedDocumentString<CentreListItemFragment, unknown>;
export const OpeningHoursFieldsFragmentDoc = new TypedDocumentString(`
    fragment OpeningHoursFields on OpeningHours {
  date
  dayType
  isOpenDay
  opensAt
  closesAt
  holidayName
  isMakeupWorkday
  calendarKnown
  source
  note
}
    `, {"fragmentName":"OpeningHoursFields"}) as unknown as TypedDocumentString<OpeningHoursFieldsFragment, unknown>;
export const ResidentAccountFragmentDoc = new TypedDocumentString(`
    fragment ResidentAccount on Resident {
  id
  phone
  realName
  idNumber
  verified
  verifiedAt
}
    `, {"fragmentName":"ResidentAccount"}) as unknown as TypedDocumentString<ResidentAccountFragment, unknown>;
export const AuthTokensFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuthTokensFields on AuthTokens {
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
}
    `, {"fragmentName":"AuthTokensFields"}) as unknown as TypedDocumentString<AuthTokensFieldsFragment, unknown>;
export const MutationErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}
    `, {"fragmentName":"MutationErrorFields"}) as unknown as TypedDocumentString<MutationErrorFieldsFragment, unknown>;
export const PersonalDataFieldsFragmentDoc = new TypedDocumentString(`
    fragment PersonalDataFields on PersonalData {
  phone
  realName
  idNumber
}
    `, {"fragmentName":"PersonalDataFields"}) as unknown as TypedDocumentString<PersonalDataFieldsFragment, unknown>;
export const DepartmentsDocument = new TypedDocumentString(`
    query Departments {
  departments {
    code
    name
    fullName
  }
}
    `, {"operationName":"Departments"}) as unknown as TypedDocumentString<DepartmentsQuery, DepartmentsQueryVariables>;
export const MattersDocument = new TypedDocumentString(`
    query Matters($filter: MatterFilter, $first: Int, $after: String) {
  matters(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...MatterListItem
      }
    }
  }
}
    fragment MatterListItem on Matter {
  code
  name
  handlingMode
  onlineLevel
  cityWide
  promisedWorkingDays
  department {
    code
    name
  }
}`, {"operationName":"Matters"}) as unknown as TypedDocumentString<MattersQuery, MattersQueryVariables>;
export const MatterDocument = new TypedDocumentString(`
    query Matter($code: String!) {
  matter(code: $code) {
    ...MatterListItem
    summary
    department {
      code
      name
      fullName
    }
    materials {
      name
      eCertificate
    }
  }
}
    fragment MatterListItem on Matter {
  code
  name
  handlingMode
  onlineLevel
  cityWide
  promisedWorkingDays
  department {
    code
    name
  }
}`, {"operationName":"Matter"}) as unknown as TypedDocumentString<MatterQuery, MatterQueryVariables>;
export const CentresDocument = new TypedDocumentString(`
    query Centres($filter: CentreFilter, $first: Int, $after: String) {
  centres(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CentreListItem
      }
    }
  }
}
    fragment CentreListItem on Centre {
  code
  name
  shortName
  district
  kind
  address
  addressApproximate
  isOpenAt
}`, {"operationName":"Centres"}) as unknown as TypedDocumentString<CentresQuery, CentresQueryVariables>;
export const CentreDocument = new TypedDocumentString(`
    query Centre($code: String!) {
  centre(code: $code) {
    ...CentreListItem
    districtCode
    phone
    location {
      latitude
      longitude
      approximate
    }
    parent {
      code
      name
    }
    branches {
      code
      name
      address
      addressApproximate
    }
    openingHours {
      ...OpeningHoursFields
    }
  }
}
    fragment CentreListItem on Centre {
  code
  name
  shortName
  district
  kind
  address
  addressApproximate
  isOpenAt
}
fragment OpeningHoursFields on OpeningHours {
  date
  dayType
  isOpenDay
  opensAt
  closesAt
  holidayName
  isMakeupWorkday
  calendarKnown
  source
  note
}`, {"operationName":"Centre"}) as unknown as TypedDocumentString<CentreQuery, CentreQueryVariables>;
export const CentreMattersDocument = new TypedDocumentString(`
    query CentreMatters($code: String!, $first: Int, $after: String) {
  centre(code: $code) {
    matters(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MatterListItem
        }
      }
    }
  }
}
    fragment MatterListItem on Matter {
  code
  name
  handlingMode
  onlineLevel
  cityWide
  promisedWorkingDays
  department {
    code
    name
  }
}`, {"operationName":"CentreMatters"}) as unknown as TypedDocumentString<CentreMattersQuery, CentreMattersQueryVariables>;
export const NearbyCentresDocument = new TypedDocumentString(`
    query NearbyCentres($lat: Float!, $lng: Float!, $withinMinutes: Int!) {
  nearbyCentres(lat: $lat, lng: $lng, withinMinutes: $withinMinutes) {
    distanceMeters
    walkingMinutes
    centre {
      ...CentreListItem
    }
  }
}
    fragment CentreListItem on Centre {
  code
  name
  shortName
  district
  kind
  address
  addressApproximate
  isOpenAt
}`, {"operationName":"NearbyCentres"}) as unknown as TypedDocumentString<NearbyCentresQuery, NearbyCentresQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($search: String!, $first: Int) {
  matters(filter: {search: $search}, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...MatterListItem
      }
    }
  }
  centres(filter: {search: $search}, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CentreListItem
      }
    }
  }
}
    fragment MatterListItem on Matter {
  code
  name
  handlingMode
  onlineLevel
  cityWide
  promisedWorkingDays
  department {
    code
    name
  }
}
fragment CentreListItem on Centre {
  code
  name
  shortName
  district
  kind
  address
  addressApproximate
  isOpenAt
}`, {"operationName":"Search"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const RequestLoginCodeDocument = new TypedDocumentString(`
    mutation RequestLoginCode($phone: String!) {
  requestLoginCode(phone: $phone) {
    sent
    expiresInSeconds
    resendAfterSeconds
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"RequestLoginCode"}) as unknown as TypedDocumentString<RequestLoginCodeMutation, RequestLoginCodeMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($phone: String!, $code: String!) {
  login(phone: $phone, code: $code) {
    tokens {
      ...AuthTokensFields
    }
    resident {
      ...ResidentAccount
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment ResidentAccount on Resident {
  id
  phone
  realName
  idNumber
  verified
  verifiedAt
}
fragment AuthTokensFields on AuthTokens {
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"Login"}) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RefreshTokenDocument = new TypedDocumentString(`
    mutation RefreshToken($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) {
    tokens {
      ...AuthTokensFields
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment AuthTokensFields on AuthTokens {
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"RefreshToken"}) as unknown as TypedDocumentString<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout($refreshToken: String) {
  logout(refreshToken: $refreshToken) {
    ok
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"Logout"}) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const VerifyRealNameDocument = new TypedDocumentString(`
    mutation VerifyRealName($name: String!, $idNumber: String!) {
  verifyRealName(name: $name, idNumber: $idNumber) {
    resident {
      ...ResidentAccount
    }
    errors {
      ...MutationErrorFields
    }
  }
}
    fragment ResidentAccount on Resident {
  id
  phone
  realName
  idNumber
  verified
  verifiedAt
}
fragment MutationErrorFields on MutationError {
  field
  message
  code
}`, {"operationName":"VerifyRealName"}) as unknown as TypedDocumentString<VerifyRealNameMutation, VerifyRealNameMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    role
    verified
    resident {
      ...ResidentAccount
    }
  }
}
    fragment ResidentAccount on Resident {
  id
  phone
  realName
  idNumber
  verified
  verifiedAt
}`, {"operationName":"Me"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const PersonalDataDocument = new TypedDocumentString(`
    query PersonalData {
  me {
    resident {
      personalData {
        ...PersonalDataFields
      }
    }
  }
}
    fragment PersonalDataFields on PersonalData {
  phone
  realName
  idNumber
}`, {"operationName":"PersonalData"}) as unknown as TypedDocumentString<PersonalDataQuery, PersonalDataQueryVariables>;