import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

/**
 * What a clerk found in a trial of /改期 and /取消, in her own words. On
 * 2026-11-10 (a Tuesday of week 11): #1 每周一 13:30 at 育秀实验学校 (11月16日 to
 * 2027年1月18日, 10 sessions), #2 每周三 13:30 (11月11日 to 2027年1月20日, 11 sessions).
 */
let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-10T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 每周一下午 常态化联合教研 语文 @育秀实验学校')
  await h.say('/排期 每周三下午 读书沙龙')
  await h.say('/报名 1', { as: '王芳' })
  await h.say('/报名 2', { as: '李明' })
  h.sent.length = 0
})
afterEach(() => h.close())

const dates = async (activityId: number) =>
  (await h.app.db.occurrence.findMany({ where: { activityId, skipReason: null }, orderBy: { startAt: 'asc' } })).map((o) => o.date)
const status = async (id: number) => (await h.app.db.activity.findUniqueOrThrow({ where: { id } })).status
/** The commands a reply gives as examples ("例如：/改期 …", "：/取消 …"), one a line. */
const examples = (reply: string) => [...reply.matchAll(/(\/(?:改期|取消|恢复|确认) [^\n，。]+)/g)].map((m) => m[1]!.trim())

describe('/改期 warns as /排期 does, and still moves', () => {
  it('a session moved to a Saturday by 提前两天', async () => {
    const [reply] = await h.say('/改期 1 第13周周一 提前两天')
    expect(reply).toBe([
      '#1「常态化联合教研」调整一次：', '原定：11月23日(周一) 13:30 (第13周)', '改为：11月21日(周六) 13:30 (第12周)',
      '注意：11月21日(周六)是周末。', '其余各次不变。',
    ].join('\n'))
    expect(await dates(1)).toContain('2026-11-21')
  })

  it('a session moved to a Sunday, a closed day, or where another activity is at the same time and place', async () => {
    expect((await h.say('/改期 1 12月7日 改到 12月6日'))[0]).toContain('改为：12月6日(周日) 13:30 (第14周)\n注意：12月6日(周日)是周末。')
    await h.say('/放假 2026-11-18 校运会')
    expect((await h.say('/改期 1 11月16日 改到 11月18日'))[0]).toContain('注意：这一天是校运会假期。')
    await h.say('/排期 12月1日 14:00 名师讲堂 @育秀实验学校')
    expect((await h.say('/改期 1 11月30日 改到 12月1日下午'))[0]).toContain('注意：12月1日(周二)同一地点已有 #3「名师讲堂」，时间有重叠。')
    expect(await dates(1)).toEqual(expect.arrayContaining(['2026-12-06', '2026-11-18', '2026-12-01']))
  })

  it('a one-off moved whole to a weekend, and a series moved whole beside another of its name', async () => {
    await h.say('/排期 12月3日下午 名师讲堂')
    expect((await h.say('/改期 3 12月5日下午'))[0]).toContain('时间：12月5日(周六) 13:30 (第14周)')
    expect((await h.say('/改期 3 推迟一周'))[0]).toContain('注意：12月12日(周六)是周末。')
    await h.say('/排期 11月24日下午 常态化联合教研')
    const [reply] = await h.say('/改期 1 每周二下午')
    expect(reply).toContain('注意：11月24日(周二)已有同名的 #4「常态化联合教研」，是不是重复了？')
    // Moving is not told to /取消 itself as a duplicate.
    expect(reply).not.toContain('/取消 1')
  })
})

describe('/取消 of a whole series asks first', () => {
  it('says how many sessions and sign-ups, that 停一次 sounds like once, and the one-session form; nothing changes', async () => {
    const { sent } = await h.send('/取消 2 区里统一安排停一次')
    expect(sent.map((m) => m.text)).toEqual([[
      '#2「读书沙龙」是例行活动，接下来还有 11 次（下一次：11月11日(周三) 13:30），已有 1 人报名。还没有取消。',
      '原因里写了「停一次」：如果只停下一次，请发送：/取消 2 11月11日 区里统一安排停一次',
      '确实要取消整个活动（全部 11 次，通知已报名的 1 人），请在30分钟内发送：/确认 取消 2',
    ].join('\n')])
    expect(sent[0]!.mentions ?? []).toEqual([])
    expect(await status(2)).toBe('scheduled')
    expect(await dates(2)).toHaveLength(11)
  })

  it.each(['这次区里开会', '本次暂停', '本周停', '暂停一次'])('reads「%s」as once too', async (reason) => {
    expect((await h.say(`/取消 2 ${reason}`))[0]).toContain('：如果只停下一次，请发送：/取消 2 11月11日')
  })

  it('without such words, shows how to cancel one session', async () => {
    expect((await h.say('/取消 2 专家临时有事'))[0]).toContain('只取消某一次请写日期，例如：/取消 2 11月11日\n')
  })

  it('/确认 取消 2 cancels it and tells those signed up', async () => {
    await h.say('/取消 2 区里统一安排停一次')
    const { sent } = await h.send('/确认 取消 2')
    expect(sent.map((m) => m.text)).toEqual(['#2「读书沙龙」（每周三 13:30，共 11 次，11月11日(周三)—2027年1月20日(周三)）已取消，原因：区里统一安排停一次。'])
    expect(sent[0]!.mentions?.map((p) => p.name)).toEqual(['李明'])
    expect(await status(2)).toBe('cancelled')
    // Once done, nothing waits.
    expect(await h.say('/确认 取消 2')).toEqual(['没有等待确认的取消。取消整个活动请先发送 /取消 编号 原因，例如：/取消 12 专家临时有事'])
  })

  it('the one-session form suggested cancels that session only, and the question is closed', async () => {
    const [ask] = await h.say('/取消 2 区里统一安排停一次')
    const [once] = examples(ask!.split('\n')[1]!)
    expect((await h.say(once!))[0]).toBe('#2「读书沙龙」11月11日(周三) 13:30 这次取消，原因：区里统一安排停一次。其余各次照常。')
    expect(await h.say('/确认 取消 2')).toEqual(['没有等待确认的取消。取消整个活动请先发送 /取消 编号 原因，例如：/取消 12 专家临时有事'])
    expect(await status(2)).toBe('scheduled')
    expect(await dates(2)).toHaveLength(10)
  })

  it('is confirmed only by who asked, within 30 minutes, for the activity asked about', async () => {
    await h.say('/授权 @赵丽 组织者', { mentions: [{ id: '赵丽', name: '赵丽' }] })
    await h.say('/取消 2 专家临时有事')
    expect(await h.say('/确认 取消 1')).toEqual(['等待确认的是取消 #2。确实要取消请发送：/确认 取消 2'])
    expect(await h.say('/确认 取消 2', { as: '赵丽' })).toEqual(['没有等待确认的取消。取消整个活动请先发送 /取消 编号 原因，例如：/取消 12 专家临时有事'])
    h.setNow('2026-11-10T09:31:00+08:00')
    expect((await h.say('/确认 取消 2'))[0]).toContain('没有等待确认的取消')
    expect(await status(2)).toBe('scheduled')
  })

  it('/确认 alone never cancels a whole series: it asks for the number, and still confirms a 补登记', async () => {
    await h.say('/取消 2 专家临时有事')
    expect(await h.say('/确认')).toEqual(['取消整个活动要写明编号，没有改动。确实要取消请发送：/确认 取消 2'])
    expect(await status(2)).toBe('scheduled')
    await h.say('/排期 10月20日下午 教学视导（补登记）')
    expect((await h.say('/确认'))[0]).toContain('已补登记 #3「教学视导（补登记）」')
    expect((await h.say('/确认 取消 2'))[0]).toContain('#2「读书沙龙」（每周三 13:30，共 11 次，11月11日(周三)—2027年1月20日(周三)）已取消')
  })

  it('cancels at once a series with one session left, and a one-off', async () => {
    h.setNow('2026-11-01T09:00:00+08:00')
    await h.say('/排期 每周五下午 期中复习 至 11月14日')
    await h.say('/排期 12月3日下午 名师讲堂')
    h.setNow('2026-11-10T09:00:00+08:00')
    expect((await h.say('/取消 3 停一次'))[0]).toContain('已取消，原因：停一次。')
    expect((await h.say('/取消 4'))[0]).toContain('已取消')
    expect([await status(3), await status(4)]).toEqual(['cancelled', 'cancelled'])
  })
})

describe('顺延到下周三 is read from the session when today would put it earlier', () => {
  it('/改期 1 第15周周一 顺延到下周三 is the Wednesday of the week after 12月7日', async () => {
    const [reply] = await h.say('/改期 1 第15周周一 顺延到下周三')
    expect(reply).toContain('原定：12月7日(周一) 13:30 (第15周)\n改为：12月16日(周三) 13:30 (第16周)\n「下周三」从原定的12月7日(周一)算起。')
  })

  it('the next session, in the week after today, is moved to next week\'s Wednesday', async () => {
    expect((await h.say('/改期 1 顺延到下周三'))[0]).toContain('改为：11月18日(周三) 13:30 (第12周)\n其余各次不变。')
  })

  it('改到 下周三 is next week\'s Wednesday, read from today', async () => {
    expect((await h.say('/改期 1 第15周周一 改到 下周三'))[0]).toContain('原定：12月7日(周一) 13:30 (第15周)\n改为：11月18日(周三) 13:30 (第12周)')
  })
})

describe('推迟一周 onto the next session says what to do instead', () => {
  it('with commands built from the data, each of which works', async () => {
    const [reply] = await h.say('/改期 1 11月23日 推迟一周')
    expect(reply).toBe([
      '11月30日(周一)已经有这项活动的一次了，没有改动。可以：',
      '只取消11月23日这一次：/取消 1 11月23日',
      '或改到别的日子：/改期 1 11月23日 改到 11月24日下午',
    ].join('\n'))
    expect(await dates(1)).toContain('2026-11-23')
    const [cancelOne, moveOne] = examples(reply!)
    expect((await h.say(moveOne!))[0]).toContain('改为：11月24日(周二) 13:30 (第13周)')
    expect((await h.say(cancelOne!))[0]).toContain('11月24日(周二) 13:30 这次取消')
  })
})

describe('a cancelled session moved is held on its new day', () => {
  it('says so and tells those signed up; the new day is reminded', async () => {
    await h.say('/取消 1 11月16日')
    const { sent } = await h.send('/改期 1 11月16日 改到 11月17日下午')
    expect(sent.map((m) => m.text)).toEqual([
      ['#1「常态化联合教研」调整一次：', '11月16日这次原已取消，现改到11月17日(周二) 13:30 照常举行。', '其余各次不变。'].join('\n'),
    ])
    expect(sent[0]!.mentions?.map((p) => p.name)).toEqual(['王芳'])
    const row = await h.app.db.occurrence.findFirstOrThrow({ where: { activityId: 1, date: '2026-11-17' } })
    expect(row).toMatchObject({ cancelled: false, skipReason: null, movedFrom: '2026-11-16' })
    h.setNow('2026-11-16T16:00:00+08:00')
    await h.tick()
    expect(h.sent.at(-1)!.text).toContain('明天 11月17日(周二) 13:30')
  })

  it('/取消 of a session already cancelled says how to hold it on another day', async () => {
    await h.say('/取消 1 11月16日')
    expect(await h.say('/取消 1 11月16日')).toEqual([
      '#1 11月16日这一次已经取消了。恢复请发送：/恢复 1 11月16日\n改到别的日子照常举行：/改期 1 11月16日 改到 11月17日下午',
    ])
  })
})

describe('an example in a refusal is a command that works, never the words refused', () => {
  it('/改期 2 第25周 says the term has 21 weeks', async () => {
    expect(await h.say('/改期 2 第25周')).toEqual([
      '这个学期只有 21 周，没有第25周，没有改动。#2 是例行活动：\n改某一次：/改期 2 11月11日 改到 11月12日下午\n整个改成别的时间：/改期 2 每周四下午',
    ])
  })

  it('/改期 2 10月19日（周二） says 10月19日 is a Monday', async () => {
    expect((await h.say('/改期 2 10月19日（周二）'))[0]).toMatch(/^10月19日是周一，不是周二，没有改动。/)
    expect((await h.say('/改期 1 11月23日（周二） 改到 11月24日'))[0]).toBe(
      '「11月23日(周二)」日期和星期对不上：11月23日是周一，不是周二，没有改动任何活动。请核对日期，例如：/改期 1 11月23日 改到 11月24日下午',
    )
  })

  it.each([
    '/改期 2 第25周', '/改期 2 10月19日（周二）', '/改期 2 11月31日', '/改期 1 11月31日 改到 11月20日', '/改期 1 第25周周一 推迟一周',
    '/改期 1 11月17日 改到 11月18日', '/改期 1 11月30日 顺延到 11月20日', '/改期 1 11月16日 改到 每周五', '/改期 1 11月16日 改到 周八',
    '/改期 1 11月16日 改到 11月9日', '/取消 1 11月17日', '/取消 1 第25周周一', '/改期 2 12月10日下午',
  ])('%s', async (command) => {
    const [reply] = await h.say(command)
    const [example] = examples(reply!)
    expect(example).toBeDefined()
    const [done] = await h.say(example!)
    expect(done).toMatch(/调整一次|已改期|这次取消|还没有取消/)
  })
})
