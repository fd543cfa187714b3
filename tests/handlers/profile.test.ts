import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseProfile } from '../../handlers/profile.ts'
import { createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

describe('parseProfile', () => {
  it.each([
    [['王芳', '育秀实验学校', '语文', '教龄5'], { realName: '王芳', school: '育秀实验学校', subject: '语文', teachingYears: 5 }],
    [['教龄5年', '初中英语', '李明', '西渡小学'], { realName: '李明', school: '西渡小学', subject: '初中英语', teachingYears: 5 }],
    [['赵丽', '肇文', '数学'], { realName: '赵丽', school: '肇文', subject: '数学' }],
    [['12年教龄'], { teachingYears: 12 }],
    [['姓名:陈刚', '学校:肇文学校'], { realName: '陈刚', school: '肇文学校' }],
  ])('reads %j', (args, value) => {
    expect(parseProfile(args)).toEqual({ ok: true, value })
  })

  it('refuses a word it cannot place', () => {
    expect(parseProfile(['王芳', '育秀实验学校', '语文', '很棒'])).toEqual({ ok: false, word: '很棒' })
  })
})

describe('/我是 and /我的', () => {
  it('records the profile and shows it, with sign-ups and questions', async () => {
    // In the group 教龄 is kept but not read out; in a direct chat it is shown.
    expect(await h.say('/我是 王芳 育秀实验学校 语文 教龄5', { as: '芳芳' })).toEqual([
      '已记录：王芳 · 育秀实验学校 · 语文（教龄已记录，只在私聊里显示）\n发送 /我的 查看您的报名和提问。',
    ])
    expect((await h.say('/我是 教龄5', { as: '芳芳', direct: true, chat: 'dm-芳芳' }))[0]).toContain('已记录：王芳 · 育秀实验学校 · 语文 · 教龄5年')
    await h.say('/排期 12月3日 13:30 联合教研 名额1')
    await h.say('/排期 12月10日 13:30 名师讲堂 名额1')
    await h.say('/报名 2', { as: '李明' })
    await h.say('/报名 1', { as: '芳芳' })
    await h.say('/报名 2', { as: '芳芳' })
    await h.say('/工作室 创建 语文工作室 导师 王佩红')
    await h.say('/提问 如何设计单元作业？', { as: '芳芳' })
    await h.say('/匿名提问 怎么跟家长沟通？', { as: '芳芳' })
    const [inGroup] = await h.say('/我的', { as: '芳芳' })
    expect(inGroup).toBe(
      [
        '我的资料：王芳 · 育秀实验学校 · 语文',
        '我的报名（2）：',
        '#1 联合教研 12月3日(周四) 13:30 已报名，第 1 位',
        '#2 名师讲堂 12月10日(周四) 13:30 候补第 1 位',
        '我的提问：',
        '#1 如何设计单元作业？ — 待回答',
      ].join('\n'),
    )
    // In a direct chat, 教龄 and anonymous questions are shown too.
    const [direct] = await h.say('/我的', { as: '芳芳', direct: true, chat: 'dm' })
    expect(direct).toContain('我的资料：王芳 · 育秀实验学校 · 语文 · 教龄5年')
    expect(direct).toContain('#2 怎么跟家长沟通？（匿名） — 待回答')
    // Lists show the name given with /我是.
    expect((await h.say('/名单 1'))[0]).toContain('1. 王芳 育秀实验学校 语文')
  })

  it('updates one field at a time and refuses what it cannot read, changing nothing', async () => {
    await h.say('/我是 王芳 育秀实验学校 语文 教龄5', { as: '王芳' })
    expect((await h.say('/我是 教龄6', { as: '王芳', direct: true, chat: 'dm-王芳' }))[0]).toContain('王芳 · 育秀实验学校 · 语文 · 教龄6年')
    expect(await h.say('/我是 王芳 育秀实验学校 语文 很棒', { as: '王芳' })).toEqual(['没看懂「很棒」。请这样写：/我是 王芳 育秀实验学校 语文 教龄5'])
    expect(await h.say('/我是', { as: '王芳' })).toEqual(['请这样写：/我是 王芳 育秀实验学校 语文 教龄5（可以只写要更新的项，例如 /我是 教龄6）'])
    expect(await h.say('/我是 教龄80', { as: '王芳' })).toEqual(['教龄 80 年似乎太长了，请检查，例如：/我是 教龄5'])
    const member = await h.app.db.member.findFirstOrThrow({ where: { displayName: '王芳' } })
    expect(member).toMatchObject({ realName: '王芳', school: '育秀实验学校', subject: '语文', teachingYears: 6 })
  })

  it('says how to start when nothing is recorded', async () => {
    expect(await h.say('/我的', { as: '李明' })).toEqual([
      '还没有登记个人资料。发送 /我是 王芳 育秀实验学校 语文 教龄5 登记后，报名名单会显示学校和学科。\n近期没有报名的活动。',
    ])
  })
})

describe('one teacher on two platforms: /绑定码 and /绑定', () => {
  const wechatRoom: SayOptions = { platform: 'wechat', chat: 'wx-room', title: '育秀语文群' }
  const larkGroup: SayOptions = { platform: 'lark', chat: 'oc_group', title: '育秀飞书群' }

  async function bind(where: SayOptions) {
    const [issued] = await h.say('/绑定码')
    const code = /[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(issued!)![0]
    await h.say(`/绑定 ${code}`, { ...where, as: '张主任', id: `${where.platform}-zhang` })
  }

  it('joins the two accounts into one member and keeps every record of both', async () => {
    await bind(wechatRoom)
    await bind(larkGroup)
    await h.say('/排期 12月3日下午 联合教研 名额1')
    await h.say('/排期 12月10日下午 名师讲堂 名额5')
    await h.say('/工作室 创建 语文工作室 导师 王佩红')
    const wx = { ...wechatRoom, as: '王芳', id: 'wx-wangfang' }
    const lark = { ...larkGroup, as: '王芳', id: 'ou_wangfang' }
    await h.say('/我是 王芳 育秀实验学校 语文 教龄5', wx)
    await h.say('/报名 1', wx)
    await h.say('/报名 1', { as: '李明' })
    await h.say('/报名 1', lark)
    await h.say('/报名 2', lark)
    await h.say('/提问 如何设计单元作业？', lark)
    expect(await h.app.db.member.count({ where: { displayName: '王芳' } })).toBe(2)

    const [issued] = await h.say('/绑定码', { ...wx, direct: true, chat: 'wx-dm' })
    expect(issued).toMatch(/^您个人的账号绑定码：\d{4}-\d{4}（30分钟内有效，只能用一次）/)
    const code = /\d{4}-\d{4}/.exec(issued!)![0]
    expect(await h.say(`/绑定 ${code}`, { ...wx, direct: true, chat: 'wx-dm' })).toEqual([
      '这个绑定码就是您自己这个账号取的。请用另一个平台（微信或飞书）的账号私聊我发送 /绑定 绑定码。',
    ])
    // Nothing moves before a confirmation that names both accounts.
    expect(await h.say(`/绑定 ${code}`, { ...lark, direct: true, chat: 'oc_dm' })).toEqual([
      '将把这两个账号合并为同一人：\n· 微信「王芳」（取绑定码的账号）\n· 飞书「王芳」（您现在用的账号）\n合并后，两边的报名、提问都归同一人。只有两个账号都是您本人时才确认：10分钟内发送 /确认',
    ])
    expect(await h.app.db.member.count({ where: { displayName: '王芳' } })).toBe(2)
    // Both sides confirm: the one who sent the code back, then the one who took it.
    const asked = await h.send('/确认', { ...lark, direct: true, chat: 'oc_dm' })
    expect(asked.sent.map((m) => [m.chat.chatId, m.text]).sort()).toEqual([
      ['oc_dm', '已确认。还需要在取码的账号 微信「王芳」 上私聊我发送 /确认，合并才会完成。'],
      ['wx-dm', '飞书「王芳」 用您取的绑定码，请求与您这个账号合并为同一人。合并后，您的报名、提问、个人资料都归那个账号所有。只有那个账号也是您本人时才确认：10分钟内发送 /确认；不是的话不用理会。'],
    ])
    expect(await h.app.db.member.count({ where: { displayName: '王芳' } })).toBe(2)
    expect(await h.say('/确认', { ...wx, direct: true, chat: 'wx-dm' })).toEqual([
      '绑定成功！王芳 在微信、飞书的账号已合并为同一人，报名、提问和角色都已合并。',
    ])
    expect(await h.say(`/绑定 ${code}`, { ...lark, direct: true, chat: 'oc_dm' })).toEqual([
      '绑定码不对、已用过或已过期。请在另一个平台私聊我发送 /绑定码 取一个新的，例如：/绑定 4821-0937',
    ])

    const members = await h.app.db.member.findMany({ where: { displayName: '王芳' }, include: { accounts: true, signups: true, questions: true } })
    expect(members).toHaveLength(1)
    const [one] = members
    expect(one!.accounts.map((a) => a.platform).sort()).toEqual(['lark', 'wechat'])
    expect(one!.signups.map((s) => [s.activityId, s.status]).sort()).toEqual([[1, 'confirmed'], [2, 'confirmed']])
    expect(one!.questions).toHaveLength(1)
    expect(one).toMatchObject({ realName: '王芳', teachingYears: 5 })
    // 王芳's second sign-up for #1 (waiting) is dropped, not counted twice: 李明 keeps his place in line.
    expect((await h.say('/我的', { as: '李明' }))[0]).toContain('#1 联合教研 12月3日(周四) 13:30 候补第 1 位')
    // From either platform she now sees the same records.
    expect((await h.say('/我的', lark))[0]).toContain('#2 名师讲堂')
    expect((await h.say('/我的', wx))[0]).toContain('#2 名师讲堂')
  })

  it('a leaked code: nothing merges while the one who took it does not confirm, and a code shown in a group is burnt', async () => {
    const wx = { platform: 'wechat' as const, as: '王芳', id: 'wx-wangfang', direct: true, chat: 'wx-dm' }
    const stranger = { platform: 'lark' as const, as: '赵某', id: 'ou_zhao', direct: true, chat: 'oc_zhao' }
    const [issued] = await h.say('/绑定码', wx)
    const code = /\d{4}-\d{4}/.exec(issued!)![0]
    await h.say(`/绑定 ${code}`, stranger)
    await h.say('/确认', stranger)
    h.setNow('2026-11-23T09:20:00+08:00')
    // She never confirms: the request lapses, nothing moved.
    expect(await h.say('/确认', wx)).toEqual(['没有等您确认的事。'])
    expect(await h.app.db.account.findMany({ select: { memberId: true }, where: { userId: { in: ['wx-wangfang', 'ou_zhao'] } } }).then((a) => new Set(a.map((x) => x.memberId)).size)).toBe(2)
    // Posted in a group, her next code is refused and no longer works anywhere.
    const [next] = await h.say('/绑定码', wx)
    const shown = /\d{4}-\d{4}/.exec(next!)![0]
    expect((await h.say(`/绑定 ${shown}`, { platform: 'lark', as: '赵某', id: 'ou_zhao', chat: 'oc_group', title: '育秀飞书群' }))[0]).toContain('已作废')
    expect((await h.say(`/绑定 ${shown}`, stranger))[0]).toContain('绑定码不对、已用过或已过期')
  })

  it('a code expires after 30 minutes', async () => {
    const [issued] = await h.say('/绑定码', { platform: 'wechat', as: '王芳', id: 'wx-wangfang', direct: true, chat: 'wx-dm' })
    const code = /\d{4}-\d{4}/.exec(issued!)![0]
    h.setNow('2026-11-23T09:31:00+08:00')
    expect((await h.say(`/绑定 ${code}`, { platform: 'lark', as: '王芳', id: 'ou_x', direct: true, chat: 'oc_dm' }))[0]).toContain('已过期')
  })
})

describe('parseProfile, as teachers type on a phone', () => {
  it.each([
    [['王芳，育秀实验学校，语文，教龄5'], { realName: '王芳', school: '育秀实验学校', subject: '语文', teachingYears: 5 }],
    [['王芳', '育秀实验学校', '语文老师', '教龄', '5'], { realName: '王芳', school: '育秀实验学校', subject: '语文', teachingYears: 5 }],
    [['李明、西渡小学、数学教师、教龄:3年'], { realName: '李明', school: '西渡小学', subject: '数学', teachingYears: 3 }],
  ])('reads %j', (args, value) => {
    expect(parseProfile(args)).toEqual({ ok: true, value })
  })
})
