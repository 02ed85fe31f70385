/**
 * Every GraphQL document the app sends, each typed with its result and variables.
 * tests/documents.test.ts validates them against ../schema/schema.graphql.
 */
import type {
  CentreDetail,
  CentreFilter,
  CentreListItem,
  Connection,
  Department,
  LoginPayload,
  LogoutPayload,
  MatterDetail,
  MatterFilter,
  MatterListItem,
  Me,
  NearbyCentre,
  PageVariables,
  PersonalData,
  RefreshTokenPayload,
  RequestLoginCodePayload,
  VerifyRealNamePayload,
} from './types'

/**
 * What the client does with the resident's tokens for a document:
 * - 'session' (the default): send the access token, refreshing it first when it is about to
 *   expire, and once more on TOKEN_EXPIRED;
 * - 'asIs': send the access token if there is one, never refresh (logout: no point in
 *   rotating a token only to revoke it);
 * - 'none': send no token (signing in, and refreshToken itself).
 */
export type TokenPolicy = 'session' | 'asIs' | 'none'

export interface TypedDocument<TData, TVariables> {
  readonly operationName: string
  readonly query: string
  readonly tokens?: TokenPolicy
  /** Never set: carries the result and variable types. */
  readonly __types?: (variables: TVariables) => TData
}

function document<TData, TVariables>(
  operationName: string,
  query: string,
  tokens?: TokenPolicy,
): TypedDocument<TData, TVariables> {
  return tokens ? { operationName, query, tokens } : { operationName, query }
}

const MATTER_LIST_ITEM = `fragment MatterListItem on Matter {
  code name handlingMode onlineLevel cityWide promisedWorkingDays department { code name }
}`

const CENTRE_LIST_ITEM = `fragment CentreListItem on Centre {
  code name shortName district kind address addressApproximate isOpenAt
}`

const PAGE = 'totalCount pageInfo { hasNextPage endCursor }'

export const DepartmentsQuery = document<{ departments: Department[] }, Record<string, never>>(
  'Departments',
  `query Departments { departments { code name fullName } }`,
)

export const MattersQuery = document<
  { matters: Connection<MatterListItem> },
  PageVariables & { filter: MatterFilter }
>(
  'Matters',
  `query Matters($filter: MatterFilter, $first: Int, $after: String) {
  matters(filter: $filter, first: $first, after: $after) {
    ${PAGE} edges { node { ...MatterListItem } }
  }
}
${MATTER_LIST_ITEM}`,
)

export const MatterQuery = document<{ matter: MatterDetail }, { code: string }>(
  'Matter',
  `query Matter($code: String!) {
  matter(code: $code) {
    ...MatterListItem summary
    department { code name fullName }
    materials { name eCertificate }
  }
}
${MATTER_LIST_ITEM}`,
)

export const CentresQuery = document<
  { centres: Connection<CentreListItem> },
  PageVariables & { filter: CentreFilter }
>(
  'Centres',
  `query Centres($filter: CentreFilter, $first: Int, $after: String) {
  centres(filter: $filter, first: $first, after: $after) {
    ${PAGE} edges { node { ...CentreListItem } }
  }
}
${CENTRE_LIST_ITEM}`,
)

export const CentreQuery = document<{ centre: CentreDetail }, { code: string }>(
  'Centre',
  `query Centre($code: String!) {
  centre(code: $code) {
    ...CentreListItem districtCode phone
    location { latitude longitude approximate }
    parent { code name }
    branches { code name address addressApproximate }
    openingHours {
      date dayType isOpenDay opensAt closesAt holidayName isMakeupWorkday calendarKnown
      source note
    }
  }
}
${CENTRE_LIST_ITEM}`,
)

export const CentreMattersQuery = document<
  { centre: { matters: Connection<MatterListItem> } },
  PageVariables & { code: string }
>(
  'CentreMatters',
  `query CentreMatters($code: String!, $first: Int, $after: String) {
  centre(code: $code) {
    matters(first: $first, after: $after) {
      ${PAGE} edges { node { ...MatterListItem } }
    }
  }
}
${MATTER_LIST_ITEM}`,
)

export const NearbyCentresQuery = document<
  { nearbyCentres: NearbyCentre[] },
  { lat: number; lng: number; withinMinutes: number }
>(
  'NearbyCentres',
  `query NearbyCentres($lat: Float!, $lng: Float!, $withinMinutes: Int!) {
  nearbyCentres(lat: $lat, lng: $lng, withinMinutes: $withinMinutes) {
    distanceMeters walkingMinutes centre { ...CentreListItem }
  }
}
${CENTRE_LIST_ITEM}`,
)

export const SearchQuery = document<
  { matters: Connection<MatterListItem>; centres: Connection<CentreListItem> },
  { search: string; first: number }
>(
  'Search',
  `query Search($search: String!, $first: Int) {
  matters(filter: { search: $search }, first: $first) {
    ${PAGE} edges { node { ...MatterListItem } }
  }
  centres(filter: { search: $search }, first: $first) {
    ${PAGE} edges { node { ...CentreListItem } }
  }
}
${MATTER_LIST_ITEM}
${CENTRE_LIST_ITEM}`,
)

// --- identity ------------------------------------------------------------------------------

const RESIDENT_ACCOUNT = `fragment ResidentAccount on Resident {
  id phone realName idNumber verified verifiedAt
}`

const TOKENS = `tokens {
  accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt
}`

const ERRORS = 'errors { field message code }'

export const RequestLoginCodeMutation = document<
  { requestLoginCode: RequestLoginCodePayload },
  { phone: string }
>(
  'RequestLoginCode',
  `mutation RequestLoginCode($phone: String!) {
  requestLoginCode(phone: $phone) { sent expiresInSeconds resendAfterSeconds ${ERRORS} }
}`,
  'none',
)

export const LoginMutation = document<{ login: LoginPayload }, { phone: string; code: string }>(
  'Login',
  `mutation Login($phone: String!, $code: String!) {
  login(phone: $phone, code: $code) {
    ${TOKENS}
    resident { ...ResidentAccount }
    ${ERRORS}
  }
}
${RESIDENT_ACCOUNT}`,
  'none',
)

export const RefreshTokenMutation = document<
  { refreshToken: RefreshTokenPayload },
  { refreshToken: string }
>(
  'RefreshToken',
  `mutation RefreshToken($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) { ${TOKENS} ${ERRORS} }
}`,
  'none',
)

export const LogoutMutation = document<{ logout: LogoutPayload }, { refreshToken: string | null }>(
  'Logout',
  `mutation Logout($refreshToken: String) {
  logout(refreshToken: $refreshToken) { ok ${ERRORS} }
}`,
  'asIs',
)

export const VerifyRealNameMutation = document<
  { verifyRealName: VerifyRealNamePayload },
  { name: string; idNumber: string }
>(
  'VerifyRealName',
  `mutation VerifyRealName($name: String!, $idNumber: String!) {
  verifyRealName(name: $name, idNumber: $idNumber) {
    resident { ...ResidentAccount }
    ${ERRORS}
  }
}
${RESIDENT_ACCOUNT}`,
)

export const MeQuery = document<{ me: Me | null }, Record<string, never>>(
  'Me',
  `query Me {
  me { role verified resident { ...ResidentAccount } }
}
${RESIDENT_ACCOUNT}`,
)

/** The owner's phone, name and ID number in the clear: audited on every request. */
export const PersonalDataQuery = document<
  { me: { resident: { personalData: PersonalData } | null } | null },
  Record<string, never>
>(
  'PersonalData',
  `query PersonalData {
  me { resident { personalData { phone realName idNumber } } }
}`,
)

export const ALL_DOCUMENTS = [
  DepartmentsQuery,
  MattersQuery,
  MatterQuery,
  CentresQuery,
  CentreQuery,
  CentreMattersQuery,
  NearbyCentresQuery,
  SearchQuery,
  RequestLoginCodeMutation,
  LoginMutation,
  RefreshTokenMutation,
  LogoutMutation,
  VerifyRealNameMutation,
  MeQuery,
  PersonalDataQuery,
] as const
