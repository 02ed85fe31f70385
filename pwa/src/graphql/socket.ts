import { createClient } from 'graphql-ws/client'
import { session } from './index'
import { createLive, type Live, socketUrl } from './live'

let instance: Live | null = null

/**
 * The tab's live client: one WebSocket, authenticated with the session of whoever is signed
 * in (resident or clerk). Created on first use.
 */
export const live: Live = {
  follow: (...args) => {
    instance ??= createLive({
      url: () => socketUrl(),
      auth: session,
      createClient,
      events: window,
    })
    return instance.follow(...args)
  },
}
