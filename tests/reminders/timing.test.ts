import { describe, expect, it } from 'vitest'
import { afterQuiet, inQuiet, leadDue, parseLeads, readLead, storeLeads } from '../../src/reminders/timing.ts'

describe('lead times', () => {
  it.each([
    ['1天', { unit: 'd', n: 1 }],
    ['2小时', { unit: 'm', n: 120 }],
    ['15分钟', { unit: 'm', n: 15 }],
    ['半小时', { unit: 'm', n: 30 }],
    ['1周', { unit: 'd', n: 7 }],
    ['3年', null],
    ['0分钟', null],
    ['15天', null],
  ])('reads %s', (word, lead) => {
    expect(readLead(word)).toEqual(lead)
  })

  it('stores longest first without repeats', () => {
    expect(storeLeads([{ unit: 'm', n: 15 }, { unit: 'd', n: 1 }, { unit: 'm', n: 120 }, { unit: 'm', n: 15 }])).toBe('1d,2h,15m')
    expect(parseLeads('1d,2h,15m,junk')).toEqual([{ unit: 'd', n: 1 }, { unit: 'm', n: 120 }, { unit: 'm', n: 15 }])
  })

  it('a day lead is due at 16:00 the day before; a minute lead before the start; none for a day without a time', () => {
    const o = { date: '2026-12-03', startAt: new Date('2026-12-03T13:30:00+08:00'), timed: true }
    expect(leadDue({ unit: 'd', n: 1 }, o, 'Asia/Shanghai')).toEqual(new Date('2026-12-02T16:00:00+08:00'))
    expect(leadDue({ unit: 'm', n: 60 }, o, 'Asia/Shanghai')).toEqual(new Date('2026-12-03T12:30:00+08:00'))
    expect(leadDue({ unit: 'm', n: 60 }, { ...o, timed: false }, 'Asia/Shanghai')).toBeNull()
  })
})

describe('quiet hours', () => {
  it('run past midnight or within a day', () => {
    expect(inQuiet('23:00', '22:00', '07:00')).toBe(true)
    expect(inQuiet('06:59', '22:00', '07:00')).toBe(true)
    expect(inQuiet('07:00', '22:00', '07:00')).toBe(false)
    expect(inQuiet('12:30', '12:00', '13:00')).toBe(true)
    expect(inQuiet('12:30', null, null)).toBe(false)
  })

  it('move what falls in them to their end', () => {
    const quiet = { from: '22:00', to: '07:00' }
    expect(afterQuiet(new Date('2026-12-02T23:10:00+08:00'), quiet, 'Asia/Shanghai')).toEqual(new Date('2026-12-03T07:00:00+08:00'))
    expect(afterQuiet(new Date('2026-12-03T06:10:00+08:00'), quiet, 'Asia/Shanghai')).toEqual(new Date('2026-12-03T07:00:00+08:00'))
    expect(afterQuiet(new Date('2026-12-03T16:00:00+08:00'), quiet, 'Asia/Shanghai')).toEqual(new Date('2026-12-03T16:00:00+08:00'))
  })
})
