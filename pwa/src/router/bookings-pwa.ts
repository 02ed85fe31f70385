import type { RouteRecordRaw } from 'vue-router'
import { zhCN as t } from '@/locales/zh-CN'

/** Bookings (网上预约), the queue at the centre and the hall's call display (叫号屏). */
export const bookingRoutes: RouteRecordRaw[] = [
  {
    path: '/bookings/new',
    name: 'booking-new',
    component: () => import('@/pages/bookings/new.vue'),
    meta: { title: t.bookings.newTitle },
  },
  {
    path: '/bookings',
    name: 'bookings',
    component: () => import('@/pages/bookings/index.vue'),
    meta: { title: t.bookings.listTitle, auth: true },
  },
  {
    path: '/bookings/:id',
    name: 'booking',
    component: () => import('@/pages/bookings/detail.vue'),
    meta: { title: t.bookings.detailTitle, auth: true },
  },
  {
    path: '/bookings/:id/booked',
    name: 'booking-done',
    component: () => import('@/pages/bookings/done.vue'),
    meta: { title: t.bookings.successTitle, auth: true },
  },
  {
    path: '/bookings/:id/reschedule',
    name: 'booking-reschedule',
    component: () => import('@/pages/bookings/reschedule.vue'),
    meta: { title: t.bookings.rescheduleTitle, auth: true },
  },
  {
    path: '/staff/check-in',
    name: 'staff-check-in',
    component: () => import('@/pages/staff/queue/check-in.vue'),
    meta: { title: t.bookings.queue.checkInTitle, staff: true },
  },
  {
    path: '/staff/queue',
    name: 'staff-queue-hub',
    component: () => import('@/pages/staff/queue/index.vue'),
    meta: { title: t.bookings.queue.hubTitle, staff: true },
  },
  {
    path: '/staff/tickets',
    name: 'staff-tickets',
    component: () => import('@/pages/staff/queue/tickets.vue'),
    meta: { title: t.bookings.queue.walkInTitle, staff: true },
  },
  {
    path: '/staff/window',
    name: 'staff-window',
    component: () => import('@/pages/staff/queue/window.vue'),
    meta: { title: t.bookings.queue.consoleTitle, staff: true },
  },
  {
    path: '/display/:centre',
    name: 'display',
    component: () => import('@/pages/display/index.vue'),
    meta: { title: t.bookings.queue.displayTitle },
  },
]
