import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-20T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

async function tickAt(iso: string) {
  h.setNow(iso)
  const before = h.sent.length
  await h.tick()
  return h.sent.slice(before)
}

describe('what the reminders say', () => {
  it('the organizer gets the current list in their direct chat with the longest lead', async () => {
    await h.say('/ping', { direct: true, chat: 'dm-me' })
    await h.say('/排期 11月25日 13:30 联合教研 名额1')
    await h.say('/我是 王芳 育秀实验学校 语文', { as: '王芳' })
    await h.say('/报名 1', { as: '王芳' })
    await h.say('/报名 1', { as: '李明' })
    const sent = await tickAt('2026-11-24T16:00:00+08:00')
    const list = sent.find((m) => m.chat.chatId === 'dm-me')!
    expect(list.text).toBe(
      ['【报名名单】#1「联合教研」11月25日(周三) 13:30 (第13周)', '已报名 1/1：', '1. 王芳 育秀实验学校 语文', '候补 1 人：', '1. 李明'].join('\n'),
    )
    // Only once, not again with the one-hour reminder.
    const later = await tickAt('2026-11-25T12:30:00+08:00')
    expect(later.filter((m) => m.chat.chatId === 'dm-me')).toEqual([])
  })

  it('before a workshop session its mentors are @mentioned with the open questions', async () => {
    await h.say('/工作室 创建 初中语文名师工作室 导师 王佩红')
    await h.say('/ping', { as: '王佩红' })
    await h.say('/确认 王佩红')
    await h.say('/提问 如何设计单元作业？', { as: '李明' })
    await h.say('/排期 11月25日 13:30 工作室沙龙 工作室1')
    const [dayBefore] = (await tickAt('2026-11-24T16:00:00+08:00')).filter((m) => m.text.startsWith('【活动提醒】'))
    expect(dayBefore!.text).toContain('请导师留意工作室待回答的问题：\n#1 如何设计单元作业？')
    expect(dayBefore!.mentions).toEqual([{ id: '王佩红', name: '王佩红' }])
  })

  it('the digest and a workshop session\'s reminder leave out questions asked in a direct chat, unless the asker shared them', async () => {
    await h.say('/工作室 创建 初中语文名师工作室 导师 王佩红')
    await h.say('/ping', { as: '王佩红' })
    await h.say('/确认 王佩红')
    await h.say('/ping', { as: '李明' })
    await h.say('/提问 课堂提问怎么设计？', { as: '赵丽' })
    await h.say('/提问 我班上有学生厌学怎么办？', { as: '李明', direct: true, chat: 'dm-li' })
    await h.say('/匿名提问 被家长投诉了怎么办？', { as: '李明', direct: true, chat: 'dm-li' })
    await h.say('/匿名提问 公开 作业量怎么把握？', { as: '李明', direct: true, chat: 'dm-li' })
    await h.say('/排期 11月25日 13:30 工作室沙龙 工作室1')
    const [digest] = await tickAt('2026-11-23T07:30:00+08:00')
    expect(digest!.text).toContain('#1 课堂提问怎么设计？')
    expect(digest!.text).toContain('#4 作业量怎么把握？')
    expect(digest!.text).not.toMatch(/厌学|投诉|李明/)
    const [dayBefore] = (await tickAt('2026-11-24T16:00:00+08:00')).filter((m) => m.text.startsWith('【活动提醒】'))
    expect(dayBefore!.text).toContain('请导师留意工作室待回答的问题：\n#1 课堂提问怎么设计？\n#4 作业量怎么把握？')
    expect(dayBefore!.text).not.toMatch(/厌学|投诉|李明/)
  })

  it('提前公示 1周 lists an activity in the digest of the week before', async () => {
    const [created] = await h.say('/排期 12月3日下午 常态化联合教研 语文 提前公示 1周')
    expect(created).toContain('提前公示：提前 1 周列入周报')
    await h.say('/排期 11月25日 13:30 联合教研')
    const [digest] = await tickAt('2026-11-23T07:30:00+08:00')
    expect(digest!.text).toBe(
      [
        '【本周(第13周)学区活动】11月23日-29日',
        '#2 11月25日(周三) 13:30 联合教研',
        '报名：发送 /报名 编号（例如 /报名 2），发送 /活动 编号 查看详情。',
        '【提前公示】',
        '#1 12月3日(周四) 13:30 (第14周) 常态化联合教研 · 语文',
      ].join('\n'),
    )
  })

  it('a week with nothing on sends no digest, and a crowded week is still one message', async () => {
    expect(await tickAt('2026-11-23T07:30:00+08:00')).toEqual([])
    for (let i = 0; i < 25; i++) await h.say(`/排期 12月${1 + (i % 5)}日 ${String(8 + Math.floor(i / 5)).padStart(2, '0')}:00 听课${i + 1}`)
    const sent = await tickAt('2026-11-30T07:30:00+08:00')
    const digests = sent.filter((m) => m.text.startsWith('【本周'))
    expect(digests).toHaveLength(1)
    expect(digests[0]!.text).toContain('……还有 5 项，发送 /本周 查看全部。')
    expect([...digests[0]!.text].length).toBeLessThan(1500)
  })

  it('a moved activity is announced at once, @mentioning those signed up; its reminders follow the new time', async () => {
    await h.say('/排期 11月25日 13:30 联合教研')
    await h.say('/报名 1', { as: '王芳' })
    const { sent } = await h.send('/改期 1 11月26日 14:00')
    expect(sent[0]!.text).toContain('#1「联合教研」已改期')
    expect(sent[0]!.mentions).toEqual([{ id: '王芳', name: '王芳' }])
    expect((await tickAt('2026-11-24T16:00:00+08:00')).filter((m) => m.text.startsWith('【活动提醒】'))).toEqual([])
    const [moved] = (await tickAt('2026-11-25T16:00:00+08:00')).filter((m) => m.text.startsWith('【活动提醒】'))
    expect(moved!.text).toContain('明天 11月26日(周四) 14:00')
  })
})
