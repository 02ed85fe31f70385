import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  api,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  type MeQuery,
  type MutationErrorFieldsFragment as MutationError,
  RequestLoginCodeDocument,
  type RequestLoginCodeMutation,
  session,
  VerifyRealNameDocument,
} from '@/graphql'
import { type ApiError, toApiError } from '@/graphql/errors'
import { REFRESH_TOKEN_KEY } from '@/graphql/session'
import { t } from '@/locales'
import { normalizeCode, normalizeIdNumber, normalizePhone } from '@/utils/identity'

/** Without `resendAfterSeconds` in the answer: the API's documented one a minute. */
const DEFAULT_RESEND_SECONDS = 60

/**
 * The signed-in resident. Tokens live in `session` (src/graphql/session.ts): the access
 * token in memory, the refresh token in localStorage; this store holds what the pages show.
 */
export const useAuthStore = defineStore('auth', () => {
  /** A session is stored on this device (it may still be being restored). */
  const signedIn = ref(session.hasSession())
  /** `me`, masked; null while signed out or not yet loaded. */
  const me = shallowRef<MeQuery['me']>(null)
  const error = shallowRef<ApiError | null>(null)
  const loading = ref(false)
  /** Why the resident has to sign in again; shown on the login page. */
  const notice = ref<string | null>(null)
  /** The server ended the session: App.vue opens the login page and resets this. */
  const mustSignIn = ref(false)
  /** The last code requested: its phone, and when (ms) another may be requested. */
  const codeCooldown = ref<{ phone: string; until: number } | null>(null)

  const resident = computed(() => me.value?.resident ?? null)
  let ready: Promise<void> = Promise.resolve()
  let pending: Promise<void> | null = null

  session.subscribe((event) => {
    signedIn.value = session.hasSession()
    if (!signedIn.value) {
      me.value = null
      error.value = null
    }
    if (event.type === 'ended') {
      notice.value = t.login.sessionExpired
      mustSignIn.value = true
    }
  })

  // Another tab signed out (or in): follow it.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key !== REFRESH_TOKEN_KEY && event.key !== null) return
      session.sync()
      if (session.hasSession() && !me.value) void loadMe()
    })
  }

  function loadMe(): Promise<void> {
    pending ??= (async () => {
      loading.value = true
      error.value = null
      try {
        // Without an access token in memory (a new page) this refreshes first.
        me.value = (await api.request(MeDocument, {})).me
      } catch (caught) {
        error.value = toApiError(caught)
      } finally {
        loading.value = false
        pending = null
      }
    })()
    return pending
  }

  /** On start: a stored refresh token means a session to restore. */
  function restore(): Promise<void> {
    ready = session.hasSession() ? loadMe() : Promise.resolve()
    return ready
  }

  /** Resolves once the start-up restore has finished (successfully or not). */
  function whenReady(): Promise<void> {
    return ready
  }

  async function requestCode(
    rawPhone: string,
  ): Promise<RequestLoginCodeMutation['requestLoginCode']> {
    const phone = normalizePhone(rawPhone)
    const payload = (await api.request(RequestLoginCodeDocument, { phone })).requestLoginCode
    if (payload.sent) {
      const seconds = payload.resendAfterSeconds ?? DEFAULT_RESEND_SECONDS
      codeCooldown.value = { phone, until: Date.now() + seconds * 1000 }
    }
    return payload
  }

  /** Signs in; the payload's errors when refused. */
  async function login(rawPhone: string, rawCode: string): Promise<MutationError[]> {
    const payload = (
      await api.request(LoginDocument, {
        phone: normalizePhone(rawPhone),
        code: normalizeCode(rawCode),
      })
    ).login
    if (payload.errors.length || !payload.tokens) return payload.errors
    notice.value = null
    codeCooldown.value = null
    session.signIn(payload.tokens)
    await loadMe()
    return []
  }

  /** 实名认证 with the separate ID-number consent's version; the payload's errors when refused. */
  async function verifyRealName(
    name: string,
    idNumber: string,
    consentVersion: string | null = null,
  ): Promise<MutationError[]> {
    const payload = (
      await api.request(VerifyRealNameDocument, {
        name: name.trim(),
        idNumber: normalizeIdNumber(idNumber),
        consentVersion,
      })
    ).verifyRealName
    if (payload.errors.length) {
      // Verified meanwhile (another tab, another device): show it.
      if (payload.errors.some((e) => e.code === 'REAL_NAME_ALREADY_VERIFIED')) await loadMe()
      return payload.errors
    }
    await loadMe()
    return []
  }

  /** Signs out on the server and forgets the tokens here, whatever the server said. */
  async function logout(): Promise<void> {
    try {
      await api.request(LogoutDocument, { refreshToken: session.refreshToken() })
    } catch {
      // Offline: the tokens are forgotten on this device all the same.
    } finally {
      session.clear()
    }
  }

  return {
    signedIn,
    me,
    resident,
    error,
    loading,
    notice,
    mustSignIn,
    codeCooldown,
    loadMe,
    restore,
    whenReady,
    requestCode,
    login,
    verifyRealName,
    logout,
  }
})
