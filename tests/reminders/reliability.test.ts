import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OutgoingMessage } from '../../src/core/message.ts'
import type { Db } from '../../src/db/client.ts'
import { tickInProcess } from '../helpers/console-process.ts'
import { eventually } from '../helpers/test-app.ts'
import { createLogger } from '../../src/log.ts'
import { createReminders } from '../../src/reminders/runner.ts'
import { holdLease, releaseLease } from '../../src/services/processes.ts'
import { bindAsAdmin, createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'

let h: Harness
let clock: Date
const wechat: SayOptions = { platform: 'wechat', chat: 'wx-room', title: '育秀语文群' }
const lark: SayOptions = { platform: 'lark', chat: 'oc_group', title: '育秀飞书群' }

const bind = (where: SayOptions, as: string) => bindAsAdmin(h, where, as)

/** A reminder run on a database as a separate process would have it, recording what it sends. */
function runner(db: Db, send: (m: OutgoingMessage) => Promise<void>) {
  return createReminders({ db, send, log: createLogger('silent'), clock: () => clock, claimTimeoutMs: 5 * 60_000 })
}

const at = (iso: string) => {
  clock = new Date(iso)
  h.setNow(iso)
}

beforeEach(async () => {
  h = await createHarness('2026-11-20T09:00:00+08:00')
  clock = new Date('2026-11-20T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await bind(wechat, '张主任')
  await bind(lark, '赵主任')
  await h.say('/排期 11月25日 13:30 联合教研')
  h.sent.length = 0
})
afterEach(() => h.close())

describe('exactly once, across crashes and processes', () => {
  it('a run killed mid-send delivers each digest once: after restart the rest go when the dead run\'s hold lapses', async () => {
    at('2026-11-23T07:30:00+08:00')
    const delivered: OutgoingMessage[] = []
    // The first run sends one message, then dies: every later send of it never returns.
    let calls = 0
    const dying = runner(h.app.db, (m) => {
      if (++calls > 1) return new Promise<void>(() => {})
      delivered.push(m)
      return Promise.resolve()
    })
    void dying.tick()
    await eventually(() => calls >= 3, 'the first run to reach every chat')
    expect(delivered).toHaveLength(1)

    // Restarted a minute later: the dead run still holds what it wrote (a send may be on its way).
    at('2026-11-23T07:31:00+08:00')
    const restarted = runner(h.app.db, async (m) => void delivered.push(m))
    await restarted.tick()
    expect(delivered).toHaveLength(1)
    // Past the hold (the claim timeout), the restarted run sends the two not marked sent, once.
    at('2026-11-23T07:36:30+08:00')
    await restarted.tick()
    await restarted.tick()
    expect(delivered.map((m) => m.chat.chatId).sort()).toEqual(['console', 'oc_group', 'wx-room'])
    expect(delivered.every((m) => m.text.startsWith('【本周(第13周)学区活动】'))).toBe(true)
    const rows = await h.app.db.outbox.findMany({ where: { id: { in: (await h.app.db.reminder.findMany({ where: { kind: 'digest' } })).map((r) => r.outboxId!) } } })
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent'])
  })

  it('of processes ticking together, the one holding the tick lease plans it; the others only send, and take over when it lets go', async () => {
    at('2026-11-23T07:30:00+08:00')
    const delivered: OutgoingMessage[] = []
    const as = (holder: string) => createReminders({ db: h.app.db, send: async (m) => void delivered.push(m), log: createLogger('silent'), clock: () => clock, holder })
    // Another process is planning this moment: this one plans nothing, and sends nothing twice.
    expect(await holdLease(h.app.db, 'reminder-tick', 'other-process', new Date(), 60_000)).toBe(true)
    expect(await as('this-process').tick()).toEqual({ queued: 0, skipped: 0, sent: 0 })
    expect(await h.app.db.reminder.count()).toBe(0)
    // It let go (or died and its lease ran out): the next tick of this one plans.
    await releaseLease(h.app.db, 'reminder-tick', 'other-process')
    const result = await as('this-process').tick()
    expect(result.queued).toBe(3)
    expect(delivered.map((m) => m.chat.chatId).sort()).toEqual(['console', 'oc_group', 'wx-room'])
    // The lease is given back after each tick: any process may plan the next.
    expect(await h.app.db.lease.count({ where: { name: 'reminder-tick' } })).toBe(0)
  })

  it('two processes on one SQLite file running the same tick send each reminder once', async () => {
    {
      const all: string[] = []
      for (const time of ['2026-11-23T07:30:00+08:00', '2026-11-24T16:00:00+08:00', '2026-11-25T12:30:00+08:00']) {
        const runs = await Promise.all([tickInProcess(h.config.DATABASE_URL, time), tickInProcess(h.config.DATABASE_URL, time)])
        for (const m of runs.flat()) all.push(`${m.chat.chatId}|${m.text.split('\n')[0]}`)
      }
      expect(all.sort()).toEqual(
        [
          'console|【本周(第13周)学区活动】11月23日-29日',
          'wx-room|【本周(第13周)学区活动】11月23日-29日',
          'oc_group|【本周(第13周)学区活动】11月23日-29日',
          'console|【活动提醒】#1「联合教研」明天 11月25日(周三) 13:30。',
          'console|【活动提醒】#1「联合教研」13:30 开始（还有1小时）。',
        ].sort(),
      )
    }
  }, 60_000)
})

describe('quiet hours, downtime and settings', () => {
  it('holds what falls in quiet hours until they end, and skips what would then be too late', async () => {
    await h.say('/提醒 免打扰 22:00-07:30')
    await h.say('/提醒 提前 2小时')
    await h.say('/排期 11月24日 09:00 早读研讨')
    await h.say('/排期 11月24日 07:30 升旗观摩')
    h.sent.length = 0
    at('2026-11-24T07:00:00+08:00')
    await h.tick()
    expect(h.sent).toEqual([])
    at('2026-11-24T07:30:00+08:00')
    await h.tick()
    // Held by quiet hours to 07:30: it says the time really left.
    expect(h.sent.map((m) => m.text.split('\n')[0])).toEqual(['【活动提醒】#2「早读研讨」09:00 开始（还有1小时30分钟）。'])
    const skipped = await h.app.db.reminder.findMany({ where: { status: 'skipped', note: 'stale', kind: 'before' } })
    expect(skipped.map((r) => r.key)).toEqual([expect.stringMatching(/^before:\d+:2h:/)])
  })

  it('after downtime sends what is still useful, late, and skips the stale once', async () => {
    // Down from Sunday 15:00 to Monday 12:00: the digest and the day-before reminder are still useful.
    await h.say('/排期 11月23日 13:30 周一教研')
    h.sent.length = 0
    at('2026-11-23T12:00:00+08:00')
    await h.tick()
    // Sent late; in each chat in the order they fell due (platforms send side by side).
    const lines = (chat: string) => h.sent.filter((m) => m.chat.chatId === chat).map((m) => m.text.split('\n')[0])
    // The day-before reminder, sent on the day itself, says 今天.
    expect(lines('console')).toEqual(['【活动提醒】#2「周一教研」今天 11月23日(周一) 13:30。', '【本周(第13周)学区活动】11月23日-29日'])
    expect(lines('wx-room')).toEqual(['【本周(第13周)学区活动】11月23日-29日'])
    expect(lines('oc_group')).toEqual(['【本周(第13周)学区活动】11月23日-29日'])
    h.sent.length = 0
    // Down again until 14:00: the one-hour reminder is stale and is not sent; nothing is sent twice.
    at('2026-11-23T14:00:00+08:00')
    await h.tick()
    await h.tick()
    expect(h.sent).toEqual([])
    expect(await h.app.db.reminder.count({ where: { status: 'skipped', note: 'stale' } })).toBe(1)
  })

  it('a catch-up after downtime waits for the end of quiet hours, and then speaks of that day as 今天 with the time really left', async () => {
    await h.say('/提醒 免打扰 22:00-07:00')
    await h.say('/排期 11月24日 08:30 早读观摩')
    h.sent.length = 0
    // Down from Monday noon; back at 03:00 on Tuesday, inside quiet hours: nothing goes out.
    at('2026-11-24T03:00:00+08:00')
    await h.tick()
    expect(h.sent).toEqual([])
    // At 07:00 the day-before reminder is still useful: it says 今天; the 1-hour one is not due yet.
    at('2026-11-24T07:00:00+08:00')
    await h.tick()
    expect(h.sent.filter((m) => m.chat.chatId === 'console').map((m) => m.text.split('\n')[0])).toEqual(['【活动提醒】#2「早读观摩」今天 11月24日(周二) 08:30。'])
    h.sent.length = 0
    // The 1-hour reminder, ticked 20 minutes late, says 40 minutes.
    at('2026-11-24T07:50:00+08:00')
    await h.tick()
    expect(h.sent.filter((m) => m.chat.chatId === 'console').map((m) => m.text.split('\n')[0])).toEqual(['【活动提醒】#2「早读观摩」08:30 开始（还有40分钟）。'])
  })

  it('never sends two reminders of one session together: when quiet hours or a restart hold both, only the nearer one goes', async () => {
    await h.say('/提醒 免打扰 22:00-07:00')
    await h.say('/提醒 提前 1天 2小时')
    await h.say('/排期 11月24日 08:30 早读观摩')
    h.sent.length = 0
    // Down from Monday noon to Tuesday 07:00: the day-before reminder (16:00) and the 2-hour one (06:30, in quiet hours) are both due.
    at('2026-11-24T07:00:00+08:00')
    await h.tick()
    expect(h.sent.filter((m) => m.chat.chatId === 'console').map((m) => m.text.split('\n')[0])).toEqual(['【活动提醒】#2「早读观摩」08:30 开始（还有1小时30分钟）。'])
    const skipped = await h.app.db.reminder.findMany({ where: { status: 'skipped', note: 'stale', kind: 'before' } })
    expect(skipped.map((r) => r.key)).toEqual([expect.stringMatching(/^before:\d+:1d:/)])
  })

  it('shows and changes the settings (admins), refusing what it cannot read', async () => {
    expect(await h.say('/提醒')).toEqual([
      '本群的自动提醒：\n周报：每周一 07:30\n活动提醒：提前 1天(16:00)、1小时\n免打扰：无\n管理员可以修改，例如：/提醒 周报 周日 19:00、/提醒 提前 1天 2小时、/提醒 关闭 周报、/提醒 免打扰 22:00-07:00',
    ])
    expect(await h.say('/提醒 提前 1天 2小时 15分钟')).toEqual(['已修改。本群的自动提醒：\n周报：每周一 07:30\n活动提醒：提前 1天(16:00)、2小时、15分钟\n免打扰：无'])
    expect((await h.say('/提醒 周报 周日 19:00'))[0]).toContain('周报：每周日 19:00')
    expect((await h.say('/提醒 关闭 周报'))[0]).toContain('周报：已关闭')
    expect(await h.say('/提醒 提前 3年')).toEqual(['没看懂「3年」。提前多久请这样写：/提醒 提前 1天 2小时 15分钟（最多 14 天、5 个）'])
    expect(await h.say('/提醒 免打扰 晚上')).toEqual(['没看懂「晚上」。免打扰请这样写：/提醒 免打扰 22:00-07:00，或 /提醒 免打扰 关闭'])
    expect(await h.say('/提醒 周报 八点')).toEqual(['没看懂「八点」。周报时间请这样写：/提醒 周报 周日 19:00'])
    expect(await h.say('/提醒 关闭 周报', { as: '王芳' })).toEqual(['只有学区管理员可以修改提醒设置。发送 /提醒 查看当前设置。'])
  })

  it('a Sunday-evening digest covers the week ahead; a closed digest sends nothing', async () => {
    await h.say('/提醒 周报 周日 19:00')
    await h.say('/提醒 关闭 周报', { ...wechat, as: '张主任', id: 'wechat-张主任' })
    h.sent.length = 0
    at('2026-11-22T19:00:00+08:00')
    await h.tick()
    // The WeChat room closed its digest; the Lark group's is Monday morning's.
    expect(h.sent.map((m) => `${m.chat.chatId}|${m.text.split('\n')[0]}`)).toEqual(['console|【下周(第13周)学区活动】11月23日-29日'])
  })

  it('try it in the console: /提醒 提前 2分钟 on an activity 3 minutes ahead arrives on time', async () => {
    at('2026-11-23T10:00:00+08:00')
    await h.say('/提醒 提前 2分钟')
    const [scheduled] = await h.say('/排期 今天 10:03 小组教研')
    expect(scheduled).toContain('10:03')
    h.sent.length = 0
    at('2026-11-23T10:00:30+08:00')
    await h.tick()
    const reminders = () => h.sent.filter((m) => m.text.startsWith('【活动提醒】#2'))
    expect(reminders()).toEqual([])
    at('2026-11-23T10:01:00+08:00')
    await h.tick()
    expect(reminders().map((m) => m.text)).toEqual([
      '【活动提醒】#2「小组教研」10:03 开始（还有2分钟）。\n还可以报名：发送 /报名 2',
    ])
  })
})
