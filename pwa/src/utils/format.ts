/** Pure formatting for what residents read: hours, dates, distances, time limits. */
import { t } from '@/locales'
import type { OpeningHoursFieldsFragment as OpeningHours } from '@/graphql/generated/graphql'
import { fill } from './text'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

/** "08:30:00" -> "8:30"; "16:30" -> "16:30". */
export function formatTime(time: string): string {
  const [hours = '0', minutes = '00'] = time.split(':')
  return `${Number(hours)}:${minutes.padStart(2, '0')}`
}

/** "8:30–16:30", or null when the centre does not open that day. */
export function formatHoursRange(hours: Pick<OpeningHours, 'isOpenDay' | 'opensAt' | 'closesAt'>) {
  if (!hours.isOpenDay || !hours.opensAt || !hours.closesAt) return null
  return `${formatTime(hours.opensAt)}–${formatTime(hours.closesAt)}`
}

/** "2026-10-01" -> "10月1日 周四" (a calendar date: no time zone involved). */
export function formatDateLabel(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  return `${month}月${day}日 ${WEEKDAYS[weekday]}`
}

/** Tags to show beside today's hours: the holiday name and 今日调休上班. */
export function dayTags(hours: Pick<OpeningHours, 'holidayName' | 'isMakeupWorkday'>): string[] {
  const tags: string[] = []
  if (hours.holidayName) tags.push(hours.holidayName)
  if (hours.isMakeupWorkday) tags.push(t.centre.makeupWorkday)
  return tags
}

/** China Standard Time: UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * The current wall-clock time in Shanghai as "HH:MM", whatever the phone's time zone.
 * Arithmetic on the fixed offset: an Intl.DateTimeFormat with a timeZone costs the first page
 * that shows opening hours ~80 ms of time-zone data loading (over 300 ms on a slow phone).
 */
export function shanghaiClock(now: Date): string {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
}

export type OpenStatus = 'open' | 'notYet' | 'closed'

/**
 * 营业中 when the API says the centre is open now; 未到营业时间 before today's opening;
 * otherwise 已下班. `now` is Shanghai time "HH:MM".
 */
export function openStatus(
  isOpen: boolean,
  hours: Pick<OpeningHours, 'isOpenDay' | 'opensAt'>,
  now: string,
): OpenStatus {
  if (isOpen) return 'open'
  if (hours.isOpenDay && hours.opensAt && now < hours.opensAt.slice(0, 5)) return 'notYet'
  return 'closed'
}

/** 0 -> 即办; n -> "n 个工作日". */
export function formatPromisedDays(days: number): string {
  return days === 0 ? t.matter.sameDay : fill(t.matter.workingDays, { days })
}

/** 860 -> "860米"; 1530 -> "1.5公里". */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters)}米`
  return `${(meters / 1000).toFixed(1)}公里`
}

/** The address as shown: approximate ones are prefixed with 约. */
export function formatAddress(address: string, approximate: boolean): string {
  return approximate ? `${t.common.approximate} ${address}` : address
}
