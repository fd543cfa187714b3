import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

const pairs = async () =>
  (await h.app.db.mentee.findMany({ include: { member: true, mentor: true }, orderBy: { id: 'asc' } })).map(
    (m) => `${m.member.displayName}:${m.status}:${m.mentor?.displayName ?? '-'}`,
  )

describe('/工作室: creating and viewing a workshop', () => {
  it('an admin creates a workshop with its mentors; they become mentors when they first speak', async () => {
    expect(await h.say('/工作室 创建 初中英语名师工作室 导师 王佩红 曹益君')).toEqual([
      [
        '已创建工作室 1「初中英语名师工作室」，导师：王佩红、曹益君。',
        '王佩红、曹益君 还没在学区群里发过言，已按名字登记；他们首次在群里发言后自动关联。',
        '老师们可发送 /拜师 1 申请拜师；工作室活动请这样排期：/排期 每月第一个周三下午 工作室沙龙 工作室1',
      ].join('\n'),
    ])
    // Anyone may call themselves 王佩红: her first message is not taken as the mentor's until an admin confirms it.
    expect((await h.say('/ping', { as: '王佩红' }))[1]).toContain('学区管理员确认是您本人后')
    expect(await h.say('/回答 99 好', { as: '王佩红' })).toEqual([
      '抱歉，/回答 只有学区管理员和导师可以使用。如需权限，请联系学区管理员。',
    ])
    expect(await h.say('/ping', { as: '王佩红', id: 'another-wang' })).toEqual([
      'pong',
      '（「王佩红」这个名字在本学区有登记的角色或工作室身份；学区管理员确认是您本人后，您的账号才会得到它。）',
    ])
    expect(await h.say('/确认 王佩红')).toEqual(['有 2 个新账号都叫「王佩红」。请在群里 @ 本人确认：/确认 @王佩红'])
    expect(await h.say('/确认 @王佩红', { mentions: [{ id: '王佩红', name: '王佩红' }] })).toEqual([
      '已确认：控制台账号「王佩红」就是登记的「王佩红」，TA 的角色、工作室和报名都已归到这个账号。',
    ])
    expect((await h.say('/回答 99 好', { as: '王佩红' }))[0]).toBe('没有找到编号为 #99 的问题。发送 /问题 查看。')
    expect((await h.say('/回答 99 好', { as: '王佩红', id: 'another-wang' }))[0]).toContain('只有学区管理员和导师可以使用')
    const mentors = await h.app.db.workshopMentor.findMany({ include: { member: { include: { accounts: true } } } })
    expect(mentors.map((m) => `${m.member.displayName}:${m.member.accounts.map((a) => a.userId).join(',')}`).sort()).toEqual(['曹益君:', '王佩红:王佩红'])
  })

  it('is refused to a teacher, and a name used twice is refused', async () => {
    expect(await h.say('/工作室 创建 初中英语名师工作室 导师 王佩红', { as: '李明' })).toEqual([
      '抱歉，/工作室 创建 只有学区管理员可以使用。如需权限，请联系学区管理员。',
    ])
    await h.say('/工作室 创建 初中英语名师工作室 导师 王佩红')
    expect(await h.say('/工作室 创建 初中英语名师工作室 导师 曹益君')).toEqual(['本学区已经有「初中英语名师工作室」了。发送 /工作室 查看。'])
    expect(await h.say('/工作室 创建 导师 曹益君')).toEqual(['请这样写：/工作室 创建 初中英语名师工作室 导师 王佩红 曹益君'])
    expect(await h.app.db.workshop.count()).toBe(1)
  })

  it('lists workshops and shows mentors, mentees and coming sessions', async () => {
    expect(await h.say('/工作室')).toEqual(['本学区还没有名师工作室。管理员可以创建，例如：/工作室 创建 初中英语名师工作室 导师 王佩红 曹益君'])
    await h.say('/工作室 创建 初中英语名师工作室 导师 王佩红、曹益君')
    await h.say('/结对 1 王佩红 李明')
    await h.say('/排期 12月2日下午 英语沙龙 工作室1')
    expect((await h.say('/工作室', { as: '李明' }))[0]).toEqual(
      ['本学区的名师工作室：', '1. 初中英语名师工作室 — 导师：王佩红、曹益君；徒弟 1 人', '发送 /工作室 1 查看详情，/拜师 1 申请拜师。'].join('\n'),
    )
    expect(await h.say('/工作室 1', { as: '李明' })).toEqual([
      [
        '工作室 1「初中英语名师工作室」',
        '导师：王佩红、曹益君',
        '徒弟 1 人：',
        '  王佩红 — 李明',
        '近期工作室活动：',
        '#1 12月2日(周三) 13:30 (第14周) 英语沙龙',
      ].join('\n'),
    ])
    expect(await h.say('/工作室 9')).toEqual(['没有找到编号为 9 的工作室。发送 /工作室 查看本学区的工作室。'])
  })

  it('names the first 40 of a long list of mentees or applications, and how many in all', async () => {
    await h.say('/工作室 创建 全区青年教师工作室 导师 王佩红')
    const members = await h.app.db.member.createManyAndReturn({ data: Array.from({ length: 300 }, (_, i) => ({ displayName: `老师${i + 1}` })) })
    const mentor = await h.app.db.member.findFirstOrThrow({ where: { displayName: '王佩红' } })
    const at = new Date('2026-11-20T01:00:00Z')
    await h.app.db.mentee.createMany({
      data: members.map((m, i) => ({ workshopId: 1, memberId: m.id, status: i < 100 ? 'approved' : 'applied', mentorId: i < 100 ? mentor.id : null, appliedAt: new Date(at.getTime() + i * 1000) })),
    })
    const [detail] = await h.say('/工作室 1')
    const names = (from: number) => Array.from({ length: 40 }, (_, i) => `老师${from + i}`).join('、')
    expect(detail).toContain(`徒弟 100 人：\n  王佩红 — ${names(1)} 等 100 人\n`)
    expect(detail).toContain(`待审核的拜师申请：${names(101)} 等 200 人（导师或管理员发送 /通过 1 名字）`)
  })
})

describe('/拜师, /通过 and /结对', () => {
  beforeEach(async () => {
    await h.say('/工作室 创建 初中英语名师工作室 导师 王佩红 曹益君')
    await h.say('/ping', { as: '王佩红' })
    await h.say('/ping', { as: '曹益君' })
    // Their first messages wait for an admin to confirm they are the mentors named.
    expect(await h.say('/确认')).toEqual(['等待管理员确认的同名新账号：\n· 王佩红 → 发送 /确认 王佩红\n· 曹益君 → 发送 /确认 曹益君'])
    await h.say('/确认 王佩红')
    await h.say('/确认 曹益君')
  })

  it('a teacher applies; the mentor who approves becomes the mentor', async () => {
    expect(await h.say('/拜师 1', { as: '李明' })).toEqual(['李明 已申请加入「初中英语名师工作室」，请等待导师或管理员审核：/通过 1 李明'])
    expect(await h.say('/拜师 1', { as: '李明' })).toEqual(['李明 已经申请过「初中英语名师工作室」，请等待导师或管理员审核（/通过 1 李明）。'])
    const { sent } = await h.send('/通过 1 李明', { as: '曹益君' })
    expect(sent[0]!.text).toBe('李明 已成为「初中英语名师工作室」的徒弟，导师：曹益君。')
    expect(sent[0]!.mentions).toEqual([{ id: '李明', name: '李明' }])
    expect(await pairs()).toEqual(['李明:approved:曹益君'])
    expect(await h.say('/拜师 1', { as: '李明' })).toEqual(['已经是「初中英语名师工作室」的徒弟了（导师：曹益君）。'])
  })

  it('an application may name the mentor; an admin approving keeps it', async () => {
    expect(await h.say('/拜师 1 张三', { as: '李明' })).toEqual(['「张三」不是「初中英语名师工作室」的导师。发送 /工作室 查看导师名单。'])
    await h.say('/拜师 1 王佩红', { as: '李明' })
    await h.say('/通过 1 李明')
    expect(await pairs()).toEqual(['李明:approved:王佩红'])
  })

  it('only the workshop mentors and admins approve; approving nobody says how to pair', async () => {
    await h.say('/拜师 1', { as: '李明' })
    expect(await h.say('/通过 1 李明', { as: '赵丽' })).toEqual(['抱歉，/通过 只有学区管理员和导师可以使用。如需权限，请联系学区管理员。'])
    expect(await h.say('/通过 1 陈刚', { as: '王佩红' })).toEqual([
      '没有找到 陈刚 的拜师申请。请对方先发送 /拜师 1，或直接结对：/结对 1 导师名字 陈刚',
    ])
    expect(await h.say('/通过 1', { as: '王佩红' })).toEqual(['请写上徒弟的名字，例如：/通过 1 李明'])
    expect(await h.say('/通过 李明', { as: '王佩红' })).toEqual(['请写上工作室编号，例如：/通过 1 李明\n本学区的工作室：\n1 初中英语名师工作室'])
  })

  it('/结对 assigns directly; a mentee has one mentor per workshop', async () => {
    expect(await h.say('/结对 1 王佩红 李明 赵丽')).toEqual([
      ['工作室 1「初中英语名师工作室」', '王佩红 — 李明 结对成功。', '王佩红 — 赵丽 结对成功。'].join('\n'),
    ])
    expect(await h.say('/结对 1 曹益君 李明')).toEqual([['工作室 1「初中英语名师工作室」', '曹益君 — 李明 结对成功（原导师：王佩红）。'].join('\n')])
    expect(await pairs()).toEqual(['李明:approved:曹益君', '赵丽:approved:王佩红'])
    expect(await h.say('/结对 1 李明 赵丽')).toEqual(['「李明」不是「初中英语名师工作室」的导师。发送 /工作室 查看导师名单。'])
    expect(await h.say('/结对 1 王佩红 曹益君')).toEqual(['曹益君 是这个工作室的导师，不能同时做徒弟。'])
  })

  it('workshop sessions take sign-ups like any activity and list under the workshop', async () => {
    const [created] = await h.say('/排期 12月9日下午 工作室沙龙 工作室1 名额20')
    expect(created).toContain('工作室：初中英语名师工作室（#1）')
    expect((await h.say('/报名 1', { as: '李明' }))[0]).toContain('李明 报名成功')
    // The session's mentors may see its list.
    expect((await h.say('/名单 1', { as: '王佩红' }))[0]).toContain('1. 李明')
    expect(await h.say('/排期 12月9日下午 沙龙 工作室7')).toEqual(['没有找到编号为 7 的工作室。发送 /工作室 查看本学区的工作室。'])
  })
})

describe('a workshop named by its name', () => {
  it('/拜师 takes the name or a part of it as well as the number', async () => {
    await h.say('/工作室 创建 初中英语名师工作室 导师 王佩红')
    expect((await h.say('/拜师 初中英语名师工作室', { as: '李明' }))[0]).toContain('李明 已申请加入「初中英语名师工作室」')
    expect((await h.say('/拜师 初中英语', { as: '赵丽' }))[0]).toContain('赵丽 已申请加入「初中英语名师工作室」')
  })
})
