import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

/** Issue 14 §4: what follows the time in a line, and a teacher's profile, as offices and 接龙 write them. */
let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

const activity = (id: number) => h.app.db.activity.findUniqueOrThrow({ where: { id } })

describe('labels and words after the time', () => {
  it('地点：, 学科：, 名额：, 限40人 and 在 before the school', async () => {
    await h.say('/排期 10月12日下午 教研 地点：育秀实验学校 学科：中小学语文 名额：40')
    expect(await activity(1)).toMatchObject({ title: '教研', place: '育秀实验学校', subject: '中小学语文', capacity: 40 })
    await h.say('/排期 10月13日下午 读书会 在育秀实验学校 限40人')
    expect(await activity(2)).toMatchObject({ title: '读书会', place: '育秀实验学校', capacity: 40 })
    // A school written first is the place when a title follows it (second outside look).
    await h.say('/排期 第8周 肇文学校 中小学道德与法治 主题式联合教研')
    expect(await activity(3)).toMatchObject({ title: '主题式联合教研', place: '肇文学校', subject: '中小学道德与法治' })
  })

  it.each([
    ['限中小学语文教师', { subjectRule: '中小学语文' }],
    ['限语文老师', { subjectRule: '语文' }],
    ['仅限育秀实验学校教师', { schoolRule: '育秀实验学校' }],
    ['限1-8年教龄', { minYears: 1, maxYears: 8 }],
    ['9-20年教龄', { minYears: 9, maxYears: 20 }],
    ['教龄在1-8年', { minYears: 1, maxYears: 8 }],
    ['5年以上教龄', { minYears: 5, maxYears: null }],
    ['教龄不超过8年', { minYears: null, maxYears: 8 }],
    ['教龄不满8年', { minYears: null, maxYears: 7 }],
    ['教龄不少于5年', { minYears: 5, maxYears: null }],
    ['限语文、数学', { subjectRule: '语文、数学' }],
  ])('%s is a rule, not part of the title', async (rule, expected) => {
    await h.say(`/排期 双周一下午 常态化联合教研 ${rule} 活动内容单周提前公示`)
    expect(await activity(1)).toMatchObject({ title: '常态化联合教研', noticeWeeks: 1, ...expected })
  })

  it.each([
    ['第12周 主题式联合教研 @西渡学校 14:00', '主题式联合教研', 'pending 2026-11-16..2026-11-20 14:00'],
    ['每周四下午 联合教研 第3-16周', '联合教研', '2026-09-17..2026-12-17 ×14'],
    ['每周五下午 读书会 单周', '读书会', '2026-09-04..2027-01-22 ×11'],
    ['第6周周四 公开课 下午', '公开课', '2026-10-08..2026-10-08 ×1'],
  ])('a time completed after the title: %s', async (words, title, when) => {
    await h.say(`/排期 ${words}`)
    const a = await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 }, include: { occurrences: { orderBy: { date: 'asc' } } } })
    const clock = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16)
    const o = a.occurrences
    expect(a.title).toBe(title)
    expect(a.pendingFrom ? `pending ${a.pendingFrom}..${a.pendingTo} ${a.whenText.match(/\d{1,2}:\d{2}/)?.[0]}` : `${o[0]!.date}..${o.at(-1)!.date} ×${o.length}`).toBe(when)
    if (!a.pendingFrom) expect(clock(o[0]!.startAt)).toBe('13:30')
  })

  it('a line with no time at all is told the time is missing, with its own title in the example', async () => {
    expect(await h.say('/排期 教育集团领导工作例会')).toEqual(['没有写时间。请写上哪天，例如：/排期 12月3日下午 教育集团领导工作例会'])
    expect(await h.app.db.activity.count()).toBe(0)
  })

  it('限青年教师 is no rule the bot can check: it stays in the title', async () => {
    await h.say('/排期 10月12日下午 教学研讨 限青年教师')
    expect(await activity(1)).toMatchObject({ title: '教学研讨 限青年教师', subjectRule: null, schoolRule: null })
  })
})

describe('a tentative time: （暂定）, （待定）, 暂定', () => {
  const when = async (id: number) => JSON.parse((await activity(id)).whenJson) as { tentative?: boolean }

  it.each([
    ['12月3日下午 青蓝工程汇报课（暂定）', '青蓝工程汇报课'],
    ['12月3日下午 青蓝工程汇报课(待定)', '青蓝工程汇报课'],
    ['12月3日下午 青蓝工程汇报课 暂定', '青蓝工程汇报课'],
    ['12月3日下午（暂定） 青蓝工程汇报课', '青蓝工程汇报课'],
    ['暂定于12月3日下午 青蓝工程汇报课', '青蓝工程汇报课'],
  ])('/排期 %s: the title goes without it and the time is announced as 暂定', async (words, title) => {
    const [reply] = await h.say(`/排期 ${words}`)
    expect(reply!.split('\n').slice(0, 2)).toEqual([`已安排 #1「${title}」`, '时间：12月3日(周四) 13:30 (第14周)（暂定）'])
    expect(await activity(1)).toMatchObject({ title })
    expect(await when(1)).toMatchObject({ tentative: true })
  })

  it('a series is 暂定 on its rhythm line; /活动 says so; /改期 to a time not marked makes it final', async () => {
    expect((await h.say('/排期 每周三下午 课题研讨（暂定）'))[0]).toContain('时间：每周三 13:30（暂定）\n共 20 次，')
    expect((await h.say('/活动 1'))[0]).toContain('时间：每周三 13:30（暂定）')
    await h.say('/排期 12月3日下午 青蓝工程汇报课（暂定）')
    const [moved] = await h.say('/改期 2 12月4日下午')
    expect(moved).toContain('时间：12月4日(周五) 13:30 (第14周)\n原定：12月3日(周四) 13:30 (第14周)（暂定）')
    expect(await when(2)).not.toHaveProperty('tentative')
  })

  it('待定 as the whole time is still 日期待定, and 暂定 inside a title is the title\'s', async () => {
    expect((await h.say('/排期 待定 联合教研'))[0]).toContain('具体日子待定')
    await h.say('/排期 12月9日下午 “暂定”主题沙龙')
    expect(await activity(2)).toMatchObject({ title: '“暂定”主题沙龙' })
    expect(await when(2)).not.toHaveProperty('tentative')
  })
})

describe('subject groups and teachers of several subjects', () => {
  it('限史地 admits a 历史 and a 地理 teacher, not a 语文 one; a teacher of 语文、数学 may join what is limited to 数学', async () => {
    await h.say('/排期 10月14日下午 史地教研 限史地')
    await h.say('/排期 10月15日下午 数学教研 限数学')
    await h.say('/我是 王芳/育秀实验学校/历史/5年', { as: '王芳' })
    await h.say('/我是 李明 肇文学校 地理 教龄3', { as: '李明' })
    await h.say('/我是 赵丽 西渡学校 语文 教龄8', { as: '赵丽' })
    await h.say('/我是 戊 育秀实验学校 语文、数学 教龄3', { as: '戊' })
    expect((await h.say('/报名 1', { as: '王芳' }))[0]).toContain('王芳 报名成功')
    expect((await h.say('/报名 1', { as: '李明' }))[0]).toContain('李明 报名成功')
    expect(await h.say('/报名 1', { as: '赵丽' })).toEqual(['此活动限史地老师，您登记的学科是语文。'])
    expect((await h.say('/报名 2', { as: '戊' }))[0]).toContain('戊 报名成功')
    // 限语文、数学: a teacher of either.
    await h.say('/排期 10月16日下午 语数联合教研 限语文、数学')
    expect((await h.say('/报名 3', { as: '赵丽' }))[0]).toContain('赵丽 报名成功')
    expect((await h.say('/报名 3', { as: '王芳' }))[0]).toContain('此活动限语文、数学老师')
  })

  it('a 接龙-style profile is read field by field', async () => {
    await h.say('/我是 王芳/育秀实验学校/历史/5年', { as: '王芳' })
    const member = await h.app.db.member.findFirstOrThrow({ where: { realName: '王芳' } })
    expect([member.school, member.subject, member.teachingYears]).toEqual(['育秀实验学校', '历史', 5])
  })
})
