import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindAsAdmin, createHarness, type Harness } from '../helpers/harness.ts'

// One harness for the file: the tests run in order on one pairing (王佩红 mentors 李明 in workshop 1).
let h: Harness
beforeAll(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  for (const name of ['王佩红', '李明', '赵丽', '曹益君']) await h.say('/帮助', { as: name })
  // Those who have spoken are named by @mention (a name alone could be anyone's).
  const at = (...names: string[]) => ({ mentions: names.map((n) => ({ id: n, name: n })) })
  await h.say('/工作室 创建 初中语文名师工作室 导师 @王佩红 @曹益君', at('王佩红', '曹益君'))
  await h.say('/结对 1 @王佩红 @李明', at('王佩红', '李明'))
  await h.say('/结对 1 @曹益君 @赵丽', at('曹益君', '赵丽'))
})
afterAll(() => h.close())

const observations = () => h.app.db.observation.findMany({ orderBy: { id: 'asc' } })

describe('/听课', () => {
  it('a mentor records a lesson of their mentee, with the count this term', async () => {
    expect(await h.say('/听课 李明 11月3日 语文《背影》 备注 朗读指导到位', { as: '王佩红' })).toEqual([
      '已登记听课：11月3日(周二)，导师听了 李明 的课 语文《背影》。\n本学期你们已听课 1 次，每学期至少 2 次，还差 1 次。',
    ])
    const [row] = await observations()
    expect(row).toMatchObject({ observer: 'mentor', date: '2026-11-03', lesson: '语文《背影》', note: '朗读指导到位', workshopId: 1 })
  })

  it('a mentee records a lesson of their mentor they observed (上周三)', async () => {
    expect(await h.say('/听课 王佩红 上周三 语文《春》', { as: '李明' })).toEqual([
      '已登记听课：11月18日(周三)，听了导师 王佩红 的课 语文《春》。\n本学期你们已听课 2 次，已达到每学期 2 次。',
    ])
    expect((await observations()).map((o) => o.observer)).toEqual(['mentor', 'mentee'])
  })

  it('/听课 alone shows one\'s records this term', async () => {
    expect(await h.say('/听课', { as: '李明' })).toEqual([
      ['您本学期（第一学期）的听课记录：', '与导师 王佩红：2 次', '  11月3日(周二) 导师 王佩红 听 李明 的课 语文《背影》', '  11月18日(周三) 李明 听导师 王佩红 的课 语文《春》'].join('\n'),
    ])
  })

  it('refuses anyone not in the pair, and every bad input, with a correct example, changing nothing', async () => {
    const before = await observations()
    expect(await h.say('/听课 李明 11月3日 语文《背影》', { as: '曹益君' })).toEqual([
      '「李明」不是您的徒弟或导师，不能登记听课。例如：/听课 赵丽 11月3日 语文《背影》',
    ])
    expect(await h.say('/听课 李明 11月3日 语文', { as: '路人' })).toEqual([
      '您还没有师徒结对，不能登记听课。申请拜师请发送 /拜师 工作室编号，查看工作室请发送 /工作室',
    ])
    expect(await h.say('/听课 李明 语文《背影》', { as: '王佩红' })).toEqual(['请写听课的日期，例如：/听课 李明 11月3日 语文《背影》'])
    expect(await h.say('/听课 李明 11月31日 语文', { as: '王佩红' })).toEqual(['「11月31日」不是有效的日期，没有登记。例如：/听课 李明 11月3日 语文《背影》'])
    expect(await h.say('/听课 李明 12月20日 语文', { as: '王佩红' })).toEqual(['12月20日(周日)还没到，请在听课之后登记，例如：/听课 李明 昨天 语文《背影》'])
    expect(await h.say('/听课 李明 11.3', { as: '王佩红' })).toEqual(['请写听的是哪节课，例如：/听课 李明 11.3 语文《背影》'])
    expect(await h.say(`/听课 李明 11.3 ${'课'.repeat(61)}`, { as: '王佩红' })).toEqual([
      '听的课太长了（最多 60 个字），请精简后再发。例如：/听课 王芳 11月3日 语文《背影》',
    ])
    // The same lesson again (sent twice): counted once.
    expect(await h.say('/听课 李明 11月3日 语文《背影》', { as: '王佩红' })).toEqual(['11月3日(周二)的「语文《背影》」已经登记过了，不用再登记。'])
    expect(await observations()).toEqual(before)
  })

  it('a day without a year far ahead is the one gone by (8月20日 in November is last August)', async () => {
    const [reply] = await h.say('/听课 李明 8月20日 暑期研修课', { as: '王佩红' })
    expect(reply).toMatch(/^已登记听课：8月20日\(周四\)/)
    expect((await observations()).at(-1)!.date).toBe('2026-08-20')
    await h.app.db.observation.deleteMany({ where: { date: '2026-08-20' } })
  })

  it('/听课 全部 is for admins, in a direct chat, with each pair\'s count and who is behind', async () => {
    expect(await h.say('/听课 全部', { as: '李明' })).toEqual(['抱歉，/听课 全部 只有学区管理员可以使用。如需权限，请联系学区管理员。'])
    const room = { platform: 'wechat' as const, chat: 'wx-room', title: '学区教研群' }
    await bindAsAdmin(h, room, '王主任')
    expect(await h.say('/听课 全部', { ...room, as: '王主任', id: 'wechat-王主任' })).toEqual(['/听课 全部 会列出老师的姓名，请私聊我发送。'])
    expect(await h.say('/听课 全部', { direct: true, chat: 'dm-我' })).toEqual([
      ['本学期（第一学期）各对师徒的听课（每学期至少 2 次）：', '【初中语文名师工作室】', '王佩红 — 李明：2 次', '曹益君 — 赵丽：0 次 ⚠ 差 2 次', '未达到的有 1 对。'].join('\n'),
    ])
  })

  it('the workshop group\'s weekly digest lists the pairs behind their minimum', async () => {
    await h.say('/排期 11月30日下午 工作室沙龙')
    h.setNow('2026-11-30T07:30:00+08:00')
    await h.tick()
    const digest = h.sent.findLast((m) => m.text.includes('学区活动'))!.text
    expect(digest.split('\n').slice(-2)).toEqual(['【听课】本学期还没达到每学期 2 次的师徒：', '曹益君 — 赵丽：0 次 ⚠ 差 2 次'])
  })
})
