import { describe, expect, it } from 'vitest'
import type { CalendarEnv } from '../../src/calendar/resolve-when.ts'
import { readMove, readNamedDay } from '../../handlers/session-args.ts'

const env: CalendarEnv = {
  today: '2026-11-10', nowTime: '09:00',
  semesters: [{ name: '第一学期', startDate: '2026-09-01', endDate: '2027-01-22' }],
  defaults: { morning: '09:00', afternoon: '13:30', evening: '19:00' },
  closedOn: () => null,
}
const words = (text: string) => text.split(' ')

describe('readMove: how clerks write a move of one session', () => {
  it.each([
    ['推迟一周', { kind: 'shift', session: [], days: 7 }],
    ['推迟1周', { kind: 'shift', session: [], days: 7 }],
    ['推迟两周', { kind: 'shift', session: [], days: 14 }],
    ['延后一个星期', { kind: 'shift', session: [], days: 7 }],
    ['顺延一周', { kind: 'shift', session: [], days: 7 }],
    ['推迟三天', { kind: 'shift', session: [], days: 3 }],
    ['提前一天', { kind: 'shift', session: [], days: -1 }],
    ['11月16日 推迟一周', { kind: 'shift', session: ['11月16日'], days: 7 }],
    ['11月16日推迟一周', { kind: 'shift', session: ['11月16日'], days: 7 }],
    ['第12周周一 推迟一周', { kind: 'shift', session: ['第12周周一'], days: 7 }],
    ['顺延到下周三', { kind: 'to', session: [], to: '下周三', later: true }],
    ['顺延至下周三下午', { kind: 'to', session: [], to: '下周三下午', later: true }],
    ['推迟到12月1日', { kind: 'to', session: [], to: '12月1日', later: true }],
    ['延期至12月1日', { kind: 'to', session: [], to: '12月1日', later: true }],
    ['11月16日 改到 11月17日下午', { kind: 'to', session: ['11月16日'], to: '11月17日下午' }],
    ['11月16日改到11月17日下午', { kind: 'to', session: ['11月16日'], to: '11月17日下午' }],
    ['11月16日 调整为 11月17日 14:00-16:00', { kind: 'to', session: ['11月16日'], to: '11月17日 14:00-16:00' }],
    ['10月5日 改为 10月8日下午', { kind: 'to', session: ['10月5日'], to: '10月8日下午' }],
    ['11-16 挪到 11-17', { kind: 'to', session: ['11-16'], to: '11-17' }],
    ['第5周周三下午', { kind: 'whole', to: '第5周周三下午' }],
    ['12月10日 14:00-16:00', { kind: 'whole', to: '12月10日 14:00-16:00' }],
  ])('%s', (text, expected) => {
    expect(readMove(words(text))).toEqual(expected)
  })
})

describe('readNamedDay: a session named any way the time reader reads one day', () => {
  it.each([
    ['11月16日', '2026-11-16'],
    ['第12周周一', '2026-11-16'],
    ['11-16', '2026-11-16'],
    ['11.16', '2026-11-16'],
    ['2026-11-16', '2026-11-16'],
    ['11月16日(周一)', '2026-11-16'],
    ['下周一', '2026-11-16'],
    ['10月5日', '2026-10-05'],
    ['第6周周一', '2026-10-05'],
  ])('%s is %s', (text, date) => {
    expect(readNamedDay([text, '与主题式联合教研冲突'], env)).toMatchObject({ date, taken: 1 })
  })

  it.each(['专家临时有事', '每周一', '双周一下午', '11月中旬'])('%s names no single day', (text) => {
    expect(readNamedDay([text], env)).toBeNull()
  })
})
