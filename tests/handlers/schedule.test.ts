import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

const count = () => h.app.db.activity.count()

describe('/排期', () => {
  it('answers with how it understood the activity: weekday, date, time, place, subject, capacity, #id', async () => {
    const [reply] = await h.say('/排期 第4周周一下午 主题式联合教研 中小学语文 @育秀实验学校 名额40')
    expect(reply).toBe(
      ['已安排 #1「主题式联合教研」', '时间：9月21日(周一) 13:30 (第4周)', '地点：育秀实验学校', '学科：中小学语文', '名额：40', '报名：回复本条消息「报名」，或发送 /报名 1'].join('\n'),
    )
  })

  it('reads the host, a time range and a school named without @', async () => {
    const [reply] = await h.say('/排期 12月3日 13:30-16:00 名师讲堂 建平实验中学 主持 王佩红')
    expect(reply).toContain('时间：12月3日(周四) 13:30-16:00 (第14周)')
    expect(reply).toContain('地点：建平实验中学')
    expect(reply).toContain('主持：王佩红')
  })

  it('says which occurrences a holiday skips', async () => {
    const [reply] = await h.say('/排期 双周一下午 常态化联合教研 语文')
    expect(reply).toContain('时间：双周周一 13:30\n共 9 次，9月7日(周一)—2027年1月11日(周一)\n假日暂停 1 次：10月5日(周一) 国庆节')
  })

  it('keeps a vague time as "date to be set" and says how to set it', async () => {
    const [reply] = await h.say('/排期 10月底 阅读指导课程建设市现场展示 @育秀实验学校')
    expect(reply).not.toContain('时间：时间：')
    expect(reply).toContain('时间：10月底（10月25日-31日），具体日期待定。定下来后请发送 /改期 1 <日期和时间>')
    const [list] = await h.say('/活动')
    expect(list).toContain('【日期待定】\n#1 10月底（10月25日-31日，日期待定） 阅读指导课程建设市现场展示 · 育秀实验学校')
  })

  it('warns when a one-off activity falls on a holiday', async () => {
    const [reply] = await h.say('/排期 10月2日上午 教研 语文')
    expect(reply).toContain('注意：这一天是国庆节假期。')
  })

  it('quotes what it could not read, shows two examples, and saves nothing', async () => {
    const [reply] = await h.say('/排期 第4周周八下午 联合教研')
    expect(reply).toBe(
      '没看懂时间「周八下午」。可以这样写：\n/排期 第4周周一下午 主题式联合教研 中小学语文 @育秀实验学校 名额40\n/排期 12月3日下午 联合教研',
    )
    expect(await count()).toBe(0)
  })

  it.each([
    ['/排期', '请写上活动时间'],
    ['/排期 明天下午', '请写上活动名称'],
    ['/排期 下午3点 教研', '「下午3点」只有时刻，没有日期'],
    ['/排期 12月3日(周五) 教研', '12月3日是周四，不是周五'],
    ['/排期 第25周周一 教研', '这个学期只有 21 周，没有第25周'],
    ['/排期 明天 教研 名额0', '「名额0」不是有效的名额'],
    ['/排期 明天 教研 名额 0', '「名额 0」不是有效的名额'],
    ['/排期 明天 教研 名额 -1', '「名额 -1」不是有效的名额'],
  ])('%s is refused with a reason and an example', async (text, expected) => {
    const [reply] = await h.say(text)
    expect(reply).toContain(expected)
    expect(reply).toMatch(/例如|例子|可以这样写|\/排期|名额40/)
    expect(await count()).toBe(0)
  })

  it('uses the district default hour for 下午, which an admin can change', async () => {
    expect(await h.say('/设置 下午 14:00')).toEqual(['已设置：只写「下午」的活动默认 14:00 开始。'])
    const [reply] = await h.say('/排期 明天下午 教研')
    expect(reply).toContain('9月2日(周三) 14:00')
  })

  it('reads "today" in the district timezone whatever the machine says', async () => {
    h.setNow('2026-09-01T23:30:00Z')
    const [reply] = await h.say('/排期 今天下午 教研')
    expect(reply).toContain('9月2日(周三) 13:30')
  })
})

describe('permissions', () => {
  it('refuses a teacher politely and names who can', async () => {
    const [reply] = await h.say('/排期 明天下午 教研', { as: '王老师' })
    expect(reply).toBe('抱歉，/排期 只有学区管理员和组织者可以使用。如需权限，请联系学区管理员。')
    expect(await count()).toBe(0)
  })

  it('lets an organizer schedule and change their own activities, not others', async () => {
    await h.say('李明> hello', { as: '李明' })
    await h.say('/activities', { as: '李明' })
    expect(await h.say('/授权 @李明 组织者', { mentions: [{ id: '李明', name: '李明' }] })).toEqual(['已授予 李明「组织者」角色。'])
    expect((await h.say('/排期 明天下午 教研', { as: '李明' }))[0]).toContain('已安排 #1')
    await h.say('/排期 后天下午 讲座')
    expect((await h.say('/改期 1 9月10日下午', { as: '李明' }))[0]).toContain('#1「教研」已改期')
    expect(await h.say('/取消 2', { as: '李明' })).toEqual(['只有学区管理员和这项活动的组织者可以修改它。'])
  })

  it('lets a teacher read the list, the week and one activity', async () => {
    await h.say('/排期 明天下午 教研')
    expect((await h.say('/活动', { as: '王老师' }))[0]).toContain('#1 9月2日(周三) 13:30 教研')
    expect((await h.say('/本周', { as: '王老师' }))[0]).toContain('【本周(第1周)】8月31日-9月6日')
    expect((await h.say('/活动 1', { as: '王老师' }))[0]).toContain('组织者：我')
  })
})

describe('/改期 and /取消', () => {
  it('moves an activity and says where it was', async () => {
    await h.say('/排期 第4周周一下午 主题式联合教研 中小学语文')
    const [reply] = await h.say('/改期 1 第5周周三 14:00-16:00')
    expect(reply).toBe(
      ['#1「主题式联合教研」已改期', '时间：9月30日(周三) 14:00-16:00 (第5周)', '学科：中小学语文', '原定：9月21日(周一) 13:30 (第4周)'].join('\n'),
    )
    const [week] = await h.say('/下周')
    expect(week).toContain('没有安排活动')
  })

  it('cancels with a reason, keeps the record, and lists it no more', async () => {
    await h.say('/排期 12月3日下午 名师讲堂')
    expect(await h.say('/取消 #1 专家临时有事')).toEqual(['#1「名师讲堂」（12月3日(周四) 13:30 (第14周)）已取消，原因：专家临时有事。'])
    expect((await h.say('/活动'))[0]).toContain('近期没有安排活动')
    expect((await h.say('/活动 1'))[0]).toContain('#1「名师讲堂」\n状态：已取消，取消原因：专家临时有事')
    expect(await h.say('/取消 1')).toEqual(['#1 已经取消了。'])
  })

  it('tells the group where the activity was scheduled when it is moved from another group', async () => {
    await h.say('/排期 明天下午 教研')
    expect(await h.say('/绑定 示范学区', { chat: 'g2', title: '语文教研群' })).toEqual(['已将本群绑定到「示范学区」。学区的活动和提醒会同步到本群。'])
    const before = h.sent.length
    await h.say('/改期 1 后天下午', { chat: 'g2' })
    const chats = h.sent.slice(before).map((m) => m.chat.chatId)
    expect(chats).toEqual(['g2', 'console'])
  })

  it.each([
    ['/改期', '请写上活动编号，例如：/改期 12 第5周周三下午'],
    ['/改期 99 明天', '没有找到编号为 #99 的活动'],
    ['/改期 1 周八', '没看懂时间「周八」'],
  ])('%s explains what is wrong', async (text, expected) => {
    await h.say('/排期 明天下午 教研')
    expect((await h.say(text))[0]).toContain(expected)
  })
})

describe('/学期 and /放假', () => {
  it('tells the week number and its parity', async () => {
    h.setNow('2026-11-23T10:00:00+08:00')
    expect((await h.say('/学期', { as: '王老师' }))[0]).toMatch(/^今天是第一学期第13周\(单周\)。/)
    h.setNow('2026-11-16T10:00:00+08:00')
    expect((await h.say('/学期'))[0]).toMatch(/^今天是第一学期第12周\(双周\)。/)
  })

  it('lists the holidays in the term and says where its holiday data ends', async () => {
    const [reply] = await h.say('/学期 2027-02-22 2027-07-02 第二学期')
    expect(reply).toContain('已设置第二学期：2027-02-22 至 2027-07-02，共 19 周。')
    expect(reply).toContain('请用 /放假 登记')
  })

  it('refuses overlapping terms and impossible dates', async () => {
    expect((await h.say('/学期 2026-12-01 2027-03-01 第二学期'))[0]).toContain('与已设置的「第一学期」时间重叠')
    expect((await h.say('/学期 2026-02-30 2026-07-01'))[0]).toContain('「2026-02-30」不是有效的日期')
  })

  it('pauses the activities on a day the district closes', async () => {
    await h.say('/排期 每周三 15:30 教研')
    expect(await h.say('/放假 2026-12-30 期末调整')).toEqual(['已登记 2026年12月30日(周三)「期末调整」，期间 1 次活动暂停。'])
    const [detail] = await h.say('/活动 1')
    expect(detail).toContain('12月30日(周三) 期末调整')
    expect((await h.say('/排期 12月30日上午 讲座'))[0]).toContain('注意：这一天是期末调整假期。')
  })
})

describe('warnings that do not refuse', () => {
  it('a clash at the same place and an overlapping time, a duplicate, a weekend: each said, the activity kept', async () => {
    await h.say('/排期 12月3日 13:30-16:00 联合教研 @育秀实验学校')
    const [clash] = await h.say('/排期 12月3日 14:00 名师讲堂 @育秀实验学校')
    expect(clash).toContain('注意：12月3日(周四)同一地点已有 #1「联合教研」，时间有重叠。')
    // Another place, or the same place later that day: no warning.
    expect((await h.say('/排期 12月3日 14:00 听课活动 @肇文学校'))[0]).not.toContain('注意')
    expect((await h.say('/排期 12月3日 16:30 读书会 @育秀实验学校'))[0]).not.toContain('注意')
    const [twice] = await h.say('/排期 12月3日下午 联合 教研')
    expect(twice).toContain('注意：12月3日(周四)已有同名的 #1「联合教研」，是不是排重了？不需要的话请发送 /取消 5')
    // 12月5日 is a Saturday, not a worked one.
    expect((await h.say('/排期 12月5日上午 学科培训'))[0]).toContain('注意：12月5日(周六)是周末。')
    expect(await h.app.db.activity.count()).toBe(6)
  })
})

describe('a line written as the 行事历 writes it', () => {
  const activity = async (id: number) => h.app.db.activity.findUniqueOrThrow({ where: { id } })
  it('reads bracketed rules, labels, a room after the school, numbering, and keeps the title as typed', async () => {
    await h.say('/排期 11月30日至12月4日 “育秀杯”青年教师教学技能比武（教龄1-8年） @育秀实验学校')
    expect(await activity(1)).toMatchObject({ title: '“育秀杯”青年教师教学技能比武', minYears: 1, maxYears: 8, place: '育秀实验学校' })
    await h.say('/排期 双周一下午 常态化联合教研（活动内容单周提前公示）')
    expect(await activity(2)).toMatchObject({ title: '常态化联合教研', noticeWeeks: 1 })
    await h.say('/排期 第7周 中小学毕业班专题研讨（育秀实验学校、肇文学校）')
    expect(await activity(3)).toMatchObject({ title: '中小学毕业班专题研讨', place: '育秀实验学校、肇文学校' })
    await h.say('/排期 12月16日下午 见习期教师汇报课 地点：育秀实验学校 三楼报告厅')
    expect(await activity(4)).toMatchObject({ title: '见习期教师汇报课', place: '育秀实验学校 三楼报告厅' })
    await h.say('/排期 4、主题式联合教研活动：育秀实验学校 中小学语文   第4周')
    expect(await activity(5)).toMatchObject({ title: '主题式联合教研活动', place: '育秀实验学校', subject: '中小学语文' })
    await h.say('/排期 12月8日下午 读书会 @肇文学校 会议室 （限语文教师）')
    expect(await activity(6)).toMatchObject({ title: '读书会', place: '肇文学校 会议室', subjectRule: '语文' })
  })
})

describe('a teacher who writes /取消 12', () => {
  it('is told how to withdraw their own sign-up', async () => {
    const [reply] = await h.say('/取消 12', { as: '王老师' })
    expect(reply!.split('\n')).toEqual([expect.stringContaining('抱歉，/取消 只有'), '取消自己的报名请发送 /取消报名 12'])
  })
})

describe('what the outside look found', () => {
  it('a month beyond the term names its year and says it is outside the terms set; a reason keeps its full-width comma', async () => {
    const [march] = await h.say('/排期 3月 教学视导 钱桥学校')
    expect(march).toContain('3月（2027年3月1日-31日）')
    expect(march).toContain('注意：这个时间不在已设置的学期（第一学期）里。')
    await h.say('/排期 12月10日下午 读书会')
    expect((await h.say('/取消 2 专家临时有事，改期另行通知'))[0]).toContain('原因：专家临时有事，改期另行通知。')
  })
})
