import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { t } from '@/locales'
import HomePage from '@/pages/home/index.vue'
import { useAuthStore } from '@/stores/auth'
import { bookingRoutes } from './bookings-pwa'
import { certificateRoutes } from './certs-pwa'
import { consentRoutes, installConsentGate } from './consent'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** Tab pages show the bottom tab bar. */
    tab?: boolean
    /** Only for a signed-in resident: others sign in first. */
    auth?: boolean
    /** Only for signed-in staff: others go to the staff sign-in page. */
    staff?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { tab: true } },
  {
    path: '/matters',
    name: 'matters',
    component: () => import('@/pages/matters/index.vue'),
    meta: { title: t.tabs.matters, tab: true },
  },
  {
    path: '/matters/:code',
    name: 'matter',
    component: () => import('@/pages/matters/detail.vue'),
    meta: { title: t.titles.matter },
  },
  {
    path: '/matters/:code/apply',
    name: 'apply',
    component: () => import('@/pages/cases/apply.vue'),
    meta: { title: t.apply.title },
  },
  {
    path: '/cases',
    name: 'cases',
    component: () => import('@/pages/cases/index.vue'),
    meta: { title: t.cases.title, auth: true },
  },
  {
    path: '/cases/:number',
    name: 'case',
    component: () => import('@/pages/cases/detail.vue'),
    meta: { title: t.cases.number, auth: true },
  },
  {
    path: '/staff/login',
    name: 'staff-login',
    component: () => import('@/pages/staff/login.vue'),
    meta: { title: t.staff.loginTitle },
  },
  {
    path: '/staff',
    name: 'staff',
    component: () => import('@/pages/staff/index.vue'),
    meta: { title: t.staff.queueTitle, staff: true },
  },
  {
    path: '/staff/cases/:number',
    name: 'staff-case',
    component: () => import('@/pages/staff/case.vue'),
    meta: { title: t.staff.caseTitle, staff: true },
  },
  {
    path: '/staff/counter',
    name: 'staff-counter',
    component: () => import('@/pages/staff/counter.vue'),
    meta: { title: t.staff.counterTitle, staff: true },
  },
  {
    path: '/centres',
    name: 'centres',
    component: () => import('@/pages/centres/index.vue'),
    meta: { title: t.tabs.centres, tab: true },
  },
  {
    path: '/centres/:code',
    name: 'centre',
    component: () => import('@/pages/centres/detail.vue'),
    meta: { title: t.titles.centre },
  },
  {
    path: '/centres/:code/matters',
    name: 'centre-matters',
    component: () => import('@/pages/centres/matters.vue'),
    meta: { title: t.titles.centreMatters },
  },
  {
    path: '/nearby',
    name: 'nearby',
    component: () => import('@/pages/nearby/index.vue'),
    meta: { title: t.titles.nearby },
  },
  {
    path: '/search',
    name: 'search',
    component: () => import('@/pages/search/index.vue'),
    meta: { title: t.titles.search },
  },
  {
    path: '/me',
    name: 'me',
    component: () => import('@/pages/me/index.vue'),
    meta: { title: t.tabs.me, tab: true },
  },
  {
    path: '/me/verify',
    name: 'verify',
    component: () => import('@/pages/me/verify.vue'),
    meta: { title: t.titles.verify, auth: true },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('@/pages/login/index.vue'),
    meta: { title: t.titles.login },
  },
  {
    path: '/cases/:number/rate',
    name: 'rate',
    component: () => import('@/pages/cases/rate.vue'),
    meta: { title: t.titles.rate, auth: true },
  },
  {
    path: '/kiosk/rating',
    name: 'kiosk-rating',
    component: () => import('@/pages/kiosk/rating.vue'),
    meta: { title: t.titles.kiosk },
  },
  {
    path: '/staff/follow-ups',
    name: 'follow-ups',
    component: () => import('@/pages/staff/follow-ups.vue'),
    meta: { title: t.titles.followUps },
  },
  {
    path: '/staff/follow-ups/:id',
    name: 'follow-up',
    component: () => import('@/pages/staff/follow-up.vue'),
    meta: { title: t.titles.followUp },
  },
  ...bookingRoutes,
  ...certificateRoutes,
  ...consentRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/pages/not-found.vue'),
    meta: { title: t.titles.notFound },
  },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

// Pages for signed-in residents wait for the session to be restored on start-up; the login
// page is skipped by someone already signed in.
router.beforeEach(async (to) => {
  if (to.meta.staff) {
    const auth = useAuthStore()
    await auth.whenReady()
    if (!auth.signedIn) return { name: 'staff-login', query: { redirect: to.fullPath } }
    return true
  }
  if (!to.meta.auth && to.name !== 'login') return true
  const auth = useAuthStore()
  await auth.whenReady()
  if (to.meta.auth && !auth.signedIn) return { name: 'login', query: { redirect: to.fullPath } }
  if (to.name === 'login' && auth.signedIn) return { name: 'me' }
  return true
})

installConsentGate(router)

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - ${t.app.name}` : t.app.name
})
