/**
 * Routes of consent and account rights and of the 办事指南's 在哪里办, and the consent gate:
 * a signed-in resident who has not accepted the current user agreement and privacy policy
 * is sent to /consent from every page but the documents themselves and sign-in.
 */
import type { Router, RouteRecordRaw } from 'vue-router'
import { zhCN as t } from '@/locales/zh-CN'
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

export function installConsentGate(router: Router): void {
  router.beforeEach(async (to) => {
    if (to.meta.consentFree || to.meta.staff || OPEN_ROUTES.has(String(to.name))) return true
    const auth = useAuthStore()
    await auth.whenReady()
    const consent = useConsentStore()
    if (!auth.signedIn) {
      consent.reset()
      return true
    }
    // Restored at start-up (whenReady) or loaded by the sign-in; when that failed (offline,
    // session ended) the page itself shows the error or the sign-in.
    const resident = auth.me?.resident
    if (!resident) return true
    const pending = await consent.ensure(resident.id)
    if (pending && pending.length) return { name: 'consent', query: { redirect: to.fullPath } }
    return true
  })
}
