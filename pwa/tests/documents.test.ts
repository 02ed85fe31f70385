/**
 * The generated documents (src/graphql/generated/graphql.ts) against their sources
 * (src/graphql/operations/*.graphql) and the contract (../schema/schema.graphql), and the
 * enum lists against the schema. `npm run check` also runs `graphql-codegen --check`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import {
  buildSchema,
  GraphQLEnumType,
  Kind,
  parse,
  print,
  validate,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import { operationName, tokenPolicy } from '@/graphql/documents'
import {
  CASE_ACTIONS,
  CASE_CHANNELS,
  CASE_STATES,
  CENTRE_KINDS,
  DAY_TYPES,
  E_CERTIFICATE_KINDS,
  ERROR_CODES,
  HANDLING_MODES,
  HOURS_SOURCES,
  ONLINE_LEVELS,
  ROLES,
} from '@/graphql/enums'
import * as generated from '@/graphql/generated/graphql'
import { zhCN } from '@/locales/zh-CN'

const schema = buildSchema(
  readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'),
)

const OPERATIONS = new URL('../src/graphql/operations/', import.meta.url)
const sources = readdirSync(OPERATIONS)
  .filter((name) => name.endsWith('.graphql'))
  .flatMap((name) => parse(readFileSync(new URL(name, OPERATIONS), 'utf8')).definitions)
const operations = sources.filter(
  (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
)
const fragments = new Map(
  sources
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((d) => [d.name.value, d]),
)
const names = operations.map((operation) => operation.name?.value ?? '(anonymous)')

type AnyDocument = generated.TypedDocumentString<unknown, never>

/** The generated module's operation documents, by export name (fragments are `...FragmentDoc`). */
const generatedDocuments = new Map(
  Object.entries(generated as Record<string, unknown>).filter(
    (entry): entry is [string, AnyDocument] =>
      entry[0].endsWith('Document') && entry[1] instanceof generated.TypedDocumentString,
  ),
)

function documentFor(name: string): AnyDocument {
  const document = generatedDocuments.get(`${name}Document`)
  if (!document) throw new Error(`no generated document for ${name}: run npm run codegen`)
  return document
}

/** The fragments `definition` spreads, and the ones they spread, from the sources. */
function fragmentsOf(definition: DefinitionNode, seen = new Set<string>()): DefinitionNode[] {
  const found: DefinitionNode[] = []
  visit(definition, {
    FragmentSpread(node) {
      const fragment = fragments.get(node.name.value)
      if (!fragment || seen.has(node.name.value)) return
      seen.add(node.name.value)
      found.push(fragment, ...fragmentsOf(fragment, seen))
    },
  })
  return found
}

const printed = (definitions: readonly DefinitionNode[]) => definitions.map((d) => print(d)).sort()

describe('generated documents', () => {
  it('has one generated document per operation in src/graphql/operations, and no other', () => {
    expect(names.length).toBeGreaterThan(0)
    expect([...generatedDocuments.keys()].sort()).toEqual(names.map((n) => `${n}Document`).sort())
  })

  it.each(operations.map((operation) => [operation.name?.value ?? '', operation] as const))(
    '%s: the generated document is the source operation with its fragments',
    (name, operation) => {
      const document = documentFor(name)
      expect(operationName(document)).toBe(name)
      expect(printed(parse(document.toString()).definitions)).toEqual(
        printed([operation, ...fragmentsOf(operation)]),
      )
    },
  )

  it.each(names)('%s is valid against the schema', (name) => {
    const errors = validate(schema, parse(documentFor(name).toString()))
    expect(errors.map((e) => e.message)).toEqual([])
  })

  it('covers the identity operations the app needs', () => {
    for (const name of ['RequestLoginCode', 'Login', 'RefreshToken', 'Logout', 'VerifyRealName', 'Me']) {
      expect(names).toContain(name)
    }
  })

  it('sends no token when signing in or refreshing, and never refreshes to sign out', () => {
    const policy = Object.fromEntries(names.map((name) => [name, tokenPolicy(documentFor(name))]))
    expect(policy).toMatchObject({
      RequestLoginCode: 'none',
      Login: 'none',
      StaffLogin: 'none',
      RefreshToken: 'none',
      Logout: 'asIs',
      VerifyRealName: 'session',
      Me: 'session',
      PersonalData: 'session',
    })
  })
})

describe('enums', () => {
  it.each([
    ['CentreKind', CENTRE_KINDS],
    ['DayType', DAY_TYPES],
    ['ECertificateKind', E_CERTIFICATE_KINDS],
    ['ErrorCode', ERROR_CODES],
    ['HandlingMode', HANDLING_MODES],
    ['HoursSource', HOURS_SOURCES],
    ['OnlineLevel', ONLINE_LEVELS],
    ['Role', ROLES],
    ['CaseState', CASE_STATES],
    ['CaseAction', CASE_ACTIONS],
    ['CaseChannel', CASE_CHANNELS],
  ] as const)('%s matches the schema', (name, values) => {
    const type = schema.getType(name)
    expect(type).toBeInstanceOf(GraphQLEnumType)
    expect((type as GraphQLEnumType).getValues().map((v) => v.name)).toEqual([...values])
  })

  it('has a Chinese label for every value residents see', () => {
    for (const level of ONLINE_LEVELS) expect(zhCN.onlineLevel[level].label).toBeTruthy()
    for (const mode of HANDLING_MODES) expect(zhCN.handlingMode[mode].explain).toBeTruthy()
    for (const kind of E_CERTIFICATE_KINDS) expect(zhCN.eCertificate[kind]).toBeTruthy()
    for (const kind of CENTRE_KINDS) expect(zhCN.centreKind[kind]).toBeTruthy()
  })
})
