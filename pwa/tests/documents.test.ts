/** The app's documents and enums against the contract, ../schema/schema.graphql. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildSchema, GraphQLEnumType, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'
import { ALL_DOCUMENTS } from '@/graphql/documents'
import {
  CENTRE_KINDS,
  DAY_TYPES,
  E_CERTIFICATE_KINDS,
  ERROR_CODES,
  HANDLING_MODES,
  HOURS_SOURCES,
  ONLINE_LEVELS,
  ROLES,
} from '@/graphql/types'
import { zhCN } from '@/locales/zh-CN'

const schema = buildSchema(
  readFileSync(fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url)), 'utf8'),
)

describe('documents', () => {
  it.each(ALL_DOCUMENTS.map((d) => [d.operationName, d] as const))(
    '%s is valid against the schema',
    (name, document) => {
      const parsed = parse(document.query)
      expect(validate(schema, parsed).map((e) => e.message)).toEqual([])
      const operation = parsed.definitions.find((d) => d.kind === 'OperationDefinition')
      expect(operation && 'name' in operation ? operation.name?.value : null).toBe(name)
    },
  )

  it('covers the identity operations the app needs', () => {
    const names = ALL_DOCUMENTS.map((d) => d.operationName)
    for (const name of ['RequestLoginCode', 'Login', 'RefreshToken', 'Logout', 'VerifyRealName', 'Me']) {
      expect(names).toContain(name)
    }
  })

  it('sends no token when signing in or refreshing, and never refreshes to sign out', () => {
    const policy = Object.fromEntries(ALL_DOCUMENTS.map((d) => [d.operationName, d.tokens ?? 'session']))
    expect(policy).toMatchObject({
      RequestLoginCode: 'none',
      Login: 'none',
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
