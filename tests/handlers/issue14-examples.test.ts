import { afterEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

/**
 * Every example the clerk's trial found wrong (issue 14, observed on 2ccde02),
 * replayed through the chat as the clerk wrote it. This file uses only what
 * the harness and the schema already had at 2ccde02 (say, send, tick, setNow,
 * the Activity and Occurrence rows), so it runs there too and fails: each case
 * checks the behaviour the issue asks for, not the wording of a reply.
 *
 * Term 2026-09-01 (a Tuesday) to 2027-01-22: week N's Monday is 8月31日 + 7(N-1)
 * days; 国庆 10月1日-7日 and 中秋 9月25日-27日 are holidays.
 */
let h: Harness
afterEach(() => h?.close())

async function term(now = '2026-09-01T08:00:00+08:00'): Promise<Harness> {
  h = await createHarness(now)
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  return h
}

const clock = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16)

/** One activity as saved: title | place | subject | dates (停 where paused, 消 where cancelled) time | pending span. */
async function saved(id: number): Promise<string> {
  const a = await h.app.db.activity.findUniqueOrThrow({ where: { id }, include: { occurrences: { orderBy: { startAt: 'asc' } } } })
  const held = a.occurrences.map((o) => `${o.date}${(o as { cancelled?: boolean }).cancelled ? '消' : o.skipReason ? '停' : ''}`).join(',')
  const first = a.occurrences[0]
  const time = first && first.timed ? clock(first.startAt) : '未定时'
  return [a.title, a.place ?? '', a.subject ?? '', `${held} ${time}`, a.pendingFrom ? `待定${a.pendingFrom}~${a.pendingTo}` : ''].join(' | ')
}

async function importText(text: string, name = '行事历.txt'): Promise<string> {
  await h.say('', { file: { name, bytes: Buffer.from(text) } })
  const [preview] = await h.say('/导入')
  await h.say('/导入 确认')
  return preview!
}

describe('§1 the 行事历 import reads real plans', () => {
  it.each([
    ['1、校长书记、教导主任会议   9月2日下午   育秀实验学校', '校长书记、教导主任会议 | 育秀实验学校 |  | 2026-09-02 13:30 | '],
    ['2、第4周周一下午   主题式联合教研活动', '主题式联合教研活动 |  |  | 2026-09-21 13:30 | '],
    ['3、强校工程推进专题研讨   第10周周三下午3点半', '强校工程推进专题研讨 |  |  | 2026-11-04 15:30 | '],
    ['4、10月12日下午   新秀杯教学评优', '新秀杯教学评优 |  |  | 2026-10-12 13:30 | '],
  ])("under 9月： the line's own time wins: %s", async (line, expected) => {
    await term()
    await importText(`9月：\n${line}`)
    expect(await saved(1)).toBe(expected)
  })

  it('双周一下午 （活动内容单周提前公示） is a series with 提前公示 1周, and （教龄1-8年） a rule', async () => {
    await term()
    await importText('9月：\n常态化联合教研   双周一下午   （活动内容单周提前公示）\n新秀杯教学评优（教龄1-8年） 10月12日下午')
    expect(await saved(1)).toMatch(/^常态化联合教研 \|  \|  \| 2026-09-07,2026-09-21,2026-10-05停,2026-10-19,.*,2027-01-11 13:30 \| $/)
    const [series, rule] = await h.app.db.activity.findMany({ orderBy: { id: 'asc' } })
    expect(series!.noticeWeeks).toBe(1)
    expect([rule!.title, rule!.minYears, rule!.maxYears]).toEqual(['新秀杯教学评优', 1, 8])
  })

  it('a table with a header row under a title row is read by its columns; a row that yields nothing says why', async () => {
    await term()
    const preview = await importText(
      ['育秀教育集团2026学年第一学期教研安排', '活动内容,周次,日期,承办学校,学科,备注', '主题式联合教研,第4周,9月21日下午,育秀实验学校,语文,', ',,,,,（空）', '学科带头人展示课,第10周,,西渡学校,数学,'].join('\n'),
      '教研安排.csv',
    )
    expect(preview).toContain('将创建 2 项活动')
    expect(preview).toContain('第4行「（空）」：只有备注')
    expect(await saved(1)).toBe('主题式联合教研 | 育秀实验学校 | 语文 | 2026-09-21 13:30 | ')
    expect(await saved(2)).toBe('学科带头人展示课 | 西渡学校 | 数学 |  未定时 | 待定2026-11-02~2026-11-06')
  })
})

describe('§2 one session of a series, and undoing a mistake', () => {
  async function series(): Promise<void> {
    await term()
    await h.say('/排期 双周一下午 常态化联合教研')
    await h.say('/报名 1', { as: '王芳' })
    h.setNow('2026-11-10T09:00:00+08:00')
  }

  it('/取消 1 11月16日 cancels that session only and tells only its people', async () => {
    await series()
    const { sent } = await h.send('/取消 1 11月16日 与主题式联合教研冲突')
    expect(sent.flatMap((m) => (m.mentions ?? []).map((p) => p.name))).toEqual(['王芳'])
    expect(await saved(1)).toContain('2026-11-02,2026-11-16消,2026-11-30')
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('scheduled')
  })

  it('/改期 1 11月16日 改到 11月17日下午 moves that session only', async () => {
    await series()
    await h.say('/改期 1 11月16日 改到 11月17日下午')
    expect(await saved(1)).toContain('2026-11-02,2026-11-17,2026-11-30')
  })

  it('a holiday-paused session can be moved to another day', async () => {
    await series()
    h.setNow('2026-09-20T09:00:00+08:00')
    await h.say('/改期 1 10月5日 改到 10月8日下午')
    expect(await saved(1)).toContain('2026-09-21,2026-10-08,2026-10-19')
  })

  it('/恢复 restores a cancelled session, and a cancelled activity with its sign-ups', async () => {
    await series()
    await h.say('/取消 1 11月16日')
    await h.say('/恢复 1 11月16日')
    expect(await saved(1)).toContain('2026-11-02,2026-11-16,2026-11-30')
    await h.say('/取消 1')
    await h.say('/确认 取消 1')
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('cancelled')
    await h.say('/恢复 1')
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('scheduled')
    expect(await h.app.db.signup.count({ where: { activityId: 1, status: 'confirmed' } })).toBe(1)
  })

  it('/设置 changes the title and the place, keeping sign-ups', async () => {
    await series()
    await h.say('/设置 1 名称 常态化联合教研（语文）')
    await h.say('/设置 1 地点 育秀实验学校报告厅')
    expect(await saved(1)).toMatch(/^常态化联合教研（语文） \| 育秀实验学校报告厅 \| /)
    expect(await h.app.db.signup.count({ where: { activityId: 1, status: 'confirmed' } })).toBe(1)
  })

  it('不报名 makes a notice-only activity: no sign-up line in its announcement or reminder', async () => {
    await term()
    const [announced] = await h.say('/排期 9月14日下午 领导例会 不报名')
    expect(announced).toContain('9月14日')
    expect(announced).not.toMatch(/发送 \/报名|报名 1\b|已报/)
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).title).toBe('领导例会')
    h.setNow('2026-09-13T16:00:00+08:00')
    const before = h.sent.length
    await h.tick()
    const reminder = h.sent.slice(before).find((m) => m.text.startsWith('【活动提醒】'))
    expect(reminder?.text).toBeDefined()
    expect(reminder!.text).not.toMatch(/发送 \/报名|报名 1\b|已报/)
  })

  it('a past event is recorded for the archive after a confirmation, never reminded', async () => {
    await term('2026-10-25T09:00:00+08:00')
    const [asked] = await h.say('/排期 10月20日下午 教学视导（补登记） @肇文学校')
    expect(asked).toMatch(/确认/)
    await h.say('/确认')
    expect(await saved(1)).toBe('教学视导（补登记） | 肇文学校 |  | 2026-10-20 13:30 | ')
  })
})

describe('§3 the time language of the seeds', () => {
  // Each /排期 in the clerk's words, and the sessions it must hold (first..last, count).
  it.each([
    ['11月30日至12月4日 校本研修周', '2026-11-30', '2026-12-04', 1],
    ['11月30日-12月4日 校本研修周', '2026-11-30', '2026-12-04', 1],
    ['11月30日—12月4日 校本研修周', '2026-11-30', '2026-12-04', 1],
    ['10月12日-16日 教学视导', '2026-10-12', '2026-10-16', 1],
    // Mondays 9月7日..1月18日 (20) and Wednesdays 9月2日..1月20日 (21), holiday-paused ones included.
    ['每周一、三下午 集体备课', '2026-09-02', '2027-01-20', 41],
    ['第4周周一、周三下午 主题式联合教研', '2026-09-21', '2026-09-23', 2],
    ['第6周周四第三节课 公开课', '2026-10-08', '2026-10-08', 1],
    ['9月21日（第4周周一）下午 主题式联合教研', '2026-09-21', '2026-09-21', 1],
    ['每周四下午（第3-16周） 学科沙龙', '2026-09-17', '2026-12-17', 14],
    ['10-22 14:00 学科沙龙', '2026-10-22', '2026-10-22', 1],
    // Odd weeks 1..21: 9月4日 .. 1月22日 (the term's last day).
    ['每周五下午（单周） 读书会', '2026-09-04', '2027-01-22', 11],
  ])('/排期 %s', async (words, first, last, count) => {
    await term()
    await h.say('/设置 作息 第1节 8:00 第2节 8:55 第3节 10:00 第4节 10:55 第5节 13:30 第6节 14:25 第7节 15:20 第8节 16:15 放学后 15:40')
    await h.say(`/排期 ${words}`)
    const occ = await h.app.db.occurrence.findMany({ where: { activityId: 1 }, orderBy: { startAt: 'asc' } })
    // A multi-day activity is one session whose end is on its last day.
    const lastDay = occ.length === 1 && occ[0]!.endAt ? new Date(occ[0]!.endAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10) : occ.at(-1)?.date
    expect([occ[0]?.date, lastDay, occ.length]).toEqual([first, last, count])
  })

  it.each(['12月第2周', '十二月第二周', '11月中下旬', '11月底12月初', '学期末', '国庆后第一周', '下周', '每月一次', '每2-3周'])(
    '/排期 %s 教研 is kept, dated or pending, never refused',
    async (words) => {
      await term()
      const [reply] = await h.say(`/排期 ${words} 教研活动`)
      expect(reply).not.toMatch(/没看懂|无法|不能/)
      expect(await h.app.db.activity.count()).toBe(1)
      expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).title).toBe('教研活动')
    },
  )

  it('/改期 推迟一周 and 顺延到下周三', async () => {
    await term()
    await h.say('/排期 11月16日下午 主题式联合教研')
    await h.say('/排期 11月18日下午 学科沙龙')
    h.setNow('2026-11-16T09:00:00+08:00')
    await h.say('/改期 1 推迟一周')
    await h.say('/改期 2 顺延到下周三')
    expect(await saved(1)).toContain('2026-11-23 13:30')
    expect(await saved(2)).toContain('2026-11-25 13:30')
  })

  it('/放假 2027年1月1日至1月3日 元旦 answers with the year', async () => {
    await term()
    const [reply] = await h.say('/放假 2027年1月1日至1月3日 元旦')
    expect(reply).toMatch(/2027年1月1日/)
    expect(reply).toMatch(/1月3日|1月1日-3日/)
  })
})

describe('§4 what follows the time in a line', () => {
  const activity = () => h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })

  it('至 12月31日 after the title ends the series', async () => {
    await term()
    await h.say('/排期 每周四下午 学科沙龙 至 12月31日')
    expect(await saved(1)).toMatch(/^学科沙龙 \|  \|  \| 2026-09-03,.*,2026-12-31 13:30 \| $/)
  })

  it.each([
    ['12月3日下午 联合教研 地点：育秀实验学校 学科：中小学语文 名额：40', '育秀实验学校', '中小学语文', 40],
    ['12月3日下午 联合教研 在育秀实验学校 限40人', '育秀实验学校', null, 40],
    ['12月3日下午 联合教研 @育秀实验学校 会议室', '育秀实验学校 会议室', null, null],
  ])('labels as notices write them: %s', async (words, place, subject, capacity) => {
    await term()
    await h.say(`/排期 ${words}`)
    const a = await activity()
    expect([a.title, a.place, a.subject, a.capacity]).toEqual(['联合教研', place, subject, capacity])
  })

  it('rules in words: 限中小学语文教师 is a subject rule, 活动内容单周提前公示 is 提前公示 1周', async () => {
    await term()
    await h.say('/排期 双周一下午 常态化联合教研 限中小学语文教师 活动内容单周提前公示')
    const a = await activity()
    expect([a.title, a.noticeWeeks]).toEqual(['常态化联合教研', 1])
    expect(a.subjectRule).toMatch(/语文/)
  })

  it('a title keeps its full-width quotes', async () => {
    await term()
    await h.say('/排期 12月3日下午 “育秀杯”青年教师教学评比')
    expect((await activity()).title).toBe('“育秀杯”青年教师教学评比')
  })

  it('限史地 admits 历史 and 地理 teachers; a teacher may have two subjects; a 接龙 profile is read field by field', async () => {
    await term()
    await h.say('/排期 12月3日下午 史地联合教研 限史地')
    await h.say('/排期 12月10日下午 数学沙龙 限数学')
    await h.say('/我是 甲 育秀实验学校 历史 教龄3', { as: '甲' })
    await h.say('/我是 戊 育秀实验学校 语文、数学 教龄3', { as: '戊' })
    await h.say('/我是 王芳/育秀实验学校/地理/5年', { as: '芳' })
    await h.say('/报名 1', { as: '甲' })
    await h.say('/报名 1', { as: '芳' })
    await h.say('/报名 2', { as: '戊' })
    const confirmed = await h.app.db.signup.findMany({ where: { status: 'confirmed' }, include: { member: true }, orderBy: { id: 'asc' } })
    expect(confirmed.map((s) => `${s.activityId}:${s.member.realName}`)).toEqual(['1:甲', '1:王芳', '2:戊'])
    const wang = confirmed[1]!.member
    expect([wang.school, wang.subject]).toEqual(['育秀实验学校', '地理'])
  })
})

describe('§5 nothing the office planned disappears', () => {
  it('an undated activity shows in /本周 and /下周 of the week it falls in, as 日期待定', async () => {
    await term()
    await h.say('/排期 第14周 学科带头人展示课')
    h.setNow('2026-11-25T09:00:00+08:00')
    expect((await h.say('/下周'))[0]).toContain('学科带头人展示课')
    h.setNow('2026-12-01T09:00:00+08:00')
    const [week] = await h.say('/本周')
    expect(week).toContain('学科带头人展示课')
    expect(week).toContain('待定')
  })

  it('/活动 says exactly how many more there are, and lists a month and a week', async () => {
    await term()
    for (let day = 7; day <= 18; day++) await h.say(`/排期 9月${day}日 15:00 教研${day}`)
    const [list] = await h.say('/活动')
    const shown = (list!.match(/#\d+/g) ?? []).length
    expect(list).toContain(`还有 ${12 - shown} 项`)
    await h.say('/排期 12月3日下午 名师讲堂')
    await h.say('/排期 12月17日下午 学科沙龙')
    const [december] = await h.say('/活动 12月')
    expect(december).toContain('名师讲堂')
    expect(december).toContain('学科沙龙')
    expect(december).not.toContain('教研7')
    const [week14] = await h.say('/活动 第14周')
    expect(week14).toContain('名师讲堂')
    expect(week14).not.toContain('学科沙龙')
  })

  it('beyond the look-ahead /活动 names the next activity', async () => {
    await term()
    await h.say('/排期 12月17日下午 学科沙龙')
    const [list] = await h.say('/活动')
    expect(list).toContain('学科沙龙')
  })

  it('/活动 15 shows the rules, the deadline and the count signed up', async () => {
    await term()
    await h.say('/排期 12月3日下午 新秀杯教学评优 教龄1-8 限语文 截止 12月1日 名额30')
    await h.say('/我是 王芳 育秀实验学校 语文 教龄5', { as: '王芳' })
    await h.say('/报名 1', { as: '王芳' })
    const [shown] = await h.say('/活动 1')
    expect(shown).toMatch(/教龄1-8/)
    expect(shown).toMatch(/语文/)
    expect(shown).toMatch(/12月1日/)
    expect(shown).toMatch(/1\/30/)
  })

  it('scheduling warns, without refusing, of a clash in the same place and time, a duplicate, and a holiday', async () => {
    await term()
    await h.say('/排期 12月3日下午 联合教研 @育秀实验学校')
    const [clash] = await h.say('/排期 12月3日下午 名师讲堂 @育秀实验学校')
    expect(clash).toMatch(/#1/)
    const [duplicate] = await h.say('/排期 12月3日下午 联合教研 @育秀实验学校')
    expect(duplicate).toMatch(/#1/)
    const [holiday] = await h.say('/排期 10月5日下午 学科沙龙')
    expect(holiday).toMatch(/国庆/)
    expect(await h.app.db.activity.count()).toBe(4)
  })
})

describe('§6 reminders that are right when they come late', () => {
  it('a catch-up on the day itself says 今天, held by quiet hours says the time really left, and nothing goes out at 03:00', async () => {
    await term('2026-11-20T09:00:00+08:00')
    await h.say('/提醒 免打扰 22:00-07:00')
    await h.say('/排期 11月24日 08:30 早读观摩')
    h.setNow('2026-11-24T03:00:00+08:00')
    const start = h.sent.length
    await h.tick()
    expect(h.sent.length).toBe(start)
    h.setNow('2026-11-24T07:29:00+08:00')
    await h.tick()
    const caughtUp = h.sent.slice(start).map((m) => m.text).find((t) => t.startsWith('【活动提醒】'))
    expect(caughtUp).toContain('今天')
    expect(caughtUp).not.toContain('明天')
    h.setNow('2026-11-24T07:50:00+08:00')
    const before = h.sent.length
    await h.tick()
    expect(h.sent.slice(before).map((m) => m.text).find((t) => t.startsWith('【活动提醒】'))).toContain('还有40分钟')
  })

  it('no digest on the 国庆 Monday when that week holds only a paused session', async () => {
    await term('2026-09-30T09:00:00+08:00')
    await h.say('/排期 双周一下午 常态化联合教研')
    h.setNow('2026-10-05T07:30:00+08:00')
    const before = h.sent.length
    await h.tick()
    expect(h.sent.slice(before).filter((m) => m.text.startsWith('【本周'))).toEqual([])
  })
})

describe('§7 privacy', () => {
  it("an admin's /问题 in the group never names an anonymous asker", async () => {
    await term()
    await h.say('/匿名提问 新教师怎样听评课？', { as: '王老师' })
    for (const command of ['/问题', '/问题 1']) expect((await h.say(command)).join('\n')).not.toContain('王老师')
  })
})

describe('§8 texts', () => {
  it('the pending time is not labelled twice', async () => {
    await term()
    const [reply] = await h.say('/排期 十月中旬 教学视导')
    expect(reply).not.toContain('时间：时间：')
  })

  it('/改名 is not taken for /报名', async () => {
    await term()
    expect((await h.say('/改名 王芳', { as: '芳' })).join('\n')).not.toContain('/报名')
  })

  it("an organizer's 代报名 refusal speaks of the teacher, not as 您", async () => {
    await term()
    await h.say('/排期 12月10日下午 新秀杯课堂教学评比 教龄1-8')
    await h.say('/我是 赵丽 育秀实验学校 语文 教龄12', { as: '赵丽' })
    const [refused] = await h.say('/报名 1 赵丽')
    expect(refused).toContain('赵丽 不能报名')
    expect(refused).not.toContain('您')
  })

  it("a full activity's /名单 tells a teacher not on it that signing up means the waiting list", async () => {
    await term()
    await h.say('/排期 12月3日下午 名师讲堂 名额1')
    await h.say('/报名 1', { as: '王芳' })
    expect((await h.say('/名单 1', { as: '李明' }))[0]).toContain('候补')
  })

  it('a series sign-up says it covers the sessions to come', async () => {
    await term()
    await h.say('/排期 每周三下午 至 2026-09-30 常态化联合教研')
    expect((await h.say('/报名 1', { as: '王芳' }))[0]).toMatch(/全部 \d+ 次/)
  })

  it('/帮助 fits a phone screen', async () => {
    await term()
    const [help] = await h.say('/帮助', { as: '王芳' })
    expect(help!.split('\n').length).toBeLessThanOrEqual(14)
  })
})
