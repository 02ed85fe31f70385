/**
 * GraphQL Code Generator: typed documents from the contract.
 *
 * Reads ../schema/schema.graphql (the exported SDL; no server, no network) and the documents
 * in src/graphql/operations/*.graphql, and writes src/graphql/generated/: for each operation
 * a typed document with its result and variables types. The output is committed;
 * `npm run check` (part of `npm run build`) runs `graphql-codegen --check`, which fails
 * when it is stale. After changing a document or the schema: `npm run codegen`.
 */
import type { CodegenConfig } from '@graphql-codegen/cli'
import { Kind, type DocumentNode } from 'graphql'

/** The operation's name, kept on the generated document (`__meta__`) for the client. */
function operationMeta(document: DocumentNode): { operationName: string } {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)
  const name = operation?.name?.value
  if (!name) throw new Error('every operation needs a name')
  return { operationName: name }
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
