/**
 * Routes of consent and account rights and of the 办事指南's 在哪里办, and the consent gate:
 * a signed-in resident who has not accepted the current user agreement and privacy policy
 * is sent to /consent from every page but the documents themselves and sign-in.
 */
import type { RouteLocationNormalized, RouteLocationRaw, Router, RouteRecordRaw } from 'vue-router'
import { t } from '@/locales'
import { useAuthStore } from '@/stores/auth'
import { useConsentStore } from '@/stores/consent'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable before the sign-in documents are accepted. */
    consentFree?: boolean
  }
}

const c = t.consent

export const consentRoutes: RouteRecordRaw[] = [
  {
    path: '/consent',
    name: 'consent',
    component: () => import('@/pages/consent/gate.vue'),
    meta: { title: c.gate.title, auth: true, consentFree: true },
  },
  {
    path: '/legal/:kind',
    name: 'legal',
    component: () => import('@/pages/consent/legal.vue'),
    meta: { title: c.rights.privacy, consentFree: true },
  },
  {
    path: '/me/consents',
    name: 'consents',
    component: () => import('@/pages/consent/records.vue'),
    meta: { title: c.records.title, auth: true },
  },
  {
    path: '/me/erase',
    name: 'erase',
    component: () => import('@/pages/consent/erase.vue'),
    meta: { title: c.erase.title, auth: true },
  },
  {
    path: '/me/verify/done',
    name: 'verified',
    component: () => import('@/pages/consent/verified.vue'),
    meta: { title: c.verified.title, auth: true },
  },
  {
    path: '/matters/:code/where',
    name: 'matter-where',
    component: () => import('@/pages/consent/where.vue'),
    meta: { title: c.guide.whereTitle },
  },
]

const OPEN_ROUTES = new Set(['login', 'staff-login', 'not-found'])

function exempt(to: RouteLocationNormalized): boolean {
  return Boolean(to.meta.consentFree || to.meta.staff || OPEN_ROUTES.has(String(to.name)))
}

/** Where to send the resident instead of `to`: the consent page while documents wait. */
async function gate(to: RouteLocationNormalized): Promise<RouteLocationRaw | null> {
  const resident = useAuthStore().me?.resident
  if (!resident || exempt(to)) return null
  const pending = await useConsentStore().ensure(resident.id)
  return pending && pending.length ? { name: 'consent', query: { redirect: to.fullPath } } : null
}

export function installConsentGate(router: Router): void {
  router.beforeEach(async (to) => {
    if (exempt(to)) return true
    const auth = useAuthStore()
    if (!auth.signedIn) {
      useConsentStore().reset()
      return true
    }
    if (!auth.me) {
      // The session is still being restored: open the page (it waits for the account
      // itself), and ask once the account is known.
      void auth.whenReady().then(async () => {
        const target = await gate(router.currentRoute.value)
        if (target) await router.replace(target)
      })
      return true
    }
    return (await gate(to)) ?? true
  })
}
