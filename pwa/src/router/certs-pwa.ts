import type { RouteRecordRaw } from 'vue-router'
import { zhCN as t } from '@/locales/zh-CN'

/** 电子亮证: the resident's certificates, QR and trail; the clerk's 验证 page. */
export const certificateRoutes: RouteRecordRaw[] = [
  {
    path: '/certificates',
    name: 'certificates',
    component: () => import('@/pages/certificates/index.vue'),
    meta: { title: t.certificates.title, auth: true },
  },
  {
    path: '/certificates/views',
    name: 'certificate-views',
    component: () => import('@/pages/certificates/views.vue'),
    meta: { title: t.certificates.viewsTitle, auth: true },
  },
  {
    path: '/certificates/:id',
    name: 'certificate',
    component: () => import('@/pages/certificates/choose.vue'),
    meta: { title: t.certificates.chooseNav, auth: true },
  },
  {
    path: '/certificates/:id/show',
    name: 'certificate-show',
    component: () => import('@/pages/certificates/show.vue'),
    meta: { title: t.certificates.qrTitle, auth: true },
  },
  {
    path: '/staff/verify',
    name: 'staff-verify',
    component: () => import('@/pages/staff/verify.vue'),
    meta: { title: t.certificates.verify.title, staff: true },
  },
]
