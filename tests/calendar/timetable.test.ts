import { describe, expect, it } from 'vitest'
import { periodStart, readTimetable } from '../../src/calendar/timetable.ts'

describe('/设置 作息: reading a district timetable', () => {
  it.each([
    ['第1节 8:00 第2节 8:55 放学后 15:40', { periods: { '1': '08:00', '2': '08:55' }, afterSchool: '15:40' }],
    ['第一节 8:00 第二节 8:55', { periods: { '1': '08:00', '2': '08:55' } }],
    ['第1节8:00-8:40 第2节8:55-9:35', { periods: { '1': '08:00', '2': '08:55' } }],
    ['上午 第1节 8:00，第2节 8:55；下午 第5节 13:00 放学 15:40', { periods: { '1': '08:00', '2': '08:55', '5': '13:00' }, afterSchool: '15:40' }],
    ['１节　８：００', { periods: { '1': '08:00' } }],
  ])('%s', (text, expected) => expect(readTimetable(text.split(' '))).toEqual(expected))

  it.each(['第一节八点', '第1节 25:00', '8:00 8:55', '第13节 8:00', '第1节 8:00 午餐'])('refuses %s', (text) => {
    expect(readTimetable(text.split(' '))).toBeNull()
  })

  const timetable = { periods: { '1': '08:00', '2': '08:55', '3': '10:00', '4': '10:55', '5': '13:00', '6': '13:50', '7': '14:40' }, afterSchool: '16:20' }
  it.each([
    [[3], undefined, { start: '10:00' }],
    [[1], 'afternoon', { start: '13:00' }],
    [[2], 'afternoon', { start: '13:50' }],
    [[7, 8], 'afternoon', { start: '14:40' }],
    [[5], 'afternoon', { start: '13:00' }],
    [[4], 'afternoon', { missing: 'period', period: 4 }],
    [[9], undefined, { missing: 'period', period: 9 }],
  ] as const)('period %j in part %s', (periods, part, expected) => {
    expect(periodStart([...periods], part, timetable)).toEqual(expected)
  })

  it('asks for the timetable when none is set', () => expect(periodStart([1], undefined, undefined)).toEqual({ missing: 'timetable' }))
})
