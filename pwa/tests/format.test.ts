import { describe, expect, it } from 'vitest'
import {
  dayTags,
  formatAddress,
  formatDateLabel,
  formatDistance,
  formatHoursRange,
  formatPromisedDays,
  formatTime,
  openStatus,
  shanghaiClock,
} from '@/utils/format'

describe('opening hours', () => {
  it('shows times the way a notice board does', () => {
    expect(formatTime('08:30:00')).toBe('8:30')
    expect(formatTime('16:30:00')).toBe('16:30')
    expect(formatTime('11:30')).toBe('11:30')
  })

  it('formats a weekday and a weekend range, and nothing on a closed day', () => {
    expect(formatHoursRange({ isOpenDay: true, opensAt: '08:30:00', closesAt: '16:30:00' })).toBe(
      '8:30–16:30',
    )
    expect(formatHoursRange({ isOpenDay: true, opensAt: '08:30:00', closesAt: '11:30:00' })).toBe(
      '8:30–11:30',
    )
    expect(formatHoursRange({ isOpenDay: false, opensAt: null, closesAt: null })).toBeNull()
  })

  it('labels a calendar date with its weekday, whatever the time zone', () => {
    expect(formatDateLabel('2026-10-01')).toBe('10月1日 周四')
    expect(formatDateLabel('2026-11-22')).toBe('11月22日 周日')
  })

  it('names the holiday and a make-up working day', () => {
    expect(dayTags({ holidayName: '国庆节', isMakeupWorkday: false })).toEqual(['国庆节'])
    expect(dayTags({ holidayName: null, isMakeupWorkday: true })).toEqual(['今日调休上班'])
    expect(dayTags({ holidayName: null, isMakeupWorkday: false })).toEqual([])
  })

  it('reads the clock in Shanghai', () => {
    // 00:15 UTC is 08:15 in Shanghai (UTC+8, no daylight saving).
    expect(shanghaiClock(new Date('2026-11-23T00:15:00Z'))).toBe('08:15')
    expect(shanghaiClock(new Date('2026-11-23T16:05:00Z'))).toBe('00:05')
  })

  it('says open, not yet open, or closed', () => {
    const weekday = { isOpenDay: true, opensAt: '08:30:00' }
    expect(openStatus(true, weekday, '09:00')).toBe('open')
    expect(openStatus(false, weekday, '07:45')).toBe('notYet')
    expect(openStatus(false, weekday, '17:00')).toBe('closed')
    expect(openStatus(false, { isOpenDay: false, opensAt: null }, '07:45')).toBe('closed')
  })
})

describe('matters and centres', () => {
  it('calls zero promised days 即办', () => {
    expect(formatPromisedDays(0)).toContain('即办')
    expect(formatPromisedDays(5)).toBe('5 个工作日')
  })

  it('formats distances in metres and kilometres', () => {
    expect(formatDistance(146)).toBe('146米')
    expect(formatDistance(1530)).toBe('1.5公里')
  })

  it('marks approximate addresses with 约', () => {
    expect(formatAddress('黄浦区局门路', true)).toBe('约 黄浦区局门路')
    expect(formatAddress('黄浦区局门路 1 号', false)).toBe('黄浦区局门路 1 号')
  })
})
