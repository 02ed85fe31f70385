import { createClient } from './client'

/** The app's client: the backend serves the app and /graphql on the same origin. */
export const api = createClient({ endpoint: '/graphql' })

export { ApiError } from './errors'
export * from './documents'
export type * from './types'
