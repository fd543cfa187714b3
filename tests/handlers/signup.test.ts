import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

/** Joins a WeChat room to the district with a bind code, as an admin would. */
async function bindRoom(chat: string, title: string) {
  const [issued] = await h.say('/绑定码')
  const code = /[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(issued!)![0]
  await h.say(`/绑定 ${code}`, { platform: 'wechat', chat, title, as: '张主任', id: 'wx-zhang' })
}

const signups = (activityId = 1) =>
  h.app.db.signup.findMany({ where: { activityId }, orderBy: { seq: 'asc' }, include: { member: true } })
const statusOf = async (activityId = 1) => (await signups(activityId)).map((s) => `${s.member.displayName}:${s.status}`)

describe('/报名 with a capacity: confirmed, then a waiting list', () => {
  beforeEach(async () => {
    await h.say('/排期 12月3日 13:30-16:00 名师讲堂 @建平实验中学 名额2')
  })

  it('confirms the first two, puts the third on the waiting list, and says each place', async () => {
    expect(await h.say('/报名 1', { as: '王芳' })).toEqual(['王芳 报名成功：#1「名师讲堂」，第 1 位（还剩 1 个名额）。'])
    expect(await h.say('/报名 #1', { as: '李明' })).toEqual(['李明 报名成功：#1「名师讲堂」，第 2 位（还剩 0 个名额）。'])
    expect(await h.say('/报名1', { as: '赵丽' })).toEqual([
      '#1「名师讲堂」名额已满，赵丽 已进入候补第 1 位。有人取消时会自动递补，并在群里通知您。',
    ])
    expect(await statusOf()).toEqual(['王芳:confirmed', '李明:confirmed', '赵丽:waiting'])
  })

  it('is idempotent: signing up twice keeps one row and the same place', async () => {
    await h.say('/报名 1', { as: '王芳' })
    expect(await h.say('/报名 1', { as: '王芳' })).toEqual(['王芳 已经报过 #1 了：正式名额第 1 位。'])
    expect(await signups()).toHaveLength(1)
  })

  it('promotes the first waiting member when a confirmed one withdraws, and tells them by @mention', async () => {
    for (const name of ['王芳', '李明', '赵丽', '陈刚']) await h.say('/报名 1', { as: name })
    const { sent } = await h.send('/取消报名 1', { as: '李明' })
    expect(sent.map((m) => m.text)).toEqual([
      '已取消 李明 的报名：#1「名师讲堂」。',
      '名额空出，候补的 赵丽 已递补为正式名额：#1「名师讲堂」，12月3日(周四) 13:30-16:00 (第14周)。请准时参加；不能参加请发送 /取消报名 1',
    ])
    expect(sent[1]!.mentions).toEqual([{ id: '赵丽', name: '赵丽' }])
    expect(await statusOf()).toEqual(['王芳:confirmed', '李明:cancelled', '赵丽:confirmed', '陈刚:waiting'])
    // Signing up again after a withdrawal goes to the end of the line.
    expect(await h.say('/报名 1', { as: '李明' })).toEqual([
      '#1「名师讲堂」名额已满，李明 已进入候补第 2 位。有人取消时会自动递补，并在群里通知您。',
    ])
  })

  it('a waiting member who withdraws frees nobody', async () => {
    for (const name of ['王芳', '李明', '赵丽']) await h.say('/报名 1', { as: name })
    expect(await h.say('/取消报名 1', { as: '赵丽' })).toEqual(['已取消 赵丽 的报名：#1「名师讲堂」。'])
    expect(await h.say('/取消报名 1', { as: '赵丽' })).toEqual(['您没有报名 #1，不需要取消。查看自己的报名请发送 /我的'])
  })

  it('tells the promoted member in the group they signed up in', async () => {
    for (const name of ['王芳', '李明']) await h.say('/报名 1', { as: name })
    await bindRoom('room-yuwen', '育秀语文群')
    await h.say('/报名 1', { as: '赵丽', platform: 'wechat', chat: 'room-yuwen', id: 'wx-zhaoli', title: '育秀语文群' })
    const { sent } = await h.send('/取消报名 1', { as: '王芳' })
    expect(sent.map((m) => [m.chat, m.text])).toEqual([
      [{ platform: 'console', chatId: 'console' }, '已取消 王芳 的报名：#1「名师讲堂」。'],
      [{ platform: 'wechat', chatId: 'room-yuwen' }, expect.stringContaining('候补的 赵丽 已递补为正式名额')],
    ])
    expect(sent[1]!.mentions).toEqual([{ id: 'wx-zhaoli', name: '赵丽' }])
  })

  it('raising the capacity with /设置 promotes those waiting', async () => {
    for (const name of ['王芳', '李明', '赵丽', '陈刚']) await h.say('/报名 1', { as: name })
    const replies = await h.say('/设置 1 名额3')
    expect(replies[0]).toContain('已更新 #1「名师讲堂」')
    expect(replies[0]).toContain('已报名 3/3，候补 1 人')
    expect(replies[1]).toContain('候补的 赵丽 已递补为正式名额')
    expect(await statusOf()).toEqual(['王芳:confirmed', '李明:confirmed', '赵丽:confirmed', '陈刚:waiting'])
  })
})

describe('what may not be signed up for', () => {
  it('refuses an unknown number, a word for a number, and no number, with an example', async () => {
    await h.say('/排期 12月3日下午 联合教研')
    expect(await h.say('/报名 99', { as: '王芳' })).toEqual(['没有找到编号为 #99 的活动。发送 /活动 查看本学区的活动。'])
    expect(await h.say('/报名 十二', { as: '王芳' })).toEqual(['请写上活动编号，例如：/报名 12'])
    expect(await h.say('/报名', { as: '王芳' })).toEqual([
      '请写上活动编号，例如：/报名 1\n近期的活动：\n#1 联合教研',
    ])
    expect(await signups()).toHaveLength(0)
  })

  it('refuses a cancelled activity, and a cancelled one tells everyone signed up by @mention', async () => {
    await h.say('/排期 12月3日下午 联合教研')
    await h.say('/报名 1', { as: '王芳' })
    await bindRoom('room-yuwen', '育秀语文群')
    await h.say('/报名 1', { as: '李明', platform: 'wechat', chat: 'room-yuwen', id: 'wx-liming', title: '育秀语文群' })
    const { sent } = await h.send('/取消 1 专家临时有事')
    const text = '#1「联合教研」（12月3日(周四) 13:30 (第14周)）已取消，原因：专家临时有事。'
    expect(sent.map((m) => [m.chat.chatId, m.text, m.mentions])).toEqual([
      ['console', text, [{ id: '王芳', name: '王芳' }]],
      ['room-yuwen', text, [{ id: 'wx-liming', name: '李明' }]],
    ])
    expect(await h.say('/报名 1', { as: '赵丽' })).toEqual(['#1 已经取消，不能报名。发送 /活动 查看其他活动。'])
  })

  it('refuses an activity that has begun', async () => {
    await h.say('/排期 今天下午3点 联合教研')
    h.setNow('2026-11-23T15:30:00+08:00')
    expect(await h.say('/报名 1', { as: '王芳' })).toEqual(['#1 已经开始或结束，不能再报名了。发送 /活动 查看近期活动。'])
  })

  it('keeps a deadline: before it a sign-up counts, after it it is refused', async () => {
    const [created] = await h.say('/排期 12月3日下午 青年教师汇报课 截止 11月30日')
    expect(created).toContain('报名截止：11月30日(周一) 23:59')
    h.setNow('2026-11-30T23:00:00+08:00')
    expect((await h.say('/报名 1', { as: '王芳' }))[0]).toContain('王芳 报名成功')
    h.setNow('2026-12-01T08:00:00+08:00')
    expect(await h.say('/报名 1', { as: '李明' })).toEqual([
      '#1 的报名已于 11月30日(周一) 23:59 截止。如有特殊情况请联系组织者代报名。',
    ])
    // An organizer may still sign someone up after the deadline.
    expect((await h.say('/报名 1 李明'))[0]).toContain('李明：已报名，第 2 位')
  })
})

describe('教龄, subject, school and mentee rules', () => {
  beforeEach(async () => {
    await h.say('/排期 12月10日下午 新秀杯课堂教学评比 教龄1-8 限语文')
  })

  it('asks for the profile field a rule needs, then applies it', async () => {
    expect(await h.say('/报名 1', { as: '王芳' })).toEqual([
      '此活动限教龄1-8年，请先发送 /我是 登记教龄，例如：/我是 王芳 育秀实验学校 语文 教龄5',
    ])
    await h.say('/我是 王芳 育秀实验学校 数学 教龄5', { as: '王芳' })
    expect(await h.say('/报名 1', { as: '王芳' })).toEqual(['此活动限语文老师，您登记的学科是数学。'])
    await h.say('/我是 语文', { as: '王芳' })
    expect((await h.say('/报名 1', { as: '王芳' }))[0]).toContain('王芳 报名成功')
  })

  it('refuses 教龄 outside the range with the years on record', async () => {
    await h.say('/我是 李明 西渡小学 语文 教龄12', { as: '李明' })
    // The group is not told his 教龄; his direct chat is.
    expect(await h.say('/报名 1', { as: '李明' })).toEqual(['此活动限教龄1-8年，您登记的教龄不在这个范围。如登记有误，请私聊我发送 /我是 教龄N 更正。'])
    expect(await h.say('/报名 1', { as: '李明', direct: true, chat: 'dm-李明' })).toEqual(['此活动限教龄1-8年，您登记的教龄是 12 年。如登记有误，请发送 /我是 教龄N 更正。'])
    expect(await signups()).toHaveLength(0)
  })

  it('counts 教龄 on from the day it was given', async () => {
    await h.say('/我是 赵丽 语文 教龄8', { as: '赵丽' })
    h.setNow('2027-11-24T09:00:00+08:00')
    await h.say('/学期 2027-09-01 2028-01-20 第一学期')
    await h.say('/排期 12月10日下午 新秀杯复赛 教龄1-8')
    expect(await h.say('/报名 2', { as: '赵丽', direct: true, chat: 'dm-赵丽' })).toEqual(['此活动限教龄1-8年，您登记的教龄是 9 年。如登记有误，请发送 /我是 教龄N 更正。'])
  })

  it('mentees only: refused until the teacher is a workshop mentee', async () => {
    await h.say('/ping', { as: '李明' })
    await h.say('/工作室 创建 初中语文名师工作室 导师 王佩红')
    await h.say('/排期 12月17日下午 徒弟汇报课 工作室1 仅徒弟')
    expect(await h.say('/报名 2', { as: '李明' })).toEqual([
      '此活动只限工作室的徒弟报名。申请拜师请发送 /拜师 工作室编号，发送 /工作室 查看编号。',
    ])
    await h.say('/结对 1 王佩红 李明')
    expect((await h.say('/报名 2', { as: '李明' }))[0]).toContain('李明 报名成功')
  })

  it('/设置 changes and clears the rules', async () => {
    const [updated] = await h.say('/设置 1 教龄9年以上 限育秀实验学校')
    expect(updated).toContain('报名限：教龄9年及以上，语文老师，育秀实验学校')
    await h.say('/设置 1 不限')
    expect((await h.say('/报名 1', { as: '王芳' }))[0]).toContain('王芳 报名成功')
    expect(await h.say('/设置 1 教龄abc')).toEqual(['没看懂「教龄abc」，教龄范围请写成：教龄1-8、教龄9年以上 或 教龄5年以下'])
    expect(await h.say('/设置 1 随便写')).toEqual([
      '没看懂「随便写」。例如：\n/设置 1 地点 育秀实验学校报告厅\n/设置 1 名称 主题式联合教研\n/设置 1 截止 12月1日 名额40\n/设置 1 不报名\n全部写法：/帮助 设置',
    ])
    expect((await h.say('/设置 1 名额5', { as: '王芳' }))[0]).toContain('只有学区管理员和组织者')
  })
})

describe('代报名: an organizer signs others up', () => {
  beforeEach(async () => {
    await h.say('/排期 12月3日下午 联合教研 名额2')
  })

  it('signs up several names, known or not, and says each place', async () => {
    await h.say('/我的', { as: '王芳' })
    const [reply] = await h.say('/报名 1 王芳 李明、赵丽')
    expect(reply).toBe(
      [
        '代报名 #1「联合教研」：',
        '王芳：已报名，第 1 位',
        '李明：已报名，第 2 位（还没在群里发过言，已按名字登记）',
        '赵丽：候补第 1 位（还没在群里发过言，已按名字登记）',
        '已报名 2/2，候补 1 人',
      ].join('\n'),
    )
    // The named 李明 speaks later: his own account takes over the sign-up made for him.
    expect(await h.say('/报名 1', { as: '李明' })).toEqual(['李明 已经报过 #1 了：正式名额第 2 位。'])
    expect(await signups()).toHaveLength(3)
  })

  it('is refused to a teacher, and changes nothing', async () => {
    expect(await h.say('/报名 1 李明', { as: '王芳' })).toEqual([
      '只有学区管理员和组织者可以替别人报名。为自己报名请发送 /报名 1',
    ])
    expect(await signups()).toHaveLength(0)
  })

  it('an organizer can withdraw someone; an unknown name changes nothing', async () => {
    await h.say('/报名 1 王芳 李明')
    expect(await h.say('/取消报名 1 李明 张三')).toEqual(['本学区没有找到「张三」。没有取消任何人的报名。'])
    expect(await statusOf()).toEqual(['王芳:confirmed', '李明:confirmed'])
    expect(await h.say('/取消报名 1 李明')).toEqual(['已取消 李明 的报名：#1「联合教研」。'])
  })

  it('an organizer of other activities may sign people up but not take their places away; those withdrawn are told', async () => {
    await h.say('/报名 1', { as: '王芳' })
    await h.say('/ping', { as: '孙老师' })
    await h.say('/授权 @孙老师 组织者', { mentions: [{ id: '孙老师', name: '孙老师' }] })
    expect(await h.say('/取消报名 1 王芳', { as: '孙老师' })).toEqual(['只有学区管理员、这项活动的组织者和工作室导师可以取消别人的报名。取消自己的报名请发送 /取消报名 1'])
    expect(await statusOf()).toEqual(['王芳:confirmed'])
    expect((await h.say('/报名 1 李明', { as: '孙老师' }))[0]).toContain('李明：已报名，第 2 位')
    const { sent } = await h.send('/取消报名 1 王芳')
    expect(sent.map((m) => [m.text, m.mentions])).toEqual([['已取消 王芳 的报名：#1「联合教研」。', [{ id: '王芳', name: '王芳' }]]])
  })
})

describe('plain 报名 in a group, as in a 接龙', () => {
  beforeEach(async () => {
    await h.say('/排期 12月3日下午 联合教研')
  })

  it('"报名 1" without a slash signs up; other chat is left alone', async () => {
    expect((await h.say('报名 1', { as: '王芳' }))[0]).toContain('王芳 报名成功')
    expect(await h.say('我下周报名', { as: '李明' })).toEqual([])
    expect(await h.say('1', { as: '李明' })).toEqual([])
  })

  it('"报名", "+1" or "1" quoting the bot announcement signs up for it; quoting a person does not', async () => {
    const announcement = { id: 'm-bot', text: '已安排 #1「联合教研」\n时间：12月3日(周四) 13:30', fromBot: true }
    expect((await h.say('报名', { as: '王芳', replyTo: announcement }))[0]).toContain('王芳 报名成功：#1')
    expect((await h.say('+1', { as: '李明', replyTo: announcement }))[0]).toContain('李明 报名成功：#1')
    expect((await h.say('１', { as: '赵丽', replyTo: announcement }))[0]).toContain('赵丽 报名成功：#1')
    expect(await h.say('+1', { as: '陈刚', replyTo: { ...announcement, fromBot: false } })).toEqual([])
    expect((await h.say('取消报名', { as: '李明', replyTo: announcement }))[0]).toBe('已取消 李明 的报名：#1「联合教研」。')
    expect(await statusOf()).toEqual(['王芳:confirmed', '李明:cancelled', '赵丽:confirmed'])
  })

  it('a plain "报名 1" in a group that is no district\'s gets no answer', async () => {
    expect(await h.say('报名 1', { as: '王芳', platform: 'wechat', chat: 'other-room', title: '家长群' })).toEqual([])
  })
})

describe('/名单 in the 接龙 layout', () => {
  beforeEach(async () => {
    await h.say('/排期 12月3日下午 联合教研 名额2')
    await h.say('/我是 王芳 育秀实验学校 语文 教龄5', { as: '王芳' })
    for (const name of ['王芳', '李明', '赵丽']) await h.say('/报名 1', { as: name })
  })

  it('shows admins everyone, numbered, with school and subject, then the waiting list', async () => {
    expect(await h.say('/名单 1')).toEqual([
      [
        '#1「联合教研」报名名单',
        '时间：12月3日(周四) 13:30 (第14周)',
        '已报名 2/2：',
        '1. 王芳 育秀实验学校 语文',
        '2. 李明',
        '候补 1 人：',
        '1. 赵丽',
      ].join('\n'),
    ])
  })

  it('shows a teacher the count and their own place only', async () => {
    const [reply] = await h.say('/名单 1', { as: '赵丽' })
    expect(reply).toBe(['#1「联合教研」报名名单', '时间：12月3日(周四) 13:30 (第14周)', '已报名 2/2，候补 1 人', '您在候补第 1 位。'].join('\n'))
    expect(reply).not.toContain('王芳')
  })
})

describe('a Lark card button press (via: button)', () => {
  it('returns the result and the redrawn card with the new count instead of posting them', async () => {
    await h.say('/排期 12月3日下午 联合教研 名额40')
    const { sent, returned } = await h.send('/报名 1', { as: '王芳', via: 'button' })
    expect(sent).toEqual([])
    expect(returned.map((m) => m.text)).toEqual([
      '王芳 报名成功：#1「联合教研」，第 1 位（还剩 39 个名额）。',
      '时间：12月3日(周四) 13:30 (第14周)\n名额：40\n已报名 1/40',
    ])
    expect(returned[1]!.buttons?.map((b) => b.command)).toEqual(['/报名 1', '/取消报名 1'])
    expect(returned[1]!.title).toBe('#1「联合教研」')
  })
})

describe('concurrency', () => {
  it('200 members signing up at the same instant for 30 places: 30 confirmed, 170 waiting in arrival order', async () => {
    await h.say('/排期 12月3日下午 联合教研 名额30')
    const names = Array.from({ length: 200 }, (_, i) => `老师${String(i + 1).padStart(3, '0')}`)
    await Promise.all(names.map((name) => h.say('/报名 1', { as: name })))
    const rows = await signups()
    expect(rows).toHaveLength(200)
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(200)
    expect(rows.map((r) => r.member.displayName)).toEqual(names)
    expect(rows.filter((r) => r.status === 'confirmed').map((r) => r.member.displayName)).toEqual(names.slice(0, 30))
    expect(rows.filter((r) => r.status === 'waiting').map((r) => r.member.displayName)).toEqual(names.slice(30))
    expect(rows.map((r) => r.seq)).toEqual(names.map((_, i) => i + 1))
  })
})

describe('what a sign-up says, read as its reader reads it', () => {
  it('a full activity\'s /名单 tells a teacher not on it that signing up now means the waiting list', async () => {
    await h.say('/排期 12月3日下午 名师讲堂 名额1')
    await h.say('/报名 1', { as: '王芳' })
    const [roster] = await h.say('/名单 1', { as: '李明' })
    expect(roster!.split('\n').at(-1)).toBe('名额已满，您现在报名会进入候补，有人取消时自动递补。候补请发送 /报名 1')
  })

  it('a series sign-up says it covers every session still to come', async () => {
    // Monday 11月23日: 每周三 to 1月20日 is 11-25, 12-2, 9, 16, 23, 30, 1-6, 13, 20: 9 Wednesdays, none a holiday.
    await h.say('/排期 每周三下午 至 2027-01-20 常态化联合教研')
    expect(await h.say('/报名 1', { as: '王芳' })).toEqual(['王芳 报名成功：#1「常态化联合教研」，第 1 位。\n这是例行活动，报名即参加全部 9 次。'])
    // A week later, two have passed.
    h.setNow('2026-12-03T09:00:00+08:00')
    expect(await h.say('/报名 1', { as: '李明' })).toEqual(['李明 报名成功：#1「常态化联合教研」，第 2 位。\n这是例行活动，报名即参加全部 7 次。'])
  })

  it('an organizer signing someone up who breaks a rule is told of them (TA), not as 您', async () => {
    await h.say('/排期 12月10日下午 新秀杯课堂教学评比 教龄1-8')
    await h.say('/我是 赵丽 育秀实验学校 语文 教龄12', { as: '赵丽' })
    expect(await h.say('/报名 1 赵丽')).toEqual(['赵丽 不能报名：此活动限教龄1-8年，TA登记的教龄不在这个范围。\n没有为任何人报名，请调整后重发。'])
    expect(await h.say('/报名 1 赵丽', { direct: true, chat: 'dm-我' })).toEqual(['赵丽 不能报名：此活动限教龄1-8年，TA登记的教龄是 12 年。\n没有为任何人报名，请调整后重发。'])
  })
})

describe('报名 written alone', () => {
  it('in a district group, quoting nothing, asks which activity and lists the coming ones; plain chat is left alone', async () => {
    await h.say('/排期 12月3日下午 名师讲堂')
    const [which] = await h.say('报名', { as: '王芳' })
    expect(which).toContain('请写上活动编号，例如：/报名 1')
    expect(which).toContain('名师讲堂')
    expect(await h.say('我也想报名，几点开始？', { as: '王芳' })).toEqual([])
    expect(await signups()).toHaveLength(0)
  })
})
