/**
 * The app's GraphQL documents, and what the client does with the resident's tokens for each.
 *
 * The documents live in src/graphql/operations/*.graphql; `npm run codegen` generates from
 * them and ../schema/schema.graphql one typed document per operation
 * (src/graphql/generated/graphql.ts: `MatterDocument`, with `MatterQuery` and
 * `MatterQueryVariables` as its result and variables types, and a type per fragment such as
 * `MatterListItemFragment`). A page that reads a field its document does not select, or a
 * document the schema does not allow, fails the type check (`npm run check`).
 */
import type { TypedDocumentString } from './generated/graphql'

/**
 * What the client does with the resident's tokens for a document:
 * - 'session' (the default): send the access token, refreshing it first when it is about to
 *   expire, and once more on TOKEN_EXPIRED;
 * - 'asIs': send the access token if there is one, never refresh (logout: no point in
 *   rotating a token only to revoke it);
 * - 'none': send no token (signing in, and refreshToken itself).
 */
export type TokenPolicy = 'session' | 'asIs' | 'none'

/** The operation's name, kept on each generated document by codegen.ts. */
export function operationName<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
): string {
  const name: unknown = document.__meta__?.['operationName']
  if (typeof name !== 'string') throw new Error('not a generated operation document')
  return name
}

/** Operations that do not use the default 'session' policy, by operation name. */
const TOKEN_POLICIES: Readonly<Record<string, TokenPolicy>> = {
  RequestLoginCode: 'none',
  Login: 'none',
  StaffLogin: 'none',
  RefreshToken: 'none',
  Logout: 'asIs',
  DeviceStaffLogin: 'none',
  CentreSatisfaction: 'none',
}

export function tokenPolicy<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
): TokenPolicy {
  return TOKEN_POLICIES[operationName(document)] ?? 'session'
}

/** Whether codegen.ts found the document public (only @public fields, only variables a GET
 * may carry): the client then sends it as a persisted GET without a token. */
export function sentAsGet<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
): boolean {
  return document.__meta__?.['get'] === true
}
