import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { DeviceStaffLoginDocument, DeviceStaffMeDocument, type DeviceStaffMeQuery } from '@/graphql'
import { api } from '@/graphql'
import { type ApiError, toApiError } from '@/graphql/errors'
import type { MutationErrorFieldsFragment as MutationError } from '@/graphql/generated/graphql'
import { staffApi, staffSession } from '@/graphql/staff'

type Staff = NonNullable<DeviceStaffMeQuery['me']>['staff']

/**
 * The staff member signed in on this device (the window's rating tablet, the centre head's
 * follow-up screens), apart from any resident's session.
 */
export const useStaffDeviceStore = defineStore('staffDevice', () => {
  const signedIn = ref(staffSession.hasSession())
  const staff = shallowRef<Staff>(null)
  const error = shallowRef<ApiError | null>(null)

  staffSession.subscribe(() => {
    signedIn.value = staffSession.hasSession()
    if (!signedIn.value) staff.value = null
  })

  async function load(): Promise<void> {
    if (!staffSession.hasSession()) return
    error.value = null
    try {
      staff.value = (await staffApi.request(DeviceStaffMeDocument, {})).me?.staff ?? null
    } catch (caught) {
      error.value = toApiError(caught)
    }
  }

  async function signIn(username: string, password: string): Promise<MutationError[]> {
    const payload = (await api.request(DeviceStaffLoginDocument, { username: username.trim(), password }))
      .staffLogin
    if (payload.errors.length || !payload.tokens) return payload.errors
    staffSession.signIn(payload.tokens)
    await load()
    return []
  }

  function signOut(): void {
    staffSession.clear()
  }

  return { signedIn, staff, error, load, signIn, signOut }
})
