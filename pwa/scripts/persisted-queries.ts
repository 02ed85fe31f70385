/**
 * Build step: the manifest of the app's GraphQL documents, for the server's allow-list.
 *
 * Writes dist/persisted-queries.json: `{ "<sha256 hex>": "<document>" }` for every operation
 * codegen generated (src/graphql/generated/graphql.ts), hashed exactly as the client sends
 * it (`document.toString()`). The backend loads it at start (backend/app.py
 * `persisted_queries`): those hashes always resolve (no NOT_FOUND round trip), and with
 * TONGBAN_PERSISTED_QUERIES_ONLY=true nothing else runs.
 */
import { createHash } from 'node:crypto'
import type { Plugin } from 'vite'
import * as generated from '../src/graphql/generated/graphql.ts'

export const MANIFEST = 'persisted-queries.json'

export function manifest(): Record<string, string> {
  const entries: Record<string, string> = {}
  for (const value of Object.values(generated) as unknown[]) {
    if (!(value instanceof generated.TypedDocumentString)) continue
    if (typeof value.__meta__?.['operationName'] !== 'string') continue // a fragment
    const text = value.toString()
    entries[createHash('sha256').update(text).digest('hex')] = text
  }
  return entries
}

export function persistedQueries(): Plugin {
  return {
    name: 'tongban-persisted-queries',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: MANIFEST,
        source: JSON.stringify(manifest(), null, 1) + '\n',
      })
    },
  }
}
