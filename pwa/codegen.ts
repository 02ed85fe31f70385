/**
 * GraphQL Code Generator: typed documents from the contract.
 *
 * Reads ../schema/schema.graphql (the exported SDL; no server, no network) and the documents
 * in src/graphql/operations/*.graphql, and writes src/graphql/generated/: for each operation
 * a typed document with its result and variables types. The output is committed;
 * `npm run check` (part of `npm run build`) runs `graphql-codegen --check`, which fails
 * when it is stale. After changing a document or the schema: `npm run codegen`.
 */
import { readFileSync } from 'node:fs'
import type { CodegenConfig } from '@graphql-codegen/cli'
import {
  buildSchema,
  getNamedType,
  isEnumType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql'

const SCHEMA = buildSchema(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8'))
const HARMLESS_SCALARS = new Set(['Int', 'Float', 'Boolean', 'ID'])

function marked(node: { directives?: readonly { name: { value: string } }[] } | null | undefined, name: string): boolean {
  return node?.directives?.some((d) => d.name.value === name) ?? false
}

/** The server's rule (backend/graphql/caching.py): @public type or field, never @dependsOnClock;
 * relay's connections, edges and page info carry only what is selected inside them. */
function fieldIsPublic(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): boolean {
  if (marked(field.astNode, 'dependsOnClock')) return false
  return fieldIsTheSameForEveryone(parent, field)
}

/** Public but for the clock: the answer may change with the time, never with the caller. */
function fieldIsTheSameForEveryone(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): boolean {
  if (marked(field.astNode, 'public') || marked(parent.astNode, 'public')) return true
  return parent.name === 'PageInfo' || /(Connection|Edge)$/.test(parent.name)
}

function namedType(node: TypeNode): string {
  return node.kind === Kind.NAMED_TYPE ? node.name.value : namedType(node.type)
}

/** A query that selects only public fields and takes only variables GET allows (numbers,
 * booleans, IDs, enums: backend/graphql/get_requests.py) is sent as a GET with its sha256
 * (persisted query), without a token, so browsers and the service worker can cache it. */
function sentAsGet(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false
  const harmless = (operation.variableDefinitions ?? []).every((v) => {
    const name = namedType(v.type)
    return HARMLESS_SCALARS.has(name) || isEnumType(SCHEMA.getType(name))
  })
  return harmless && everyField(document, fieldIsPublic)
}

/** A query whose answer is the same for every caller (public fields, the clock's allowed):
 * index.html's inline script may fetch it anonymously before the app has started
 * (scripts/first-screen.ts), and the client may use that answer for a signed-in resident. */
function anonymous(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  return operation.operation === 'query' && everyField(document, fieldIsTheSameForEveryone)
}

function everyField(
  document: DocumentNode,
  test: (parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>) => boolean,
): boolean {
  let every = true
  const typeInfo = new TypeInfo(SCHEMA)
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '__typename') return undefined
        const parent = typeInfo.getParentType()
        const field = typeInfo.getFieldDef()
        if (!parent || !field || !test(getNamedType(parent), field)) {
          every = false
          return BREAK
        }
        return undefined
      },
    }),
  )
  return every
}

/** The operation's name, kept on the generated document (`__meta__`) for the client, and
 * whether it goes over GET. */
function operationMeta(document: DocumentNode): { operationName: string; get?: true; anonymous?: true } {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )
  const name = operation?.name?.value
  if (!operation || !name) throw new Error('every operation needs a name')
  return {
    operationName: name,
    ...(sentAsGet(document, operation) ? { get: true as const } : {}),
    ...(anonymous(operation, document) ? { anonymous: true as const } : {}),
  }
}

const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: 'src/graphql/operations/*.graphql',
  ignoreNoDocuments: false,
  errorsOnly: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: {
        // Components take the fragment's type as a prop; no useFragment() unmasking.
        fragmentMasking: false,
        onExecutableDocumentNode: operationMeta,
      },
      config: {
        // Documents as strings (TypedDocumentString): sent as they are, no AST in the
        // bundle and no graphql-js print() at run time.
        documentMode: 'string',
        enumType: 'string-literal',
        useTypeImports: true,
        skipTypename: true,
        // A scalar not listed here fails the generation instead of becoming `any`.
        strictScalars: true,
        scalars: {
          Date: 'string',
          DateTime: 'string',
          Time: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
}

export default config
