import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindAsAdmin, createHarness, type Harness } from '../helpers/harness.ts'
import { AFTER_TERM_SESSIONS, seedHoursTerm, TERM_START } from '../helpers/hours-term.ts'

let h: Harness
const wechat = { platform: 'wechat' as const, chat: 'wx-room', title: '育秀语文群' }
const liu = { ...wechat, as: '刘洋', id: 'wx-liu' }

beforeAll(async () => {
  h = await createHarness(TERM_START)
  await seedHoursTerm(h)
  await bindAsAdmin(h, wechat, '张主任', 'wx-zhang')
  await h.say('/报名 1', liu)
  const account = await h.app.db.account.findFirstOrThrow({ where: { userId: 'wx-liu' } })
  const occurrenceId = (await h.app.db.occurrence.findFirstOrThrow({ where: { activityId: 1 } })).id
  await h.app.db.attendance.create({
    data: { occurrenceId, activityId: 1, memberId: account.memberId, status: 'present', checkInAt: new Date('2026-11-25T14:05:00+08:00'), updatedAt: new Date(), via: 'self' },
  })
  h.setNow(AFTER_TERM_SESSIONS)
})
afterAll(() => h.close())

const direct = (as: string) => ({ as, direct: true, chat: `dm-${as}` })
const WANG = [
  '【王芳的学时】',
  '本学期（第一学期）共 5.5 学时：学区级（集团级） 2.5、区级 3',
  '本学年（2026—2027学年）共 5.5 学时：学区级（集团级） 2.5、区级 3',
  '【本学期】',
  '11月25日(周三) #1 联合教研 · 学区级（集团级） · 2.5 学时',
  '12月2日(周三) #2 区级教研 · 区级 · 3 学时',
  '12月3日(周四) #3 读书交流 · 学区级（集团级） · 学时未定',
  '有 1 次活动只定了日期、没有时刻，学时未定：由组织者设置，例如 /设置 3 学时 2',
].join('\n')

/** Attendance and 请假 as stored: a view must leave them as they are. */
const snapshot = async () => JSON.stringify([await h.app.db.attendance.findMany({ orderBy: { id: 'asc' } }), await h.app.db.leave.findMany({ orderBy: { id: 'asc' } })])

describe('/学时 for a teacher', () => {
  it('lists this term\'s and this year\'s hours activity by activity, with the totals per level', async () => {
    expect(await h.say('/学时', direct('王芳'))).toEqual([WANG])
  })

  it('says why a session earned nothing, and a presenter\'s multiple', async () => {
    const [late] = await h.say('/学时', direct('李明'))
    expect(late).toContain('11月25日(周三) #1 联合教研 · 学区级（集团级） · 0 学时（迟到 40 分钟）')
    expect(late).toContain('本学期（第一学期）共 0 学时')
    const [presenter] = await h.say('/学时', direct('王佩红'))
    expect(presenter).toContain('#1 联合教研 · 学区级（集团级） · 主讲×2 5 学时')
  })

  it('in a group, sends the list to the teacher\'s direct chat and says so in one line', async () => {
    expect(await h.say('/学时', liu)).toEqual(['学时含个人信息，只发到私聊：请先私聊我发送任意一条消息（例如 /ping），再发送 /学时。'])
    await h.say('/ping', { platform: 'wechat', as: '刘洋', id: 'wx-liu', direct: true, chat: 'wx-liu' })
    const { sent } = await h.send('/学时', liu)
    expect(sent.map((m) => m.chat.chatId)).toEqual(['wx-liu', 'wx-room'])
    expect(sent[0]!.text).toContain('#1 联合教研 · 学区级（集团级） · 2.5 学时')
    expect(sent[1]!.text).toBe('已把学时私聊发给您，请查收。')
  })
})

describe('/学时 for admins and organizers', () => {
  it('an admin sees one teacher, or everyone, in a direct chat', async () => {
    expect(await h.say('/学时 王芳', direct('我'))).toEqual([WANG])
    expect(await h.say('/学时 全部', direct('我'))).toEqual([
      [
        '【全部老师的学时】本学期（第一学期）/ 本学年（2026—2027学年）',
        '陈刚：本学期 0，本学年 0 学时',
        '李明：本学期 0，本学年 0 学时',
        '刘洋：本学期 2.5，本学年 2.5 学时',
        '孙丽：本学期 0，本学年 0 学时',
        '王佩红：本学期 5，本学年 5 学时',
        '吴敏：本学期 2.5，本学年 2.5 学时',
        '赵丽：本学期 2.5，本学年 2.5 学时',
        '周强：本学期 0，本学年 0 学时',
        '王芳（育秀实验学校）：本学期 5.5，本学年 5.5 学时',
      ].join('\n'),
    ])
  })

  it('the organizer sees each session of their activity: who came and the hours given', async () => {
    expect(await h.say('/学时 1', direct('我'))).toEqual([
      [
        '【#1「联合教研」出席和学时】学区级（集团级），每次 2.5 学时',
        '11月25日(周三) 14:00：出席 7 人，请假 1 人，缺席 1 人',
        '  陈刚 0 学时（早退 40 分钟）',
        '  李明 0 学时（迟到 40 分钟）',
        '  刘洋 2.5 学时',
        '  孙丽 请假',
        '  王芳 2.5 学时',
        '  王佩红 主讲×2 5 学时',
        '  吴敏 2.5 学时',
        '  赵丽 2.5 学时',
        '  周强 缺席',
      ].join('\n'),
    ])
  })

  it('an organizer who is no admin sees their own activity, not another\'s', async () => {
    await h.say('/授权 @赵丽 组织者', { mentions: [{ id: '赵丽', name: '赵丽' }] })
    const [scheduled] = await h.say('/排期 12月10日 14:00 小组教研', { as: '赵丽' })
    const id = Number(/#(\d+)/.exec(scheduled!)![1])
    expect(await h.say(`/学时 ${id}`, direct('赵丽'))).toEqual([`#${id} 还没有出席记录（还没有举行，或举行时没有人报名、签到）。`])
    expect(await h.say('/学时 1', direct('赵丽'))).toEqual(['只有 #1 的组织者和学区管理员可以查看它的出席和学时。查看自己的学时：/学时'])
  })

  it('/帮助 学时 says who may use each form', async () => {
    const [help] = await h.say('/帮助 学时')
    expect(help).toContain('/学时 <活动编号>：学区管理员，以及这项活动的组织者和工作室导师')
    expect(help).toContain('/学时 <名字>|全部：学区管理员')
  })

  it('refuses others, with a correct example, and changes nothing', async () => {
    const before = await snapshot()
    expect(await h.say('/学时 王芳', direct('李明'))).toEqual(['只有学区管理员可以查看别人的学时。查看自己的学时：/学时'])
    // One's own name is one's own hours, as /学时 alone.
    expect(await h.say('/学时 李明', direct('李明'))).toEqual(await h.say('/学时', direct('李明')))
    expect(await h.say('/学时 1', direct('李明'))).toEqual(['只有 #1 的组织者和学区管理员可以查看它的出席和学时。查看自己的学时：/学时'])
    expect(await h.say('/学时 全部', { ...wechat, as: '张主任', id: 'wx-zhang' })).toEqual(['别人的学时含个人信息，只在私聊里查看：请私聊我发送 /学时 全部'])
    expect(await h.say('/学时 王五', direct('我'))).toEqual(['没有找到老师「王五」。发送 /学时 全部 查看全部老师，再照名单上的名字发送，例如 /学时 王芳'])
    expect(await h.say('/学时 99', direct('我'))).toHaveLength(1)
    expect(await snapshot()).toBe(before)
  })
})
