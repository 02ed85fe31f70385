import { describe, expect, it } from 'vitest'
import {
  addDays,
  amapLink,
  AttemptKey,
  bookingDays,
  CallAnnouncer,
  callKey,
  callText,
  dayStatus,
  firstBookableDay,
  geoLink,
  seatsOnDay,
  shanghaiDate,
  shanghaiTime,
  slotLabel,
  slotsByDay,
  waitMinutes,
} from '@/utils/bookings'
import { zhCN } from '@/locales/zh-CN'

const slot = (start: string, end: string, seatsLeft: number) => ({ start, end, seatsLeft, capacity: 12 })

describe('booking days', () => {
  it('counts from today in Shanghai, whatever the phone thinks', () => {
    // 2026-12-01 17:30 UTC is already 12-02 01:30 in Shanghai.
    const days = bookingDays(new Date('2026-12-01T17:30:00Z'))
    expect(days).toHaveLength(8)
    expect(days[0]).toBe('2026-12-02')
    expect(days[7]).toBe('2026-12-09')
  })

  it('crosses months and years', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(bookingDays(new Date('2026-12-30T02:00:00Z'))[3]).toBe('2027-01-02')
  })

  it('reads dates and times of a slot in Shanghai time', () => {
    expect(shanghaiDate('2026-12-02T09:00:00+08:00')).toBe('2026-12-02')
    expect(shanghaiDate('2026-12-01T16:30:00Z')).toBe('2026-12-02')
    expect(shanghaiTime('2026-12-02T09:00:00+08:00')).toBe('9:00')
    expect(shanghaiTime('2026-12-02T05:30:00Z')).toBe('13:30')
    expect(slotLabel({ start: '2026-12-02T08:30:00+08:00', end: '2026-12-02T09:00:00+08:00' })).toBe('8:30–9:00')
  })
})

describe('slots by day', () => {
  const slots = [
    slot('2026-12-03T10:00:00+08:00', '2026-12-03T10:30:00+08:00', 0),
    slot('2026-12-02T09:30:00+08:00', '2026-12-02T10:00:00+08:00', 2),
    slot('2026-12-02T09:00:00+08:00', '2026-12-02T09:30:00+08:00', 5),
  ]
  const days = slotsByDay(slots)

  it('groups by Shanghai date, in time order', () => {
    expect([...days.keys()]).toEqual(['2026-12-03', '2026-12-02'])
    expect(days.get('2026-12-02')?.map((s) => slotLabel(s))).toEqual(['9:00–9:30', '9:30–10:00'])
    expect(seatsOnDay(days.get('2026-12-02'))).toBe(7)
    expect(seatsOnDay(undefined)).toBe(0)
  })

  it('says closed, full, none or open for each day', () => {
    expect(dayStatus(false, days.get('2026-12-02'))).toBe('closed')
    expect(dayStatus(true, days.get('2026-12-02'))).toBe('open')
    expect(dayStatus(true, days.get('2026-12-03'))).toBe('full')
    expect(dayStatus(true, undefined)).toBe('none')
    expect(dayStatus(true, [])).toBe('none')
  })

  it('opens the first day with seats', () => {
    const status = (day: string) => dayStatus(day !== '2026-12-01', days.get(day))
    expect(firstBookableDay(['2026-12-01', '2026-12-03', '2026-12-02'], status)).toBe('2026-12-02')
    expect(firstBookableDay(['2026-12-01'], status)).toBe('2026-12-01')
    expect(firstBookableDay([], status)).toBeNull()
  })
})

describe('the idempotency key of an attempt', () => {
  it('is made once per choice and reused on a retry', () => {
    let made = 0
    const attempt = new AttemptKey(() => `key-${++made}`)
    const first = attempt.for('310101-01|GA006|2026-12-02T09:00:00+08:00')
    expect(attempt.for('310101-01|GA006|2026-12-02T09:00:00+08:00')).toBe(first)
    expect(made).toBe(1)
  })

  it('changes with the choice, and after a definite answer', () => {
    let made = 0
    const attempt = new AttemptKey(() => `key-${++made}`)
    const first = attempt.for('a')
    const second = attempt.for('b')
    expect(second).not.toBe(first)
    attempt.reset()
    expect(attempt.for('b')).not.toBe(second)
    expect(made).toBe(3)
  })

  it('is random by default', () => {
    expect(new AttemptKey().for('a')).not.toBe(new AttemptKey().for('a'))
  })
})

describe('map links', () => {
  const point = { latitude: 31.2353, longitude: 121.4808 }
  it('opens 高德地图 at the centre, longitude first', () => {
    const link = new URL(amapLink(point, '南京东路街道社区事务受理服务中心'))
    expect(link.origin + link.pathname).toBe('https://uri.amap.com/marker')
    expect(link.searchParams.get('position')).toBe('121.4808,31.2353')
    expect(link.searchParams.get('name')).toBe('南京东路街道社区事务受理服务中心')
  })
  it('gives a geo: URI, latitude first', () => {
    const link = geoLink(point, '南京东路')
    expect(link.startsWith('geo:31.2353,121.4808?q=')).toBe(true)
    expect(decodeURIComponent(link.split('q=')[1]!)).toBe('31.2353,121.4808(南京东路)')
  })
})

describe('what the call display says', () => {
  it('reads ticket and window into the sentence', () => {
    expect(callText(zhCN.bookings.queue.call, 'A012', 3)).toBe('请 A012 号到 3 号窗口')
  })
  it('turns seconds into whole minutes, rounding up', () => {
    expect(waitMinutes(0)).toBe(0)
    expect(waitMinutes(61)).toBe(2)
    expect(waitMinutes(null)).toBeNull()
    expect(waitMinutes(-5)).toBeNull()
  })
})

describe('the call display announces', () => {
  const call = { number: 'A012', window: 3, calledAt: '2026-12-02T10:00:00+08:00', recalls: 0 }

  it('each new call once, not the first message after a reconnect, not a repeat', () => {
    const announcer = new CallAnnouncer()
    expect(announcer.take(null)).toBeNull() // the first message: the board as it is
    expect(announcer.take(call)).toEqual(call)
    expect(announcer.take({ ...call })).toBeNull() // delivered twice
    expect(announcer.take(undefined)).toBeNull()
  })

  it('a recall again, and the same number at another window', () => {
    const announcer = new CallAnnouncer()
    announcer.take(call)
    expect(announcer.take({ ...call, recalls: 1 })).not.toBeNull()
    expect(announcer.take({ ...call, recalls: 1 })).toBeNull()
    expect(announcer.take({ ...call, window: 4 })).not.toBeNull()
    expect(callKey(call)).toBe('A012|3|2026-12-02T10:00:00+08:00|0')
  })

  it('forgets the oldest calls beyond what it keeps', () => {
    const announcer = new CallAnnouncer(2)
    announcer.take(call)
    announcer.take({ ...call, number: 'A013' })
    announcer.take({ ...call, number: 'A014' })
    expect(announcer.take(call)).not.toBeNull()
    expect(announcer.take({ ...call, number: 'A014' })).toBeNull()
  })
})
