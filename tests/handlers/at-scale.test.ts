import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OutgoingMessage } from '../../src/core/message.ts'
import { texts } from '../../src/core/texts/index.ts'
import { createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'
import { copiesOf, spreadOccurrences } from '../helpers/seed-bulk.ts'

/**
 * Commands and reminders at a size real districts reach: an activity with
 * 2 000 sign-ups, a term of 5 000 activities (merges and exports of that size
 * are in tests/services). Each holds more ids than Prisma binds in one SQLite
 * statement (999), so every list built from their rows must be read with a
 * join, a subquery or in slices; and every message about them must stay one
 * message with at most 40 @mentions, saying how many more there are.
 */
const SIGNUPS = 2000
const CAPACITY = 500
const room: SayOptions = { platform: 'wechat', chat: 'room-big', title: '全区教师群' }
const INTERNAL = texts.router.internal
/** A generous bound on one message: a few WeChat pieces at most, never dozens. */
const MAX_TEXT = 6000

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  const [issued] = await h.say('/绑定码')
  await h.say(`/绑定 ${/[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(issued!)![0]}`, { ...room, as: '张主任', id: 'wx-zhang' })
  await h.say('/ping', { direct: true, chat: 'dm-me' })
  await h.say(`/排期 12月3日 13:30-16:00 名师讲堂 @建平实验中学 名额${CAPACITY}`)
})
afterEach(() => h.close())

/**
 * Teachers 老师1..老师n signed up for the activity in arrival order, the
 * first `confirmed` of them confirmed: odd ones from the console group,
 * even ones from the WeChat room (each with an account there). Written
 * straight into the database: 2 000 commands would only slow the test.
 */
async function seedSignups(activityId: number, n: number, confirmed: number): Promise<void> {
  const db = h.app.db
  const district = await db.district.findFirstOrThrow()
  const consoleGroup = await db.group.findFirstOrThrow({ where: { platform: 'console', chatId: 'console' } })
  const wechatRoom = await db.group.findFirstOrThrow({ where: { platform: 'wechat', chatId: room.chat! } })
  const at = new Date('2026-11-23T01:00:00Z')
  const members = (await db.member.createManyAndReturn({ data: Array.from({ length: n }, (_, i) => ({ displayName: `老师${i + 1}` })) }))
    .sort((a, b) => a.id - b.id)
  await db.membership.createMany({ data: members.map((m) => ({ districtId: district.id, memberId: m.id, lastSeenAt: at })) })
  await db.account.createMany({
    data: members.map((m, i) => ({
      platform: i % 2 === 0 ? 'console' : 'wechat', userId: i % 2 === 0 ? m.displayName : `wx-${i + 1}`,
      displayName: m.displayName, memberId: m.id, lastSeenAt: at,
    })),
  })
  await db.signup.createMany({
    data: members.map((m, i) => ({
      activityId, memberId: m.id, status: i < confirmed ? 'confirmed' : 'waiting', seq: i + 1,
      groupId: i % 2 === 0 ? consoleGroup.id : wechatRoom.id, signedUpAt: at,
    })),
  })
}

async function tickAt(iso: string): Promise<OutgoingMessage[]> {
  h.setNow(iso)
  const before = h.sent.length
  await h.tick()
  return h.sent.slice(before)
}

const statuses = async (activityId = 1) =>
  (await h.app.db.signup.findMany({ where: { activityId }, orderBy: { seq: 'asc' } })).map((s) => s.status)

/** Each message is one bounded message with at most 40 @mentions. */
function expectBounded(sent: OutgoingMessage[]): void {
  for (const m of sent) {
    expect(m.text).not.toContain(INTERNAL)
    expect(m.text.length).toBeLessThan(MAX_TEXT)
    expect((m.mentions ?? []).length).toBeLessThanOrEqual(40)
  }
}

describe('an activity with 2 000 sign-ups', () => {
  beforeEach(() => seedSignups(1, SIGNUPS, CAPACITY), 60_000)

  it('/名单 answers in one message: the first 100 of each list, then how many more and where the whole list is', async () => {
    const { sent } = await h.send('/名单 1')
    expectBounded(sent)
    expect(sent).toHaveLength(1)
    const text = sent[0]!.text
    expect(text).toContain(`已报名 ${CAPACITY}/${CAPACITY}：`)
    expect(text).toContain('：\n1. 老师1\n')
    expect(text).toContain('\n100. 老师100\n')
    expect(text).not.toContain('101. 老师101')
    expect(text).toContain('……还有 400 人。完整名单：管理员和组织者可发送 /导出 1')
    expect(text).toContain('候补 1500 人：')
    expect(text).toContain('\n100. 老师600\n')
    expect(text).toContain('……还有 1400 人。完整名单：管理员和组织者可发送 /导出 1')
    // A teacher still sees only the count and their own place.
    expect(await h.say('/名单 1', { as: '老师1999' })).toEqual([
      expect.stringContaining('已报名 500/500，候补 1500 人\n您在候补第 1499 位。'),
    ])
  })

  it('/设置 名额1800 promotes 1 300 waiting in order, one message per group, naming and @mentioning at most 40', async () => {
    const { sent } = await h.send('/设置 1 名额1800')
    expectBounded(sent)
    expect(sent).toHaveLength(3)
    expect(sent[0]!.text).toContain('已报名 1800/1800')
    const byChat = new Map(sent.slice(1).map((m) => [m.chat.chatId, m]))
    const here = byChat.get('console')!
    expect(here.text).toContain('候补的 老师501、老师503、')
    expect(here.text).toContain('等 650 人 已递补为正式名额')
    expect(here.text).toContain('（人数较多，只 @ 了前 40 位；其余 610 位请发送 /名单 1 查看自己的名次。）')
    expect(here.mentions).toHaveLength(40)
    expect(here.mentions![0]).toEqual({ id: '老师501', name: '老师501' })
    const wx = byChat.get(room.chat!)!
    expect(wx.mentions).toHaveLength(40)
    expect(wx.mentions![0]).toEqual({ id: 'wx-502', name: '老师502' })
    const after = await statuses()
    expect(after.slice(0, 1800).every((s) => s === 'confirmed')).toBe(true)
    expect(after.slice(1800).every((s) => s === 'waiting')).toBe(true)
  })

  it('/设置 名额100 lowers the capacity and keeps everyone confirmed, saying so', async () => {
    const replies = await h.say('/设置 1 名额100')
    expect(replies).not.toContain(INTERNAL)
    expect(replies).toHaveLength(1)
    expect(replies[0]).toContain('已报名 500/100，候补 1500 人')
    expect(replies[0]).toContain(texts.rules.overCapacity(500))
    expect((await statuses()).filter((s) => s === 'confirmed')).toHaveLength(500)
  })

  it('a withdrawal promotes the first of 1 500 waiting', async () => {
    const { sent } = await h.send('/取消报名 1', { as: '老师1' })
    expectBounded(sent)
    expect(sent.map((m) => m.text)).toEqual([
      '已取消 老师1 的报名：#1「名师讲堂」。',
      expect.stringContaining('候补的 老师501 已递补为正式名额'),
    ])
    expect(sent[1]!.mentions).toEqual([{ id: '老师501', name: '老师501' }])
  })

  it('/改期 tells each group once, @mentioning the first 40 signed up there and counting the rest', async () => {
    const { sent } = await h.send('/改期 1 12月4日 13:30-16:00')
    expectBounded(sent)
    expect(sent.map((m) => m.chat.chatId).sort()).toEqual(['console', room.chat!].sort())
    for (const m of sent) {
      expect(m.text).toContain('#1「名师讲堂」已改期')
      expect(m.text).toContain('（报名人数较多，只 @ 了前 40 位；本通知同样适用于其余 960 位。）')
      expect(m.mentions).toHaveLength(40)
    }
    expect(sent.find((m) => m.chat.chatId === 'console')!.mentions!.slice(0, 2)).toEqual([
      { id: '老师1', name: '老师1' }, { id: '老师3', name: '老师3' },
    ])
  })

  it('/取消 tells each group once, with bounded @mentions', async () => {
    const { sent } = await h.send('/取消 1 专家临时有事')
    expectBounded(sent)
    expect(sent).toHaveLength(2)
    for (const m of sent) expect(m.text).toContain('已取消，原因：专家临时有事。')
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('cancelled')
  })

  it('/导出 1 and the term\'s /导出 hold every one of the 2 000 rows', async () => {
    for (const command of ['/导出 1', '/导出']) {
      const { sent } = await h.send(command)
      expect(sent).toHaveLength(1)
      const back = new ExcelJS.Workbook()
      await back.xlsx.load(Buffer.from(sent[0]!.file!.base64, 'base64') as unknown as ArrayBuffer)
      const list = back.getWorksheet(texts.export.sheets.signups)!
      expect(list.rowCount, command).toBe(SIGNUPS + 1)
      expect(list.getRow(SIGNUPS + 1).getCell(4).value).toBe(`老师${SIGNUPS}`)
    }
  })

  it('the day-before reminder is one message per group with bounded @mentions, and the organizer\'s list is one bounded message', async () => {
    const sent = await tickAt('2026-12-02T16:00:00+08:00')
    expectBounded(sent)
    const before = sent.filter((m) => m.text.startsWith('【活动提醒】'))
    expect(before.map((m) => m.chat.chatId).sort()).toEqual(['console', room.chat!].sort())
    for (const m of before) {
      expect(m.text).toContain(`已报名 ${CAPACITY} 人`)
      expect(m.text).toContain('（报名人数较多，只 @ 了前 40 位；本通知同样适用于其余 210 位。）')
      expect(m.mentions).toHaveLength(40)
    }
    const list = sent.filter((m) => m.chat.chatId === 'dm-me')
    expect(list).toHaveLength(1)
    expect(list[0]!.text).toContain('……还有 400 人。完整名单：管理员和组织者可发送 /导出 1')
    expect(list[0]!.text).toContain('……还有 1400 人。完整名单：管理员和组织者可发送 /导出 1')
  })

  it('the day-before reminder of 2 000 confirmed, a thousand in each group, is still one message per group', async () => {
    await h.app.db.activity.update({ where: { id: 1 }, data: { capacity: null } })
    await h.app.db.signup.updateMany({ where: { activityId: 1 }, data: { status: 'confirmed' } })
    const sent = await tickAt('2026-12-02T16:00:00+08:00')
    expectBounded(sent)
    const before = sent.filter((m) => m.text.startsWith('【活动提醒】'))
    expect(before).toHaveLength(2)
    for (const m of before) expect(m.text).toContain('本通知同样适用于其余 960 位。')
  })

  it('the weekly digest counts the places left', async () => {
    const sent = await tickAt('2026-11-30T07:30:00+08:00')
    expectBounded(sent)
    const digest = sent.find((m) => m.chat.chatId === 'console')!
    expect(digest.text).toContain('#1 12月3日(周四) 13:30-16:00 名师讲堂')
    expect(digest.text).toContain('名额已满（可候补）')
  })
})

describe('a term of 5 000 activities, as a 5 000-line 行事历 makes', () => {
  beforeEach(async () => {
    const made = await copiesOf(h.app.db, 1, 5000, (i) => ({ title: `联合教研第${i + 1}次`, importKey: `key-${i}` }))
    // Over the eight weeks from tomorrow, about 90 a day: no reminder is due yet today.
    await spreadOccurrences(h.app.db, made, '2026-11-24', 56)
  }, 60_000)

  it('/活动, /本周, /下周 and the weekly digest each answer in one bounded message', async () => {
    for (const command of ['/活动', '/本周', '/下周']) {
      const { sent } = await h.send(command)
      expectBounded(sent)
      expect(sent, command).toHaveLength(1)
    }
    const [week] = await h.say('/本周')
    expect(week!.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(60)
    expect(week).toContain('……还有 480 项，全部列出请发送 /活动 本周。')
    const sent = await tickAt('2026-11-23T09:00:00+08:00')
    expectBounded(sent)
    expect(sent.map((m) => m.chat.chatId).sort()).toEqual(['console', room.chat!].sort())
    expect(sent[0]!.text).toContain('……还有 520 项，发送 /本周 查看全部。')
  })

  it('/活动 全部, /活动 12月 and /活动 本周 list at most 150 in a few messages, then name a narrower listing', async () => {
    const expected: [string, string][] = [
      ['/活动 全部', '……还有 4851 项没有列出，请按月份查看，例如：/活动 12月。'],
      // December: 2 768 of the spread and #1.
      ['/活动 12月', '……还有 2619 项没有列出，请按周次查看，例如：/活动 第14周。'],
      ['/活动 本周', '……还有 390 项没有列出，请按编号查看详情，例如：/活动 12；完整清单管理员可发送 /导出。'],
    ]
    for (const [command, more] of expected) {
      const { sent } = await h.send(command)
      expectBounded(sent)
      expect(sent.length, command).toBeLessThanOrEqual(8)
      const lines = sent.flatMap((m) => m.text.split('\n'))
      expect(lines.filter((l) => l.startsWith('#')), command).toHaveLength(150)
      expect(lines.at(-1), command).toBe(more)
    }
  })

  it('/活动 待定 lists 150 of 3 000 undated ones, and /活动 stays one message pointing to it', async () => {
    await h.say('/排期 12月 主题式联合教研')
    const [undated] = await h.app.db.activity.findMany({ where: { pendingFrom: { not: null } } })
    await copiesOf(h.app.db, undated!.id, 2999)
    const { sent } = await h.send('/活动 待定')
    expectBounded(sent)
    expect(sent.length).toBeLessThanOrEqual(8)
    expect(sent[0]!.text.split('\n')[0]).toContain('【日期待定的活动】共 3000 项。')
    expect(sent.at(-1)!.text.split('\n').at(-1)).toBe('……还有 2850 项没有列出，请按月份查看，例如：/活动 12月。')
    const listed = await h.send('/活动')
    expect(listed.sent).toHaveLength(1)
    expect(listed.sent[0]!.text.split('\n').at(-1)).toBe('日期待定共 3000 项，全部列出请发送 /活动 待定')
  }, 60_000)
})
