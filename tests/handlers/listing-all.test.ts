import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { texts } from '../../src/core/texts/index.ts'
import { MESSAGE_CHARS, MESSAGE_LINES } from '../../handlers/list-pages.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'

/**
 * A clerk who imported a 行事历 with dozens of 日期待定 activities asks for a
 * month, a week, the term or the undated ones: she gets every one, its number
 * first, in a few phone-sized messages, so she can set each date.
 *
 * Term: 2026-09-01 to 2027-01-22 (21 weeks); 第14周 is 11月30日-12月6日,
 * 第21周 is 1月18日-24日.
 */
let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

const ids = (messages: string[]) => messages.flatMap((m) => m.split('\n')).filter((l) => /^#\d+ /.test(l)).map((l) => Number(/^#(\d+)/.exec(l)![1]))
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

/** Each message of a listing is phone-sized, and all but the last say another follows. */
function expectPaged(messages: string[]): void {
  messages.forEach((m, i) => {
    const lines = m.split('\n')
    expect(lines.length).toBeLessThanOrEqual(MESSAGE_LINES)
    expect(m.length).toBeLessThanOrEqual(MESSAGE_CHARS)
    expect(lines.at(-1) === texts.list.continued).toBe(i < messages.length - 1)
  })
}

describe('a 行事历 with 32 activities still to be dated', () => {
  beforeEach(async () => {
    // #1-#16 in 第14周, #17-#32 in 12月, #33-#38 dated in December.
    for (let n = 1; n <= 16; n++) await h.say(`/排期 第14周 学科带头人展示课${n}`)
    for (let n = 1; n <= 16; n++) await h.say(`/排期 12月 主题式联合教研${n}`)
    for (const day of [1, 2, 3, 8, 9, 10]) await h.say(`/排期 12月${day}日下午 联合教研${day}`)
  }, 60_000)

  it('/活动 12月 lists every one of them, dated and undated, split into messages of at most 40 lines', async () => {
    const december = await h.say('/活动 12月')
    expect(december.length).toBeGreaterThan(1)
    expectPaged(december)
    expect(december[0]!.split('\n')[0]).toBe('【12月的活动】')
    expect(ids(december).sort((a, b) => a - b)).toEqual(range(1, 38))
    expect(december.join('\n')).not.toContain('还有')
    expect(december.join('\n')).toContain('#17 12月（12月1日-31日，日期待定） 主题式联合教研1')
  })

  it('/活动 第14周 and /活动 全部 list every undated one too', async () => {
    const week = await h.say('/活动 第14周')
    expectPaged(week)
    expect(week[0]!.split('\n')[0]).toBe('【第14周】11月30日-12月6日')
    // The week's own 16, the month's 16 (12月 meets 第14周) and the three dated that week.
    expect(ids(week).sort((a, b) => a - b)).toEqual([...range(1, 32), 33, 34, 35])
    const term = await h.say('/活动 全部')
    expectPaged(term)
    expect(ids(term).sort((a, b) => a - b)).toEqual(range(1, 38))
  })

  it('/活动 待定 (also 日期待定, 未定) lists every undated one with its span, number first', async () => {
    const pending = await h.say('/活动 待定')
    expectPaged(pending)
    expect(pending[0]!.split('\n')[0]).toBe('【日期待定的活动】共 32 项。定下日期请发送 /改期 编号 日期，例如：/改期 1 11月30日下午')
    expect(ids(pending)).toEqual(range(1, 32))
    expect(pending.join('\n')).toContain('#1 第14周（11月30日-12月4日，日期待定） 学科带头人展示课1')
    expect(await h.say('/活动 日期待定')).toEqual(pending)
    expect(await h.say('/活动 未定')).toEqual(pending)
  })

  it('the default /活动 stays short and says how to see every undated one', async () => {
    const [list] = await h.say('/活动')
    expect(list!.split('\n').filter((l) => l.includes('日期待定）'))).toHaveLength(5)
    expect(list!.split('\n').at(-1)).toBe('日期待定共 32 项，全部列出请发送 /活动 待定')
  })
})

describe('/活动 待定', () => {
  it('marks one whose window has passed without a date, and says when there is none', async () => {
    expect(await h.say('/活动 待定')).toEqual([texts.list.pendingNone])
    await h.say('/排期 9月中旬 教学视导')
    await h.say('/排期 11月中旬 展示课')
    h.setNow('2026-10-08T09:00:00+08:00')
    const [pending] = await h.say('/活动 待定')
    expect(pending!.split('\n').slice(1)).toEqual([
      '#1 9月中旬（9月11日-20日，日期待定） 教学视导（时间已过，请改期或取消）',
      '#2 11月中旬（11月11日-20日，日期待定） 展示课',
    ])
    // The look-ahead lists only the one still ahead, and says where the other is.
    expect((await h.say('/活动'))[0]!.split('\n').at(-1)).toBe('日期待定共 2 项，全部列出请发送 /活动 待定')
  })
})

describe('months and weeks as a clerk writes them', () => {
  it.each([['2027年1月'], ['1月'], ['元月'], ['2027-01'], ['一月份']])('/活动 %s is January 2027', async (words) => {
    await h.say('/排期 2027年1月14日下午 总结会')
    const [january] = await h.say(`/活动 ${words}`)
    expect(january!.split('\n')[0]).toBe('【2027年1月的活动】')
    expect(january).toContain('总结会')
  })

  it('/活动 十二月 is December', async () => {
    await h.say('/排期 12月3日下午 名师讲堂')
    expect((await h.say('/活动 十二月'))[0]).toContain('【12月的活动】')
  })

  it('/活动 第21周 has its week header, also when only undated ones fall in it', async () => {
    await h.say('/排期 2027年1月 期末总结')
    expect(await h.say('/活动 第21周')).toEqual(['【第21周】1月18日-24日\n【日期待定】\n#1 2027年1月（2027年1月1日-31日，日期待定） 期末总结'])
    await h.say('/排期 2027年1月19日下午 总结会')
    expect((await h.say('/活动 第21周'))[0]!.split('\n').slice(0, 2)).toEqual(['【第21周】1月18日-24日', '#2 2027年1月19日(周二) 13:30 总结会'])
  })
})
