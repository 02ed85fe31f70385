import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import {
  api,
  type MutationErrorFieldsFragment as MutationError,
  session,
  StaffLoginDocument,
  StaffMeDocument,
  type StaffMeQuery,
} from '@/graphql'
import { type ApiError, toApiError } from '@/graphql/errors'

/**
 * The signed-in clerk. Staff share the device's session (src/graphql/session.ts) with
 * residents: one account is signed in at a time; `me.staff` says which centre the clerk
 * works at.
 */
export const useStaffStore = defineStore('staff', () => {
  const me = shallowRef<StaffMeQuery['me']>(null)
  const error = shallowRef<ApiError | null>(null)
  let pending: Promise<void> | null = null

  const staff = computed(() => me.value?.staff ?? null)
  const centre = computed(() => staff.value?.centre ?? null)

  session.subscribe(() => {
    if (!session.hasSession()) me.value = null
  })

  function load(): Promise<void> {
    pending ??= (async () => {
      error.value = null
      try {
        me.value = (await api.request(StaffMeDocument, {})).me
      } catch (caught) {
        error.value = toApiError(caught)
      } finally {
        pending = null
      }
    })()
    return pending
  }

  async function login(username: string, password: string): Promise<MutationError[]> {
    const payload = (
      await api.request(StaffLoginDocument, { username: username.trim(), password })
    ).staffLogin
    if (payload.errors.length || !payload.tokens) return payload.errors
    session.signIn(payload.tokens)
    await load()
    return []
  }

  return { me, staff, centre, error, load, login }
})
