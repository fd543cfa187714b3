import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindAsAdmin, createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'

/**
 * One district, three groups (the console group, a WeChat room, a Lark
 * group), a whole autumn term ticked every 30 minutes from 07:00 to 21:30
 * on a fake clock: every digest and reminder comes once, at its time, in order.
 */
describe('a full semester of reminders', () => {
  let h: Harness
  const wechat: SayOptions = { platform: 'wechat', chat: 'wx-room', title: '育秀语文群' }
  const lark: SayOptions = { platform: 'lark', chat: 'oc_group', title: '育秀飞书群' }
  const log: { at: string; chat: string; text: string; mentions: string[] }[] = []

  const bind = (where: SayOptions, as: string) => bindAsAdmin(h, where, as)

  beforeAll(async () => {
    h = await createHarness('2026-09-01T09:00:00+08:00')
    await h.say('/学期 2026-09-01 2027-01-22 第一学期')
    await bind(wechat, '张主任')
    await bind(lark, '赵主任')
    // Even-week Mondays at 13:30 in the console group; 国庆 pauses week 6.
    await h.say('/排期 双周一下午 常态化联合教研 语文')
    // One lecture scheduled in the WeChat room, signed up for from WeChat and from Lark.
    await h.say('/排期 12月3日 13:30-16:00 名师讲堂 名额2', { ...wechat, as: '张主任', id: 'wechat-张主任' })
    await h.say('/报名 2', { ...wechat, as: '李明', id: 'wx-liming' })
    await h.say('/报名 2', { ...lark, as: '王芳', id: 'ou_wangfang' })
    h.sent.length = 0
    const start = Date.parse('2026-09-01T09:30:00+08:00')
    const end = Date.parse('2027-01-24T21:30:00+08:00')
    for (let t = start; t <= end; t += 30 * 60_000) {
      const local = new Date(t + 8 * 3600_000).toISOString().slice(11, 16)
      if (local < '07:00' || local > '21:30') continue
      h.setNow(new Date(t).toISOString())
      const before = h.sent.length
      await h.tick()
      for (const m of h.sent.slice(before)) {
        log.push({ at: new Date(t + 8 * 3600_000).toISOString().slice(0, 16), chat: m.chat.chatId, text: m.text, mentions: (m.mentions ?? []).map((p) => p.name) })
      }
    }
  }, 120_000)
  afterAll(() => h.close())

  const evenMondays = ['2026-09-07', '2026-09-21', '2026-10-19', '2026-11-02', '2026-11-16', '2026-11-30', '2026-12-14', '2026-12-28', '2027-01-11']
  const prevDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

  it('sends exactly the expected messages, each once, in time order', () => {
    const expected: [string, string, string][] = []
    // Digests: every week with something on, to each of the three groups; none on 国庆's Monday, when only a paused session falls in the week.
    for (const monday of evenMondays) {
      for (const chat of ['console', 'wx-room', 'oc_group']) expected.push([`${monday}T07:30`, chat, '【本周'])
    }
    for (const monday of evenMondays) {
      expected.push([`${prevDay(monday)}T16:00`, 'console', '【活动提醒】#1「常态化联合教研」明天'])
      expected.push([`${monday}T12:30`, 'console', '【活动提醒】#1「常态化联合教研」13:30 开始（还有1小时）'])
    }
    for (const chat of ['wx-room', 'oc_group']) {
      expected.push(['2026-12-02T16:00', chat, '【活动提醒】#2「名师讲堂」明天'])
      expected.push(['2026-12-03T12:30', chat, '【活动提醒】#2「名师讲堂」13:30-16:00 开始（还有1小时）'])
    }
    const key = (x: [string, string, string]) => x.join('|')
    const actual = log.map((m) => [m.at, m.chat, expected.find((e) => e[0] === m.at && e[1] === m.chat && m.text.startsWith(e[2]))?.[2] ?? m.text] as [string, string, string])
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort())
    expect(log.map((m) => m.at)).toEqual([...log.map((m) => m.at)].sort())
    expect(new Set(log.map((m) => `${m.at}|${m.chat}|${m.text}`)).size).toBe(log.length)
  })

  it('posts nothing on the holiday: no digest on the 国庆 Monday with only a paused session in the week, no reminder for the paused session', () => {
    expect(log.filter((m) => m.at >= '2026-10-01' && m.at < '2026-10-08')).toEqual([])
  })

  it('@mentions those signed up in the group they signed up in, and lists places left', () => {
    const wx = log.find((m) => m.at === '2026-12-03T12:30' && m.chat === 'wx-room')!
    const lk = log.find((m) => m.at === '2026-12-03T12:30' && m.chat === 'oc_group')!
    expect(wx.mentions).toEqual(['李明'])
    expect(lk.mentions).toEqual(['王芳'])
    expect(wx.text).toContain('已报名 2 人，请准时参加；不能参加请发送 /取消报名 2')
    const digest = log.find((m) => m.at === '2026-11-30T07:30' && m.chat === 'oc_group')!
    expect(digest.text).toContain('#2 12月3日(周四) 13:30-16:00 名师讲堂 · 名额已满（可候补）')
    expect(digest.text).toContain('报名：发送 /报名 编号')
  })
})
