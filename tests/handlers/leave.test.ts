import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

// One harness for the file: each describe schedules its own activities (#1, #2, …) in order.
let h: Harness
beforeAll(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterAll(() => h.close())

const statusOf = async (activityId: number) =>
  (await h.app.db.signup.findMany({ where: { activityId }, orderBy: { seq: 'asc' }, include: { member: true } })).map((s) => `${s.member.displayName}:${s.status}`)
const leavesOf = async (activityId: number) =>
  (await h.app.db.leave.findMany({ where: { activityId }, orderBy: { id: 'asc' } })).map((l) => ({ memberId: l.memberId, status: l.status, reason: l.reason, refusal: l.refusal }))
const snapshot = async () => [await h.app.db.signup.findMany({ orderBy: { id: 'asc' } }), await h.app.db.leave.findMany({ orderBy: { id: 'asc' } })]
const dm = (as: string) => ({ as, direct: true, chat: `dm-${as}` })

describe('/请假 without approval', () => {
  beforeAll(async () => {
    await h.say('/排期 12月3日 13:30-16:00 名师讲堂 @建平实验中学 名额2') // #1
    for (const name of ['王芳', '李明', '赵丽', '陈刚']) await h.say('/报名 1', { as: name })
  })

  it('frees the confirmed place for the first on the waiting list, who is told by @mention', async () => {
    const { sent } = await h.send('/请假 1 外出培训', { as: '李明' })
    expect(sent.map((m) => m.text)).toEqual([
      '李明 已请假：#1「名师讲堂」12月3日(周四) 13:30-16:00。如又能参加，发送 /销假 1',
      '名额空出，候补的 赵丽 已递补为正式名额：#1「名师讲堂」，12月3日(周四) 13:30-16:00 (第14周)。请准时参加；不能参加请发送 /取消报名 1',
    ])
    expect(sent[1]!.mentions).toEqual([{ id: '赵丽', name: '赵丽' }])
    expect(await statusOf(1)).toEqual(['王芳:confirmed', '李明:leave', '赵丽:confirmed', '陈刚:waiting'])
    // The reason is never repeated in the group.
    expect(sent[0]!.text).not.toContain('外出培训')
  })

  it('asking twice updates the reason and promotes nobody more', async () => {
    // Written without the slash, as 报名 12 is.
    expect(await h.say('请假 1 区里临时开会', { as: '李明' })).toEqual(['已更新 李明 的请假原因：#1 12月3日(周四) 13:30-16:00。'])
    expect((await leavesOf(1)).map((l) => l.reason)).toEqual(['区里临时开会'])
    expect(await statusOf(1)).toEqual(['王芳:confirmed', '李明:leave', '赵丽:confirmed', '陈刚:waiting'])
  })

  it('/名单 lists 请假 apart: names to the organizer, reasons only in a direct chat, a count to others', async () => {
    const [inGroup] = await h.say('/名单 1')
    expect(inGroup).toContain('已报名 2/2：')
    expect(inGroup).toContain('请假 1 人：\n1. 李明')
    expect(inGroup).not.toContain('区里临时开会')
    const [direct] = await h.say('/名单 1', dm('我'))
    expect(direct).toContain('1. 李明：区里临时开会')
    const [teacher] = await h.say('/名单 1', { as: '陈刚' })
    expect(teacher).toContain('请假 1 人。')
    expect(teacher).not.toContain('李明')
    expect(await h.say('/名单 1', { as: '李明' })).toEqual([expect.stringContaining('您已请假。如又能参加，发送 /销假 1')])
  })

  it('/销假 puts them back at the end of the waiting list, since the place was given on', async () => {
    expect(await h.say('/销假 1', { as: '李明' })).toEqual([
      '李明 已销假：#1「名师讲堂」12月3日(周四) 13:30-16:00。请假时名额已递补给别人，您现在在候补第 2 位，有人取消时自动递补。',
    ])
    expect(await statusOf(1)).toEqual(['王芳:confirmed', '赵丽:confirmed', '陈刚:waiting', '李明:waiting'])
    expect((await leavesOf(1)).map((l) => l.status)).toEqual(['withdrawn'])
    expect(await h.say('/销假 1', { as: '李明' })).toEqual(['您在 #1 没有请假，不需要销假。'])
  })

  it('refuses bad input with a correct example and changes nothing', async () => {
    const before = await snapshot()
    expect(await h.say('/请假 1', { as: '王芳' })).toEqual(['请写明请假原因，例如：/请假 1 外出培训'])
    expect(await h.say('/请假', { as: '王芳' })).toEqual(['请写上活动编号，例如：/请假 12 外出培训'])
    expect(await h.say('/请假 99 外出', { as: '王芳' })).toEqual(['没有找到编号为 #99 的活动。发送 /活动 查看本学区的活动。'])
    expect(await h.say('/请假 1 有事', { as: '路人' })).toEqual(['您没有报名 #1，不需要请假。报名请发送 /报名 1'])
    expect(await h.say(`/请假 1 ${'很'.repeat(101)}`, { as: '王芳' })).toEqual(['请假原因太长了（最多 100 个字），请精简后再发。例如：/请假 12 外出培训'])
    expect(await h.say('/请假 1 11月31日 有事', { as: '王芳' })).toEqual(['「11月31日」不是这项活动的日子，没有请假。请核对日期，例如：/请假 1 外出培训'])
    expect(await h.say('/准假 1 王芳', { as: '我' })).toEqual(['#1 没有等待审批的请假。'])
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a leave once the session has started', async () => {
    h.setNow('2026-12-03T13:40:00+08:00')
    const before = await snapshot()
    expect(await h.say('/请假 1 堵车', { as: '王芳' })).toEqual(['#1 12月3日(周四) 13:30-16:00这一次已经开始，不能再请假了。如有特殊情况请联系组织者。'])
    expect(await snapshot()).toEqual(before)
    h.setNow('2026-11-23T09:00:00+08:00')
  })
})

describe('/请假 with approval', () => {
  beforeAll(async () => {
    await h.say('/排期 12月4日 13:30-16:00 青蓝工程汇报课 名额1') // #2
    await h.app.db.activity.update({ where: { id: 2 }, data: { leaveApproval: true } })
    await h.say('/帮助', dm('我')) // the organizer has a direct chat with the bot
    await h.say('/报名 2', dm('赵丽'))
    await h.say('/报名 2', { as: '陈刚' })
  })

  it('waits for the organizer, who is told in a direct chat with the reason; nothing is freed', async () => {
    const { sent } = await h.send('/请假 2 孩子生病', { as: '赵丽' })
    expect(sent.map((m) => [m.chat.chatId, m.text])).toEqual([
      ['dm-我', '【请假审批】赵丽 申请请假：#2「青蓝工程汇报课」12月4日(周五) 13:30-16:00\n原因：孩子生病\n同意请发送 /准假 2 赵丽\n不同意请发送 /不准假 2 赵丽 原因'],
      ['console', '已收到 赵丽 的请假申请：#2「青蓝工程汇报课」12月4日(周五) 13:30-16:00。需要组织者审批，结果会告诉您；批准前请按报名参加。'],
    ])
    expect(await statusOf(2)).toEqual(['赵丽:confirmed', '陈刚:waiting'])
    expect((await leavesOf(2)).map((l) => l.status)).toEqual(['pending'])
  })

  it('only the organizer or an admin decides', async () => {
    expect((await h.say('/准假 2 赵丽', { as: '陈刚' }))[0]).toContain('只有')
    expect((await leavesOf(2)).map((l) => l.status)).toEqual(['pending'])
  })

  it('/不准假 needs a reason, then tells the teacher in their direct chat and frees nothing', async () => {
    const before = await snapshot()
    expect(await h.say('/不准假 2 赵丽')).toEqual(['请写明不准假的原因，例如：/不准假 2 赵丽 本次为考核课，请参加'])
    expect(await h.say('/不准假 2 李四 不行')).toEqual(['李四 在 #2 没有等待审批的请假。等待审批的有：赵丽'])
    expect(await snapshot()).toEqual(before)
    const { sent } = await h.send('/不准假 2 赵丽 本次为考核课')
    expect(sent.map((m) => [m.chat.chatId, m.text])).toEqual([
      ['dm-赵丽', '赵丽 的请假没有获准：#2「青蓝工程汇报课」12月4日(周五) 13:30-16:00。原因：本次为考核课。请按时参加。'],
      ['console', '已不准假：赵丽，#2 12月4日(周五) 13:30-16:00。已私聊告诉 赵丽。'],
    ])
    expect(await statusOf(2)).toEqual(['赵丽:confirmed', '陈刚:waiting'])
    expect(await leavesOf(2)).toEqual([expect.objectContaining({ status: 'refused', refusal: '本次为考核课' })])
  })

  it('asked again and approved with /准假: the place is freed, the promoted member and the teacher are told', async () => {
    await h.say('/请假 2 孩子住院', dm('赵丽'))
    const { sent } = await h.send('/准假 2 赵丽')
    expect(sent.map((m) => [m.chat.chatId, m.text])).toEqual([
      ['dm-赵丽', '赵丽 的请假已批准：#2「青蓝工程汇报课」12月4日(周五) 13:30-16:00。如又能参加，发送 /销假 2'],
      ['console', '已准假：赵丽，#2 12月4日(周五) 13:30-16:00。已私聊告诉 赵丽。'],
      ['console', expect.stringContaining('候补的 陈刚 已递补为正式名额')],
    ])
    expect(await statusOf(2)).toEqual(['赵丽:leave', '陈刚:confirmed'])
    const leave = await h.app.db.leave.findFirstOrThrow({ where: { activityId: 2 } })
    expect(leave.decidedById).not.toBeNull()
    expect(leave.status).toBe('approved')
  })
})

describe('/请假 for one session of a series', () => {
  beforeAll(async () => {
    await h.say('/排期 每周一下午 常态化联合教研 名额1') // #3
    await h.say('/报名 3', { as: '周敏' })
    await h.say('/报名 3', { as: '孙强' })
  })

  it('takes leave for that day only: the sign-up stays and nobody is promoted', async () => {
    expect(await h.say('/请假 3 12月7日 学校有公开课', { as: '周敏' })).toEqual([
      '周敏 已请假：#3「常态化联合教研」12月7日(周一) 13:30。其余各次照常参加。如又能参加，发送 /销假 3 12月7日',
    ])
    expect(await statusOf(3)).toEqual(['周敏:confirmed', '孙强:waiting'])
    const [leave] = await h.app.db.leave.findMany({ where: { activityId: 3 }, include: { occurrence: true } })
    expect(leave!.occurrence.date).toBe('2026-12-07')
  })

  it('without a date takes the next session; a day the series is not held on is refused', async () => {
    await h.say('/请假 3 外出', { as: '周敏' })
    const dates = (await h.app.db.leave.findMany({ where: { activityId: 3 }, include: { occurrence: true }, orderBy: { id: 'asc' } })).map((l) => l.occurrence.date)
    expect(dates).toEqual(['2026-12-07', '2026-11-23'])
    const before = await snapshot()
    expect((await h.say('/请假 3 12月8日 外出', { as: '周敏' }))[0]).toMatch(/^#3 12月8日没有活动（接下来：.*），没有请假。例如：\/请假 3 11月23日 外出培训$/)
    expect(await snapshot()).toEqual(before)
  })

  it('/销假 with the day takes back that session only', async () => {
    expect(await h.say('/销假 3 12月7日', { as: '周敏' })).toEqual(['周敏 已销假：#3「常态化联合教研」12月7日(周一) 13:30，请照常参加。'])
    const rows = await h.app.db.leave.findMany({ where: { activityId: 3 }, include: { occurrence: true }, orderBy: { id: 'asc' } })
    expect(rows.map((l) => `${l.occurrence.date}:${l.status}`)).toEqual(['2026-12-07:withdrawn', '2026-11-23:approved'])
  })

  it('/我的 says which coming meeting one is on leave for', async () => {
    const mine = (await h.say('/我的', { as: '周敏' })).join('\n')
    expect(mine).toContain('#3 常态化联合教研 11月23日(周一) 13:30 （这一次请假，能参加了请发送 /销假 3）')
  })

  it('the reminder of a session a member is on leave for does not @mention them', async () => {
    h.setNow('2026-11-23T12:31:00+08:00')
    const from = h.sent.length
    await h.tick()
    const reminders = h.sent.slice(from).filter((m) => m.text.includes('#3'))
    h.setNow('2026-11-23T09:00:00+08:00')
    const reminder = reminders.find((m) => m.key === 'before:3:1h:1')!
    expect(reminder.text).toBe('【活动提醒】#3「常态化联合教研」13:30 开始（还有59分钟）。\n已报名 1 人，请准时参加；这一次不能参加请发送 /请假 3 11月23日 原因')
    expect(reminder.mentions).toEqual([])
    // The organizer's list shows 周敏 apart, on 请假 for this session.
    expect(reminders.find((m) => m.key === 'list:3:1d')!.text).toBe(
      '【报名名单】#3「常态化联合教研」11月23日(周一) 13:30 (第13周)\n已报名 0/1：\n候补 1 人：\n1. 孙强\n请假 1 人：\n1. 周敏',
    )
  })

  it('/销假 once the session began says so, not that there is no leave', async () => {
    h.setNow('2026-11-23T13:40:00+08:00')
    const before = await snapshot()
    expect(await h.say('/销假 3 11月23日', { as: '周敏' })).toEqual(['#3 您请假的那一次已经开始，不能再销假；到场了请发送「签到 3」。'])
    expect(await snapshot()).toEqual(before)
    h.setNow('2026-11-23T09:00:00+08:00')
  })

  it('a member of another district can do nothing here', async () => {
    const code = await h.app.db.claimCode.create({ data: { code: 'ABCD-EFGH' } })
    const other = { platform: 'wechat' as const, chat: 'other-room', title: '别的学区群', as: '陈主任', id: 'wx-chen' }
    await h.say(`/认领 ${code.code} 别的学区`, other)
    const before = await snapshot()
    const notFound = '没有找到编号为 #3 的活动。发送 /活动 查看本学区的活动。'
    expect(await h.say('/请假 3 外出', other)).toEqual([notFound])
    expect(await h.say('/准假 3 周敏', other)).toEqual([notFound])
    expect(await h.say('/销假 3', other)).toEqual([notFound])
    expect(await snapshot()).toEqual(before)
  })
})

describe('the weekly digest counts 请假 beside the places', () => {
  it('shows how many are on leave for a session this week', async () => {
    h.setNow('2026-11-30T07:30:00+08:00')
    await h.tick()
    const digest = h.sent.findLast((m) => m.text.includes('学区活动'))!.text
    const lines = digest.split('\n')
    // #1's leave was taken back (/销假); #2's was approved.
    expect(lines.find((l) => l.startsWith('#1 '))).toBe('#1 12月3日(周四) 13:30-16:00 名师讲堂 · 建平实验中学 · 名额已满（可候补）')
    expect(lines.find((l) => l.startsWith('#2 '))).toBe('#2 12月4日(周五) 13:30-16:00 青蓝工程汇报课 · 名额已满（可候补） · 请假1人')
  })
})

describe('代请假', () => {
  it('the organizer asks 请假 for a teacher who called in; a teacher may not for another, and nothing changes', async () => {
    h.setNow('2026-11-23T09:00:00+08:00')
    const [made] = await h.say('/排期 12月9日 13:30-16:00 读书分享 名额1 请假审批')
    const id = Number(/#(\d+)/.exec(made!)![1])
    await h.say(`/报名 ${id}`, { as: '吴敏' })
    await h.say(`/报名 ${id}`, { as: '郑洁' })
    const before = await snapshot()
    expect(await h.say(`/请假 ${id} 吴敏 生病`, { as: '郑洁' })).toEqual([
      `只能为自己请假：请 吴敏 本人发送 /请假 ${id} 原因（组织者和管理员可以代请假）。您自己请假请发送 /请假 ${id} 原因`,
    ])
    // Naming someone not signed up for it is refused too, never taken as the sender's own reason.
    expect((await h.say(`/请假 ${id} 王芳 生病`, { as: '郑洁' }))[0]).toContain('只能为自己请假：请 王芳 本人发送')
    expect(await h.say(`/请假 ${id} 王芳 生病`)).toEqual([`王芳 没有报名 #${id}，不需要请假。`])
    expect(await snapshot()).toEqual(before)
    // From the admin: approved at once (they are the ones who approve), the place goes to 郑洁.
    const { sent } = await h.send(`/请假 ${id} 吴敏 生病`)
    expect(sent[0]!.text).toMatch(new RegExp(`^吴敏 已请假：#${id}「读书分享」`))
    expect(await statusOf(id)).toEqual(['吴敏:leave', '郑洁:confirmed'])
    expect((await leavesOf(id)).map((l) => [l.status, l.reason])).toEqual([['approved', '生病']])
  })
})

describe('reasons as typed', () => {
  it('keeps a 请假 or 不准假 reason exactly as written, quotes and full-width punctuation included', async () => {
    h.setNow('2026-11-23T09:00:00+08:00')
    const [made] = await h.say('/排期 12月10日 13:30-16:00 说课比赛 请假审批')
    const id = Number(/#(\d+)/.exec(made!)![1])
    await h.say(`/报名 ${id}`, { as: '冯磊' })
    await h.say(`/请假 ${id} 参加“育秀杯”比武，外出`, dm('冯磊'))
    expect((await leavesOf(id)).map((l) => l.reason)).toEqual(['参加“育秀杯”比武，外出'])
    const { sent } = await h.send(`/不准假 ${id} 冯磊 “育秀杯”已改期，请参加`)
    expect(sent.find((m) => m.chat.chatId === 'dm-冯磊')!.text).toContain('原因：“育秀杯”已改期，请参加。')
    expect((await leavesOf(id)).map((l) => l.refusal)).toEqual(['“育秀杯”已改期，请参加'])
  })
})
