import { createClient } from './client'
import { browserLock, browserStorage, createSession } from './session'

const ENDPOINT = '/graphql'

/** The resident's tokens; the backend serves the app and /graphql on the same origin. */
export const session = createSession({
  client: createClient({ endpoint: ENDPOINT }),
  storage: browserStorage(),
  lock: browserLock('tongban-token-refresh'),
})

/** The app's client: sends the resident's access token and refreshes it when needed. */
export const api = createClient({ endpoint: ENDPOINT, auth: session })

export { ApiError } from './errors'
// The typed documents (MatterDocument ...) and their result, variables and fragment types.
export * from './generated/graphql'
