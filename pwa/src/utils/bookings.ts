/**
 * Pure logic for bookings (网上预约) and the queue (排队叫号): the bookable days, slots
 * grouped by day, labels, the map link, the idempotency key of an attempt, and the text the
 * call display speaks. No Vue, no network: tested in tests/bookings.test.ts.
 */
import { fill } from './text'

const SHANGHAI = 'Asia/Shanghai'
/** Bookable from today to today + 7 (the server's window; it checks again). */
export const BOOKING_DAYS = 8

/** "YYYY-MM-DD" of a moment in Shanghai, whatever the phone's time zone. */
export function shanghaiDate(moment: Date | string): string {
  const value = typeof moment === 'string' ? new Date(moment) : moment
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: SHANGHAI,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(value)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** "H:MM" of a moment in Shanghai (9:00, 13:30). */
export function shanghaiTime(moment: Date | string): string {
  const value = typeof moment === 'string' ? new Date(moment) : moment
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: SHANGHAI,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(value)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${Number(part('hour'))}:${part('minute')}`
}

/** The calendar date `days` after `date` ("2026-12-31" + 1 -> "2027-01-01"). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const moved = new Date(Date.UTC(year, month - 1, day + days))
  return moved.toISOString().slice(0, 10)
}

/** The bookable days: today (Shanghai) and the next seven. */
export function bookingDays(now: Date, count = BOOKING_DAYS): string[] {
  const today = shanghaiDate(now)
  return Array.from({ length: count }, (_, i) => addDays(today, i))
}

export interface SlotLike {
  start: string
  end: string
  seatsLeft: number
}

/** Slots by their Shanghai date, each day's in time order. */
export function slotsByDay<T extends SlotLike>(slots: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>()
  for (const slot of slots) {
    const day = shanghaiDate(slot.start)
    const list = days.get(day) ?? []
    list.push(slot)
    days.set(day, list)
  }
  for (const list of days.values()) list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
  return days
}

/** What a day chip says: closed (不办公), none (no slot left to book today), full, or open. */
export type DayStatus = 'closed' | 'none' | 'full' | 'open'

export function dayStatus(isOpenDay: boolean, slots: readonly SlotLike[] | undefined): DayStatus {
  if (!isOpenDay) return 'closed'
  if (!slots || slots.length === 0) return 'none'
  return slots.some((s) => s.seatsLeft > 0) ? 'open' : 'full'
}

/** Seats left over all slots of a day. */
export function seatsOnDay(slots: readonly SlotLike[] | undefined): number {
  return (slots ?? []).reduce((sum, s) => sum + Math.max(0, s.seatsLeft), 0)
}

/** "9:00–9:30". */
export function slotLabel(slot: Pick<SlotLike, 'start' | 'end'>): string {
  return `${shanghaiTime(slot.start)}–${shanghaiTime(slot.end)}`
}

/** The first day whose status is open, else the first day. */
export function firstBookableDay(days: readonly string[], status: (day: string) => DayStatus): string | null {
  return days.find((d) => status(d) === 'open') ?? days[0] ?? null
}

/**
 * The idempotency key of one booking attempt: made once when the resident confirms a slot,
 * sent again on every retry of that attempt (a lost answer, a network failure), and
 * replaced only when the choice changes or the server gave a definite answer.
 */
export class AttemptKey {
  private key: string | null = null
  private choice: string | null = null

  constructor(private readonly make: () => string = randomKey) {}

  /** The key for this choice: the same as last time for the same choice. */
  for(choice: string): string {
    if (this.key === null || this.choice !== choice) {
      this.key = this.make()
      this.choice = choice
    }
    return this.key
  }

  /** The attempt is over (booked, or refused for a reason a retry cannot change). */
  reset(): void {
    this.key = null
    this.choice = null
  }
}

export function randomKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export interface MapPoint {
  latitude: number
  longitude: number
}

/** A link that opens the centre in 高德地图 (the app, or its web page), with a marker. */
export function amapLink(point: MapPoint, name: string): string {
  const params = new URLSearchParams({
    position: `${point.longitude},${point.latitude}`,
    name,
    src: 'tongban',
    coordinate: 'gaode',
    callnative: '1',
  })
  return `https://uri.amap.com/marker?${params.toString()}`
}

/** The standard geo: URI (RFC 5870) with the name as the query, for other map apps. */
export function geoLink(point: MapPoint, name: string): string {
  return `geo:${point.latitude},${point.longitude}?q=${encodeURIComponent(`${point.latitude},${point.longitude}(${name})`)}`
}

/** What the call display says aloud: 请 A012 号到 3 号窗口. */
export function callText(template: string, ticket: string, window: string | number): string {
  return fill(template, { ticket, window })
}

/** "about 25 minutes" in words, or null when there is no estimate yet. */
export function waitMinutes(seconds: number | null | undefined): number | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return null
  return Math.ceil(seconds / 60)
}

export interface CallLike {
  number: string
  window: number
  calledAt: string
  recalls: number
}

/** One call, recalls counted: a recall (重呼) is a new call to announce. */
export function callKey(call: CallLike): string {
  return `${call.number}|${call.window}|${call.calledAt}|${call.recalls}`
}

/**
 * Which board messages to say aloud: each new call or recall once. The board's first
 * message after a (re)connection carries no announcement, and one heard before (a message
 * delivered twice) is not said again.
 */
export class CallAnnouncer {
  private readonly said = new Set<string>()
  private readonly order: string[] = []

  constructor(private readonly remember = 200) {}

  /** The call to announce for this message, or null. */
  take(announcement: CallLike | null | undefined): CallLike | null {
    if (!announcement) return null
    const key = callKey(announcement)
    if (this.said.has(key)) return null
    this.said.add(key)
    this.order.push(key)
    if (this.order.length > this.remember) this.said.delete(this.order.shift()!)
    return announcement
  }
}
