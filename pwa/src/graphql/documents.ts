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
  MatterDetail,
  MatterFilter,
  MatterListItem,
  NearbyCentre,
  PageVariables,
} from './types'

export interface TypedDocument<TData, TVariables> {
  readonly operationName: string
  readonly query: string
  /** Never set: carries the result and variable types. */
  readonly __types?: (variables: TVariables) => TData
}

function document<TData, TVariables>(
  operationName: string,
  query: string,
): TypedDocument<TData, TVariables> {
  return { operationName, query }
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

export const ALL_DOCUMENTS = [
  DepartmentsQuery,
  MattersQuery,
  MatterQuery,
  CentresQuery,
  CentreQuery,
  CentreMattersQuery,
  NearbyCentresQuery,
  SearchQuery,
] as const
