import { describe, expect, it } from 'vitest'
import {
  defaultHours, earnedHours, factorOf, judgeAttendance, levelOf, roleOf, schoolYearOf, sessionHours, totalsOf,
  attendedSpan, overlapping,
} from '../../src/services/hours-rules.ts'

const at = (hm: string) => new Date(`2026-11-25T${hm}:00+08:00`)
const timed = (from: string, to: string | null) => ({ startAt: at(from), endAt: to ? at(to) : null, timed: true })
const dayOnly = { startAt: new Date('2026-11-24T16:00:00Z'), endAt: null, timed: false }
const rules = { presenterFactor: 2, hostFactor: 1.5, missShare: 0.2 }

describe('what a session is worth', () => {
  it.each([
    ['14:00', '16:30', 2.5],
    ['14:00', '15:40', 1.5], // 100 minutes
    ['14:00', '15:45', 2], // 105 minutes: rounds up to the half hour
    ['14:00', '14:10', 0],
    ['13:30', null, 1.5], // no end given: the default 90 minutes
  ])('%s–%s is %s 学时 by default', (from, to, hours) => {
    expect(defaultHours(timed(from, to))).toBe(hours)
  })

  it('a day-only session has no default until the organizer sets one', () => {
    expect(defaultHours(dayOnly)).toBeNull()
    expect(sessionHours({ hours: null }, dayOnly)).toBeNull()
    expect(sessionHours({ hours: 3 }, dayOnly)).toBe(3)
    expect(sessionHours({ hours: 1 }, timed('14:00', '16:30'))).toBe(1)
  })

  it('reads the level, 学区级 when not set', () => {
    expect([levelOf('school'), levelOf('county'), levelOf('district'), levelOf(null)]).toEqual(['school', 'county', 'district', 'district'])
  })
})

describe('roles and multiples', () => {
  const activity = { presenter: '王芳', host: '李明、赵丽' }
  // The names exactly one member of the district goes by: 王芳 is member 1, 赵丽 member 3; two go by 李明.
  const holders = new Map([['王芳', 1], ['赵丽', 3]])
  it('takes the attendance row\'s role first, else the name as 主讲 or 主持 when it is the member\'s alone', () => {
    expect(roleOf('host', { id: 1 }, activity, holders)).toBe('host')
    expect(roleOf(null, { id: 1 }, activity, holders)).toBe('presenter')
    expect(roleOf(null, { id: 3 }, activity, holders)).toBe('host')
    expect(roleOf(null, { id: 4 }, activity, holders)).toBe('participant')
    // 李明 is two members' name: neither is taken for the host by it.
    expect(roleOf(null, { id: 2 }, activity, holders)).toBe('participant')
    expect(roleOf(null, { id: 1 }, { presenter: null, host: null }, holders)).toBe('participant')
  })

  it('multiplies by the district\'s factor', () => {
    expect([factorOf('presenter', rules), factorOf('host', rules), factorOf('participant', rules)]).toEqual([2, 1.5, 1])
    expect(earnedHours({ kind: 'earned', hours: 2.5, late: 0, early: 0 }, 1.5)).toBe(3.75)
    expect(earnedHours({ kind: 'earned', hours: null, late: 0, early: 0 }, 2)).toBeNull()
    expect(earnedHours({ kind: 'none', why: { key: 'absent' } }, 2)).toBe(0)
  })
})

describe('the threshold: a fifth of the session missed earns none', () => {
  const session = timed('14:00', '16:30') // 150 minutes: a fifth is 30
  const judge = (checkIn: string | null, checkOut: string | null) =>
    judgeAttendance(session, { checkInAt: checkIn ? at(checkIn) : null, checkOutAt: checkOut ? at(checkOut) : null }, 2.5, rules)

  it.each([
    ['on time', '13:50', '16:35', { kind: 'earned', hours: 2.5, late: 0, early: 0 }],
    ['marked present without times', null, null, { kind: 'earned', hours: 2.5, late: 0, early: 0 }],
    ['29 minutes late', '14:29', null, { kind: 'earned', hours: 2.5, late: 29, early: 0 }],
    ['30 minutes late', '14:30', null, { kind: 'none', why: { key: 'late', minutes: 30 } }],
    ['leaving 40 minutes early', '14:00', '15:50', { kind: 'none', why: { key: 'early', minutes: 40 } }],
    ['15 late and 15 early', '14:15', '16:15', { kind: 'none', why: { key: 'lateAndEarly', late: 15, early: 15 } }],
    ['10 late and 10 early', '14:10', '16:20', { kind: 'earned', hours: 2.5, late: 10, early: 10 }],
  ])('%s', (_, checkIn, checkOut, outcome) => {
    expect(judge(checkIn, checkOut)).toEqual(outcome)
  })

  it('a day-only session has no clock to be late by', () => {
    expect(judgeAttendance(dayOnly, { checkInAt: new Date('2026-11-25T08:00:00Z'), checkOutAt: null }, null, rules)).toEqual({ kind: 'earned', hours: null, late: 0, early: 0 })
  })

  it('follows the district\'s share', () => {
    const lax = judgeAttendance(session, { checkInAt: at('14:30'), checkOutAt: null }, 2.5, { missShare: 0.25 })
    expect(lax.kind).toBe('earned')
  })
})

describe('totals and the school year', () => {
  it('adds per level, leaving out none and counting what is not set', () => {
    const earned = (h: number | null) => ({ kind: 'earned' as const, hours: h, late: 0, early: 0 })
    expect(totalsOf([
      { level: 'district', earned: 2.5, outcome: earned(2.5) },
      { level: 'county', earned: 5, outcome: earned(2.5) },
      { level: 'district', earned: 0, outcome: { kind: 'none', why: { key: 'absent' } } },
      { level: 'school', earned: null, outcome: earned(null) },
      { level: 'district', earned: 0.1, outcome: earned(0.1) },
      { level: 'district', earned: 0.2, outcome: earned(0.2) },
    ])).toEqual({ total: 7.8, byLevel: { district: 2.8, county: 5 }, unset: 1 })
  })

  it('runs from 9月1日 to 8月31日', () => {
    expect(schoolYearOf('2026-11-25')).toEqual({ from: '2026-09-01', to: '2027-08-31', startYear: 2026 })
    expect(schoolYearOf('2027-03-02')).toEqual({ from: '2026-09-01', to: '2027-08-31', startYear: 2026 })
    expect(schoolYearOf('2027-09-01').startYear).toBe(2027)
  })
})

describe('one session at a time', () => {
  const t = (hm: string) => new Date(`2026-11-25T${hm}:00+08:00`).getTime()
  it('voids the later of two sessions attended at once, by the district\'s share; a short overlap (changing rooms) is no clash', () => {
    const spans = [
      { from: t('14:00'), to: t('16:30'), minutes: 150, activityId: 1 },
      { from: t('15:05'), to: t('16:00'), minutes: 60, activityId: 2 },
      { from: t('16:20'), to: t('17:30'), minutes: 70, activityId: 3 },
    ]
    expect([...overlapping(spans, 0.2)]).toEqual([[1, 1]])
  })
  it('the span is from check-in (or the start) to check-out (or the end), within the session', () => {
    const session = { startAt: new Date(t('14:00')), endAt: new Date(t('16:30')), timed: true }
    expect(attendedSpan(session, { checkInAt: new Date(t('13:40')), checkOutAt: null })).toEqual({ from: t('14:00'), to: t('16:30') })
    expect(attendedSpan(session, { checkInAt: new Date(t('14:20')), checkOutAt: new Date(t('15:00')) })).toEqual({ from: t('14:20'), to: t('15:00') })
    expect(attendedSpan({ ...session, timed: false }, { checkInAt: null, checkOutAt: null })).toBeNull()
  })
})
