/**
 * A staff member's session on this device, apart from the resident's: the window's rating
 * tablet (评价器) and the centre head's follow-up screens sign in with a staff account, and
 * its refresh token is kept on the device under its own key (the tablet stays signed in
 * for the staff session's hours; see README "Ratings").
 */
import { createClient } from './client'
import { browserLock, browserStorage, createSession } from './session'

const ENDPOINT = '/graphql'
export const STAFF_REFRESH_TOKEN_KEY = 'tongban.staffRefreshToken'

export const staffSession = createSession({
  client: createClient({ endpoint: ENDPOINT }),
  storage: browserStorage(),
  lock: browserLock('tongban-staff-token-refresh'),
  key: STAFF_REFRESH_TOKEN_KEY,
})

/** Sends the staff member's access token, refreshing it when needed. */
export const staffApi = createClient({ endpoint: ENDPOINT, auth: staffSession })
