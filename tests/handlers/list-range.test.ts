import { describe, expect, it } from 'vitest'
import { readListRange } from '../../handlers/list-range.ts'

const term = [{ name: '第一学期', startDate: '2026-09-01', endDate: '2027-01-22' }]
const read = (words: string, today = '2026-09-01') => readListRange(words, today, term)

describe('readListRange', () => {
  it.each([
    ['12月', '2026-12-01', '2026-12-31'],
    ['十二月', '2026-12-01', '2026-12-31'],
    ['12月份的活动', '2026-12-01', '2026-12-31'],
    ['1月', '2027-01-01', '2027-01-31'],
    ['元月', '2027-01-01', '2027-01-31'],
    ['2027年1月', '2027-01-01', '2027-01-31'],
    ['2027年元月', '2027-01-01', '2027-01-31'],
    ['2027-1', '2027-01-01', '2027-01-31'],
    ['2026年9月', '2026-09-01', '2026-09-30'],
  ])('reads %s as a month', (words, from, to) => {
    expect(read(words)).toMatchObject({ kind: 'month', from, to })
  })

  it.each([['待定'], ['日期待定'], ['未定'], ['日期未定'], ['时间待定'], ['待定的活动']])('reads %s as the undated ones', (words) => {
    expect(read(words)).toEqual({ kind: 'pending' })
  })

  it('reads weeks of the term, this week and next week', () => {
    expect(read('第21周')).toEqual({ kind: 'week', from: '2027-01-18', to: '2027-01-24', week: 21 })
    expect(read('下周', '2026-11-25')).toEqual({ kind: 'week', from: '2026-11-30', to: '2026-12-06' })
  })

  it.each([['13月'], ['2027年13月'], ['第22周'], ['12'], ['待定12']])('takes %s for no range', (words) => {
    expect(read(words)).toBeNull()
  })
})
