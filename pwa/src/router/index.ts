import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { zhCN as t } from '@/locales/zh-CN'
import HomePage from '@/pages/home/index.vue'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** Tab pages show the bottom tab bar. */
    tab?: boolean
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

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - ${t.app.name}` : t.app.name
})
