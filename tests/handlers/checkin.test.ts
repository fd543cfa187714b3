import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOfSlot, slotOf } from '../../src/services/checkin-codes.ts'
import { bindAsAdmin, createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'

/**
 * 签到 and 签退 through the console-like harness: one harness, the clock moved
 * per test, each test on activities of its own.
 */
let h: Harness
const dmMe: SayOptions = { direct: true, chat: 'dm-me' }
const wang: SayOptions = { as: '王芳' }
const li: SayOptions = { as: '李明' }

beforeAll(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/ping', dmMe)
  await h.say('/我是 王芳 育秀实验学校 语文', wang)
  await h.say('/我是 李明 西渡学校 历史', li)
  await h.say('/ping', { as: '赵丽' })
})
afterAll(() => h.close())

async function schedule(text: string): Promise<number> {
  h.setNow('2026-11-23T09:00:00+08:00')
  const [reply] = await h.say(`/排期 ${text}`)
  return Number(/#(\d+)/.exec(reply!)![1])
}

const db = () => h.app.db
const memberId = async (name: string) => (await db().member.findFirstOrThrow({ where: { OR: [{ realName: name }, { displayName: name }] } })).id
const attendanceOf = async (activityId: number, name: string) =>
  db().attendance.findFirst({ where: { activityId, memberId: await memberId(name) } })

describe('签到 and 签退', () => {
  it('checks in only within the window, and says when it opens or that it closed', async () => {
    const id = await schedule('11月25日 13:30-15:00 联合教研')
    await h.say(`/报名 ${id}`, wang)
    h.setNow('2026-11-25T12:50:00+08:00')
    expect(await h.say(`签到 ${id}`, wang)).toEqual([`#${id} 签到 11月25日(周三) 13:00 开始，到时再发送「签到 ${id}」。`])
    expect(await attendanceOf(id, '王芳')).toBeNull()
    h.setNow('2026-11-25T13:10:00+08:00')
    const [done] = await h.say('签到', wang)
    expect(done).toBe(`王芳 已签到：#${id}「联合教研」11月25日(周三) 13:30-15:00，13:10。\n离开时请发送「签退」。`)
    const row = await attendanceOf(id, '王芳')
    expect(row).toMatchObject({ status: 'present', via: 'self' })
    expect(row!.checkInAt!.toISOString()).toBe('2026-11-25T05:10:00.000Z')
    const changes = await db().attendanceChange.findMany({ where: { occurrenceId: row!.occurrenceId } })
    expect(changes).toMatchObject([{ action: 'checkIn', byId: await memberId('王芳'), memberId: await memberId('王芳') }])
    // Twice: said, and nothing changes.
    expect(await h.say(`/签到 ${id}`, wang)).toEqual([`王芳 已在 13:10 签到过 #${id}，不用再签。离开时请发送「签退」。`])
    expect(await db().attendanceChange.count({ where: { occurrenceId: row!.occurrenceId } })).toBe(1)
    h.setNow('2026-11-25T15:31:00+08:00')
    expect(await h.say(`签到 ${id}`, li)).toEqual([`#${id} 的签到已在 11月25日(周三) 15:30 结束。没签上的请找组织者补签。`])
  })

  it('a walk-in is recorded as not signed up; late is said; 签退 records leaving early, and needs a check-in', async () => {
    const id = await schedule('11月26日 14:00-16:00 名师讲堂')
    h.setNow('2026-11-26T14:12:00+08:00')
    expect(await h.say('签退', li)).toEqual(['您今天还没有签到，不能签退。先发送「签到」；补签请找组织者。'])
    expect(await h.say(`签退 ${id}`, li)).toEqual([`您还没有签到 #${id}，不能签退。现在在场请先发送「签到 ${id}」；补签请找组织者。`])
    expect(await h.say('签到', li)).toEqual([
      `李明 已签到：#${id}「名师讲堂」11月26日(周四) 14:00-16:00，14:12（迟到12分钟）。\n您没有报名这项活动，按未报名到场记录。\n离开时请发送「签退」。`,
    ])
    h.setNow('2026-11-26T15:40:00+08:00')
    expect(await h.say('签退', li)).toEqual([`李明 已签退：#${id}「名师讲堂」11月26日(周四) 14:00-16:00，15:40（早退20分钟）。`])
    expect(await h.say(`/签退 ${id}`, li)).toEqual([`李明 已在 15:40 签退过 #${id}。时间不对请找组织者更正。`])
    expect((await attendanceOf(id, '李明'))!.checkOutAt!.toISOString()).toBe('2026-11-26T07:40:00.000Z')
  })

  it('with several sessions open, asks which; signed up for one, takes that one', async () => {
    const a = await schedule('11月27日 09:00-10:00 语文组教研')
    const b = await schedule('11月27日 09:00-10:00 数学组教研')
    await h.say(`/报名 ${b}`, wang)
    h.setNow('2026-11-27T09:05:00+08:00')
    const [which] = await h.say('签到', { as: '赵丽' })
    expect(which).toContain('现在有 2 项活动可以签到，请写上编号：')
    expect(which).toContain(`例如：签到 ${a}`)
    expect(await attendanceOf(a, '赵丽')).toBeNull()
    const [mine] = await h.say('签到', wang)
    expect(mine).toContain(`王芳 已签到：#${b}「数学组教研」`)
  })

  it('a series checks in to that day\'s session; a cancelled session is refused with its reason', async () => {
    const id = await schedule('每周一 15:00-16:00 常态化联合教研')
    await h.say(`/报名 ${id}`, wang)
    h.setNow('2026-11-30T09:00:00+08:00')
    await h.say(`/取消 ${id} 12月7日 停一次 期中考试`)
    h.setNow('2026-11-30T15:05:00+08:00')
    expect((await h.say(`签到 ${id}`, wang))[0]).toContain('11月30日(周一) 15:00-16:00')
    const row = await attendanceOf(id, '王芳')
    expect((await db().occurrence.findUniqueOrThrow({ where: { id: row!.occurrenceId } })).date).toBe('2026-11-30')
    h.setNow('2026-12-07T15:05:00+08:00')
    const [refused] = await h.say(`签到 ${id}`, wang)
    expect(refused).toMatch(new RegExp(`^#${id} 12月7日\\(周一\\)这次不举行（.*期中考试.*），不用签到。$`))
  })

  it('a reply 「签到」 to the bot\'s reminder checks in to the activity it names', async () => {
    const id = await schedule('11月24日 10:00-11:00 小组教研')
    h.setNow('2026-11-24T09:00:00+08:00')
    await h.tick()
    const reminder = h.sent.findLast((m) => m.text.startsWith(`【活动提醒】#${id}`))!
    h.setNow('2026-11-24T09:45:00+08:00')
    const [done] = await h.say('签到', { as: '赵丽', replyTo: { id: 'r1', text: reminder.text, fromBot: true } })
    expect(done).toContain(`赵丽 已签到：#${id}「小组教研」`)
  })
})

describe('the on-site code', () => {
  let id: number
  const codeOf = async () => /签到码：(\d{4})/.exec((await h.say(`/签到码 ${id}`, dmMe))[0]!)![1]!

  beforeAll(async () => {
    id = await schedule('12月1日 14:00-16:00 现场观摩课')
    await h.say(`/设置 ${id} 签到码`)
  })

  it('/签到码 gives the code and a QR image in a direct chat, and is refused in a group and to teachers', async () => {
    h.setNow('2026-12-01T13:40:00+08:00')
    const { sent } = await h.send(`/签到码 ${id}`, dmMe)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.chat.chatId).toBe('dm-me')
    expect(sent[0]!.text).toMatch(/^#\d+「现场观摩课」12月1日\(周二\) 14:00-16:00 的签到码：\d{4}\n13:45 前有效/)
    expect(sent[0]!.file!.name).toMatch(/^签到码-\d+-\d{4}\.png$/)
    expect(Buffer.from(sent[0]!.file!.base64, 'base64').subarray(1, 4).toString()).toBe('PNG')
    const room = { platform: 'wechat' as const, chat: 'wx-room', title: '学区教研群' }
    await bindAsAdmin(h, room, '王主任')
    expect(await h.say(`/签到码 ${id}`, { ...room, as: '王主任', id: 'wechat-王主任' })).toEqual([`签到码不能发在群里（群里的人在家也能看到）。请私聊我发送 /签到码 ${id}`])
    // The console group is the operator's own terminal: the code is shown there.
    expect((await h.say(`/签到码 ${id}`))[0]).toMatch(/的签到码：\d{4}/)
    await h.say('/ping', { ...li, direct: true, chat: 'dm-li' })
    expect((await h.say(`/签到码 ${id}`, { ...li, direct: true, chat: 'dm-li' }))[0]).toContain('只有学区管理员和这项活动的组织者')
  })

  it('a check-in without the code, or with an expired one, is refused; a fresh one is taken', async () => {
    h.setNow('2026-12-01T13:50:00+08:00')
    await codeOf()
    expect((await h.say(`签到 ${id}`, wang))[0]).toContain('需要现场签到码')
    h.setNow('2026-12-01T14:02:00+08:00')
    const fresh = await codeOf()
    // A code shown earlier (a slot ten minutes back or more) that is not, by chance, one taken now.
    const { codeSecret } = await db().activity.findUniqueOrThrow({ where: { id } })
    const now = slotOf(new Date('2026-12-01T14:02:00+08:00'))
    const taken = [codeOfSlot(codeSecret!, now), codeOfSlot(codeSecret!, now - 1)]
    const expired = [4, 5, 6, 7].map((back) => codeOfSlot(codeSecret!, now - back)).find((c) => !taken.includes(c))!
    expect(taken).toContain(fresh)
    expect((await h.say(`签到 ${id} ${expired}`, wang))[0]).toBe(
      `签到码不对或已过期（每3分钟换一次）。请看现场屏幕上最新的码再发，例如：签到 ${id} 4821；屏幕上的码过期了请组织者私聊我发送 /签到码 ${id} 换新。`,
    )
    expect(await attendanceOf(id, '王芳')).toBeNull()
    const [done] = await h.say(`签到 ${fresh}`, wang)
    expect(done).toContain('王芳 已签到：')
    expect(await attendanceOf(id, '王芳')).toMatchObject({ status: 'present', via: 'code' })
  })

  it('repeated wrong codes are slowed down, even a right one then', async () => {
    h.setNow('2026-12-01T14:10:00+08:00')
    const right = await codeOf()
    const wrong = right === '0000' ? '1111' : '0000'
    for (let i = 0; i < 5; i++) expect((await h.say(`签到 ${id} ${wrong}`, li))[0]).toContain('签到码不对或已过期')
    expect(await db().codeAttempt.count({ where: { scope: `checkin:member:${await memberId('李明')}` } })).toBe(5)
    expect((await h.say(`签到 ${id} ${right}`, li))[0]).toContain('签到码输错太多次，请 15 分钟后再试')
    expect(await attendanceOf(id, '李明')).toBeNull()
  })
})

describe('corrections', () => {
  let id: number
  beforeAll(async () => {
    id = await schedule('12月2日 14:00-16:00 集体备课')
    await h.say(`/报名 ${id}`, wang)
    await h.say(`/报名 ${id}`, li)
    h.setNow('2026-12-02T14:30:00+08:00')
  })

  it('the organizer marks present, absent and times, each change recorded with who made it', async () => {
    expect(await h.say(`/到场 ${id} 王芳 李明`)).toEqual([`已记到场：#${id}「集体备课」12月2日(周三) 14:00-16:00\n王芳、李明`])
    expect(await h.say(`/缺席 ${id} 李明`)).toEqual([`已记缺席：#${id}「集体备课」12月2日(周三) 14:00-16:00\n李明`])
    expect(await h.say(`/签到 ${id} 王芳 14:05`)).toEqual([`已更正：王芳 在 14:05 签到（#${id}「集体备课」12月2日(周三) 14:00-16:00）。`])
    h.setNow('2026-12-02T15:55:00+08:00')
    expect(await h.say(`/签退 ${id} 王芳 15:50`)).toEqual([`已更正：王芳 在 15:50 签退（#${id}「集体备课」12月2日(周三) 14:00-16:00）。`])
    h.setNow('2026-12-02T14:30:00+08:00')
    const wangRow = await attendanceOf(id, '王芳')
    expect(wangRow).toMatchObject({ status: 'present', via: 'marked' })
    expect(wangRow!.checkInAt!.toISOString()).toBe('2026-12-02T06:05:00.000Z')
    expect(await attendanceOf(id, '李明')).toMatchObject({ status: 'absent', checkInAt: null })
    const me = await memberId('我')
    const changes = await db().attendanceChange.findMany({ where: { occurrenceId: wangRow!.occurrenceId }, orderBy: { id: 'asc' } })
    expect(changes.map((c) => [c.action, c.byId])).toEqual([['present', me], ['present', me], ['absent', me], ['checkIn', me], ['checkOut', me]])
    expect(changes[3]!.value).toBe('2026-12-02T06:05:00.000Z')
  })

  it('a teacher cannot mark anyone else', async () => {
    const before = await db().attendanceChange.count()
    expect(await h.say(`/到场 ${id} 李明`, wang)).toEqual([`只有学区管理员和这项活动的组织者可以为别人签到、记到场或缺席。为自己签到请发送「签到 ${id}」`])
    expect((await h.say(`/签到 ${id} 李明 14:05`, wang))[0]).toContain('只有学区管理员和这项活动的组织者')
    expect((await h.say(`/缺席 ${id} 李明`, wang))[0]).toContain('只有学区管理员和这项活动的组织者')
    expect(await db().attendanceChange.count()).toBe(before)
  })

  it('refuses bad input with a correct example and changes nothing', async () => {
    const before = await db().attendanceChange.count()
    expect(await h.say('/到场 999 王芳')).toEqual(['没有找到编号为 #999 的活动。发送 /活动 查看本学区的活动。'])
    expect(await h.say(`/签到 ${id} 王芳 25:99`)).toEqual([`没看懂时刻「25:99」。请这样写：/签到 ${id} 王芳 14:05`])
    expect(await h.say(`/签到 ${id} 王芳 18:30`)).toEqual([`18:30 不在这次活动的签到时间（13:30-16:30）里。请写这个时间段里的时刻，例如：/签到 ${id} 王芳 13:30`])
    // A time still ahead (it is 14:30) did not happen yet.
    expect(await h.say(`/签退 ${id} 王芳 15:00`)).toEqual([`15:00 还没到（现在 14:30），不能记为已签退。请写已经过去的时刻，例如：/签退 ${id} 王芳 14:30`])
    expect(await h.say(`/签到 ${id} 王芳`)).toEqual([`请这样写：/签到 ${id} 王芳 14:05（名字后写时刻）`])
    expect(await h.say(`/到场 ${id} 王芳 钱多多`)).toEqual([`本学区没有找到「钱多多」。没有更改任何人的签到。请核对名字后重发；名字没错的话请 @ 本人，例如：/到场 ${id} @钱多多`])
    expect((await h.say(`/到场 ${id} ${'长'.repeat(40)}`))[0]).toContain('太长了')
    expect(await h.say(`/到场 ${id} 11月31日 王芳`)).toEqual([`「11月31日」不是能用的日子。请写这项活动举行的日子，例如：/到场 ${id} 12月3日 王芳`])
    expect(await h.say(`/到场 ${id}`)).toEqual([`请这样写：/到场 ${id} 王芳 李明；例行活动写上日子：/到场 ${id} 12月3日 王芳`])
    expect(await h.say('签到 abc', wang)).toEqual([])
    const [help] = await h.say('/帮助 签到', wang)
    expect(help).toContain('/签到 12 王芳 14:05')
    expect(await h.say('/签到 abc', wang)).toEqual(['请这样写：签到、签到 12，需要签到码时：签到 12 4821'])
    expect(await db().attendanceChange.count()).toBe(before)
  })

  it('writes its examples with the activity, the day and the name that were written', async () => {
    const before = await db().attendanceChange.count()
    expect(await h.say(`/签到 ${id} 李明 09:25`)).toEqual([`09:25 不在这次活动的签到时间（13:30-16:30）里。请写这个时间段里的时刻，例如：/签到 ${id} 李明 13:30`])
    expect(await h.say(`/签到 ${id} 12月2日 李明 09:25`)).toEqual([`09:25 不在这次活动的签到时间（13:30-16:30）里。请写这个时间段里的时刻，例如：/签到 ${id} 12月2日 李明 13:30`])
    expect(await h.say(`/签退 ${id} 李明 15:00`)).toEqual([`15:00 还没到（现在 14:30），不能记为已签退。请写已经过去的时刻，例如：/签退 ${id} 李明 14:30`])
    expect(await h.say(`/签到 ${id} 李明 9点`)).toEqual([`没看懂时刻「9点」。请这样写：/签到 ${id} 李明 14:05`])
    expect(await h.say(`/签退 ${id} 李明`)).toEqual([`请这样写：/签退 ${id} 李明 16:30（名字后写时刻）`])
    expect(await h.say(`/缺席 ${id} 12月2日 钱多多`)).toEqual([`本学区没有找到「钱多多」。没有更改任何人的签到。请核对名字后重发；名字没错的话请 @ 本人，例如：/缺席 ${id} 12月2日 @钱多多`])
    expect(await h.say(`/缺席 ${id} 11月31日 李明`)).toEqual([`「11月31日」不是能用的日子。请写这项活动举行的日子，例如：/缺席 ${id} 12月3日 李明`])
    expect(await h.say(`/签到 ${id} 12月9日 李明 14:05`)).toEqual([`#${id} 在 12月9日(周三) 没有活动。请写它举行的日子，例如：/签到 ${id} 12月3日 李明`])
    expect(await db().attendanceChange.count()).toBe(before)
  })

  it('does not mark absent someone on approved 请假: says so, writes nothing, and says how to mark them present', async () => {
    const leaveId = await schedule('12月4日 09:00-10:30 听课评课')
    for (const who of [wang, li, { as: '赵丽' }]) await h.say(`/报名 ${leaveId}`, who)
    expect((await h.say(`/请假 ${leaveId} 学校有公开课`, { as: '赵丽' }))[0]).toContain('赵丽 已请假')
    h.setNow('2026-12-04T21:50:00+08:00')
    const before = await db().attendanceChange.count()
    expect(await h.say(`/缺席 ${leaveId} 赵丽`)).toEqual([
      `赵丽（学校有公开课） 已请假并获准，签到表和学时里记为请假，不算缺席。没有更改任何人的签到。如实际到场了，请发送：/到场 ${leaveId} 赵丽`,
    ])
    expect(await h.say(`/缺席 ${leaveId} 李明 赵丽`)).toEqual([
      `赵丽（学校有公开课） 已请假并获准，签到表和学时里记为请假，不算缺席。没有更改任何人的签到。如实际到场了，请发送：/到场 ${leaveId} 赵丽\n其他人请这样记缺席：/缺席 ${leaveId} 李明`,
    ])
    expect(await db().attendanceChange.count()).toBe(before)
    expect(await attendanceOf(leaveId, '赵丽')).toBeNull()
    const [hours] = await h.say(`/学时 ${leaveId}`)
    expect(hours).toContain('赵丽')
    expect(hours).toContain('请假')
    expect(await h.say(`/缺席 ${leaveId} 李明`)).toEqual([`已记缺席：#${leaveId}「听课评课」12月4日(周五) 09:00-10:30\n李明`])
    expect(await h.say(`/到场 ${leaveId} 赵丽`)).toEqual([`已记到场：#${leaveId}「听课评课」12月4日(周五) 09:00-10:30\n赵丽`])
  })
})

describe('签退 comes after 签到', () => {
  let id: number
  beforeAll(async () => {
    id = await schedule('12月8日 13:30-15:00 同课异构')
    await h.say(`/报名 ${id}`, wang)
    await h.say(`/报名 ${id}`, li)
    h.setNow('2026-12-08T15:20:00+08:00')
  })
  const times = async (name: string) => {
    const row = await attendanceOf(id, name)
    return [row?.checkInAt?.toISOString() ?? null, row?.checkOutAt?.toISOString() ?? null]
  }

  it('refuses a 签退 corrected to before (or at) the 签到, naming both times, with a time that fits', async () => {
    expect(await h.say(`/签到 ${id} 王芳 13:40`)).toEqual([`已更正：王芳 在 13:40 签到（#${id}「同课异构」12月8日(周二) 13:30-15:00）。`])
    const before = await db().attendanceChange.count()
    expect(await h.say(`/签退 ${id} 王芳 13:10`)).toEqual([
      `签退时刻 13:10 不晚于 王芳 的签到时刻 13:40，签退要在签到之后。没有更改签到。请写 13:40 之后的时刻，例如：/签退 ${id} 王芳 15:00；是签到时刻记错了的话，请先更正签到。`,
    ])
    expect((await h.say(`/签退 ${id} 12月8日 王芳 13:40`))[0]).toContain(`请写 13:40 之后的时刻，例如：/签退 ${id} 12月8日 王芳 15:00`)
    expect(await db().attendanceChange.count()).toBe(before)
    expect(await times('王芳')).toEqual(['2026-12-08T05:40:00.000Z', null])
    expect(await h.say(`/签退 ${id} 王芳 14:50`)).toEqual([`已更正：王芳 在 14:50 签退（#${id}「同课异构」12月8日(周二) 13:30-15:00）。`])
    // The 签到 corrected to after the 签退 is refused the same way.
    expect(await h.say(`/签到 ${id} 王芳 14:55`)).toEqual([
      `签到时刻 14:55 不早于 王芳 的签退时刻 14:50，签到要在签退之前。没有更改签到。请写 14:50 之前的时刻，例如：/签到 ${id} 王芳 13:30；是签退时刻记错了的话，请先更正签退。`,
    ])
    expect(await times('王芳')).toEqual(['2026-12-08T05:40:00.000Z', '2026-12-08T06:50:00.000Z'])
    const [hours] = await h.say(`/学时 ${id}`)
    expect(hours).toContain('王芳 0 学时（迟到 10 分钟、早退 10 分钟）')
  })

  it('a 签退 recorded first: a later 签到, corrected or the teacher\'s own, is refused; an earlier one is taken', async () => {
    expect((await h.say(`/签退 ${id} 李明 13:20`))[0]).toContain('已更正：李明 在 13:20 签退')
    expect(await h.say(`/签到 ${id} 李明 13:50`)).toEqual([
      `签到时刻 13:50 不早于 李明 的签退时刻 13:20，签到要在签退之前。没有更改签到。请写 13:20 之前的时刻，例如：/签到 ${id} 李明 13:00；是签退时刻记错了的话，请先更正签退。`,
    ])
    // Her own 签到 now (15:20) would come after the 签退 the organizer recorded.
    expect(await h.say(`签到 ${id}`, li)).toEqual([`李明 已在 13:20 签退过 #${id}，不能再签到。时间不对请找组织者更正。`])
    expect(await times('李明')).toEqual([null, '2026-12-08T05:20:00.000Z'])
    expect((await h.say(`/签到 ${id} 李明 13:10`))[0]).toContain('已更正：李明 在 13:10 签到')
    expect(await times('李明')).toEqual(['2026-12-08T05:10:00.000Z', '2026-12-08T05:20:00.000Z'])
  })
})

describe('a teacher on 请假 who comes after all', () => {
  it('is told her 请假 is set aside: recorded present, counted present only, not as a walk-in', async () => {
    const id = await schedule('12月9日 09:00-10:30 读书分享')
    await h.say(`/报名 ${id}`, wang)
    await h.say(`/报名 ${id}`, li)
    expect((await h.say(`/请假 ${id} 家里有事`, wang))[0]).toContain('王芳 已请假')
    h.setNow('2026-12-09T08:55:00+08:00')
    expect(await h.say(`签到 ${id}`, wang)).toEqual([
      `王芳 已签到：#${id}「读书分享」12月9日(周三) 09:00-10:30，08:55。\n您这次请了假，现在到场了：按出席记录，这次的请假不再算。\n离开时请发送「签退」。`,
    ])
    expect(await attendanceOf(id, '王芳')).toMatchObject({ status: 'present', via: 'self' })
    h.setNow('2026-12-09T11:00:00+08:00')
    const [hours] = await h.say(`/学时 ${id}`)
    expect(hours).toContain('王芳 1.5 学时')
    expect(hours).not.toContain('请假')
    await h.tick()
    const summary = h.sent.find((m) => m.text.startsWith(`【签到汇总】#${id}`))!.text
    expect(summary.split('\n')).toEqual([
      `【签到汇总】#${id}「读书分享」12月9日(周三) 09:00-10:30`,
      '报名 2 · 签到 1',
      '缺席：李明',
      `更正：/到场 ${id} 王芳、/缺席 ${id} 赵丽、/签到 ${id} 王芳 14:05`,
    ])
  })
})

describe('the organizer\'s summary after a session', () => {
  it('reaches the organizer\'s direct chat once, when the window closes, with the right names', async () => {
    const id = await schedule('12月3日 14:00-16:00 主题式联合教研')
    for (const who of [wang, li, { as: '赵丽' }, { as: '钱红' }]) await h.say(`/报名 ${id}`, who)
    // An approved 请假 for this session (written as the 请假 service writes it).
    const occurrence = await db().occurrence.findFirstOrThrow({ where: { activityId: id } })
    await db().leave.create({
      data: { activityId: id, occurrenceId: occurrence.id, memberId: await memberId('钱红'), reason: '外出培训', status: 'approved', askedAt: new Date('2026-12-01T09:00:00+08:00') },
    })
    await db().signup.updateMany({ where: { activityId: id, memberId: await memberId('钱红') }, data: { status: 'leave' } })
    h.setNow('2026-12-03T13:50:00+08:00')
    await h.say('签到', li)
    await h.say('签到', { as: '孙强' })
    h.setNow('2026-12-03T14:15:00+08:00')
    await h.say('签到', wang)
    h.setNow('2026-12-03T15:30:00+08:00')
    await h.say('签退', li)
    h.setNow('2026-12-03T16:29:00+08:00')
    await h.tick()
    expect(h.sent.filter((m) => m.text.includes(`【签到汇总】#${id}`))).toEqual([])
    h.setNow('2026-12-03T16:30:00+08:00')
    const before = h.sent.length
    await h.tick()
    const summaries = h.sent.slice(before).filter((m) => m.text.startsWith('【签到汇总】'))
    expect(summaries).toHaveLength(1)
    expect(summaries[0]!.chat.chatId).toBe('dm-me')
    expect(summaries[0]!.text).toBe([
      `【签到汇总】#${id}「主题式联合教研」12月3日(周四) 14:00-16:00`,
      '报名 4 · 签到 3',
      '迟到：王芳（15分钟）',
      '早退：李明（30分钟）',
      '缺席：赵丽',
      '请假：钱红',
      '未报名到场：孙强',
      `更正：/到场 ${id} 王芳、/缺席 ${id} 赵丽、/签到 ${id} 王芳 14:05`,
    ].join('\n'))
    h.setNow('2026-12-03T17:00:00+08:00')
    await h.tick()
    expect(h.sent.filter((m) => m.text.includes(`【签到汇总】#${id}`))).toHaveLength(1)
    expect(await db().reminder.count({ where: { key: `summary:${occurrence.id}` } })).toBe(1)
  })
})

describe('the summary of an organizer who never wrote to the bot in private', () => {
  it('goes to an admin\'s direct chat, saying so; never to a group', async () => {
    h.setNow('2026-11-23T09:00:00+08:00')
    await h.say('/授权 @周老师 组织者', { mentions: [{ id: '周老师', name: '周老师' }] })
    const [made] = await h.say('/排期 12月10日 14:00-15:00 读书分享', { as: '周老师' })
    const id = Number(/#(\d+)/.exec(made!)![1])
    await h.say(`/报名 ${id}`, wang)
    h.setNow('2026-12-10T14:05:00+08:00')
    await h.say('签到', wang)
    h.setNow('2026-12-10T15:31:00+08:00')
    const before = h.sent.length
    await h.tick()
    const summaries = h.sent.slice(before).filter((m) => m.text.startsWith(`【签到汇总】#${id}`))
    expect(summaries.map((m) => m.chat.chatId)).toEqual(['dm-me'])
    expect(summaries[0]!.text.split('\n').at(-1)).toBe('（组织者 周老师 还没有私聊过我，汇总发给管理员；请 TA 私聊我发一句话，以后直接发给 TA。）')
  })
})

describe('another district', () => {
  it('a member of another district can neither check in nor see anything', async () => {
    const id = await schedule('12月4日 14:00-16:00 跨校听课')
    await h.say(`/设置 ${id} 签到码`)
    const code = await h.app.db.claimCode.create({ data: { code: 'ABCD-EFGH' } })
    const other = { platform: 'wechat' as const, chat: 'other-room', title: '别的学区群', as: '陈主任', id: 'wx-chen' }
    await h.say(`/认领 ${code.code} 别的学区`, other)
    const otherDm = { ...other, direct: true, chat: 'wx-chen-dm' }
    h.setNow('2026-12-04T14:10:00+08:00')
    const before = await db().attendanceChange.count()
    const notFound = `没有找到编号为 #${id} 的活动。发送 /活动 查看本学区的活动。`
    expect(await h.say(`签到 ${id}`, other)).toEqual([notFound])
    expect(await h.say(`/签到码 ${id}`, otherDm)).toEqual([notFound])
    expect(await h.say(`/到场 ${id} 王芳`, other)).toEqual([notFound])
    expect(await h.say(`/签退 ${id}`, otherDm)).toEqual([notFound])
    expect(await h.say('签到', other)).toEqual(['现在没有可以签到的活动（签到从开始前30分钟到结束后30分钟）。发送 /本周 查看本周的活动。'])
    expect(await db().attendanceChange.count()).toBe(before)
  })
})
