import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { texts } from '../../src/core/texts/index.ts'
import type { OutgoingMessage } from '../../src/core/message.ts'
import { buildMessage, createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'

// Commands arriving together, as a group's 接龙 burst or a redelivered event
// brings them. On SQLite one transaction runs at a time; on PostgreSQL (this
// file runs on both, vitest.config.ts) they run side by side, and the same
// answers must come out.
let h: Harness
let seq = 10_000

beforeEach(async () => {
  h = await createHarness('2026-11-24T10:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

const failures = [texts.router.internal, texts.router.busy, texts.router.busyQueued]

/** Sends all at once; returns what the bot sent, per message, and no message answered with an error or 系统繁忙. */
async function together(messages: { text: string; options: SayOptions; eventKeys?: string[] }[]): Promise<OutgoingMessage[]> {
  const before = h.sent.length
  const now = new Date('2026-11-24T10:00:00+08:00')
  await Promise.all(
    messages.map(({ text, options, eventKeys }) => h.app.dispatch({ ...buildMessage(text, ++seq, now, options), ...(eventKeys ? { eventKeys } : {}) })),
  )
  await h.app.outbox.idle()
  const sent = h.sent.slice(before)
  expect(sent.filter((m) => failures.some((f) => m.text.includes(f)))).toEqual([])
  return sent
}

const teachers = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `教师${from + i + 1}`)

async function line(activityId = 1) {
  return h.app.db.signup.findMany({ where: { activityId }, orderBy: { seq: 'asc' }, include: { member: true } })
}

describe('commands at the same moment', () => {
  it('200 sign-ups for 30 places: exactly 30 confirmed, 170 waiting, seq 1…200 once each, every teacher answered once', async () => {
    await h.say('/排期 12月3日 13:30 联合教研 名额30')
    const names = teachers(200)
    const sent = await together(names.map((as) => ({ text: '/报名 1', options: { as } })))
    const rows = await line()
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
    expect(rows.slice(0, 30).every((r) => r.status === 'confirmed')).toBe(true)
    expect(rows.slice(30).every((r) => r.status === 'waiting')).toBe(true)
    expect(new Set(rows.map((r) => r.member.displayName))).toEqual(new Set(names))
    // Each teacher is told once, and what they are told is their place in the line: alone ("教师14 报名成功…"),
    // or in a message gathered while a send to the group was on its way ("教师14：已报名，第 3 位").
    for (const [i, r] of rows.entries()) {
      const name = r.member.displayName
      const told = sent.filter((m) => (m.text.includes(`${name} `) || m.text.includes(`\n${name}：`)) && m.text.includes('#1'))
      expect(told, name).toHaveLength(1)
      const mine = told[0]!.text.split('\n').find((l) => l.startsWith(`${name}：`)) ?? told[0]!.text
      expect(mine).toContain(i < 30 ? `第 ${i + 1} 位` : `候补第 ${i - 29} 位`)
      expect(mine.includes('候补'), name).toBe(i >= 30)
    }
  }, 120_000)

  it('withdrawals and sign-ups together: the freed places go to the first who wait, never more than the capacity', async () => {
    await h.say('/排期 12月3日 13:30 联合教研 名额10')
    for (const as of teachers(20)) await h.say('/报名 1', { as })
    // Five confirmed withdraw while ten more sign up and the capacity goes to 12.
    const sent = await together([
      ...teachers(5).map((as) => ({ text: '/取消报名 1', options: { as } })),
      ...teachers(10, 20).map((as) => ({ text: '/报名 1', options: { as } })),
      { text: '/设置 1 名额12', options: {} },
    ])
    expect(sent.length).toBeGreaterThanOrEqual(16)
    const live = (await line()).filter((r) => r.status !== 'cancelled')
    const confirmed = live.filter((r) => r.status === 'confirmed')
    expect(confirmed).toHaveLength(12)
    // Nobody jumps the line: every confirmed sign-up came before every waiting one.
    const lastConfirmed = Math.max(...confirmed.map((r) => r.seq))
    expect(live.filter((r) => r.status === 'waiting').every((r) => r.seq > lastConfirmed)).toBe(true)
    expect(live).toHaveLength(25)
  }, 60_000)

  it('the same platform event delivered twice at once is handled once and answered once', async () => {
    await h.say('/排期 12月3日 13:30 联合教研 名额30')
    const event = { text: '/报名 1', options: { as: '王芳' }, eventKeys: ['lark:event:ev_1', 'lark:msg:om_1'] }
    for (let round = 0; round < 5; round++) {
      const keys = event.eventKeys.map((k) => `${k}_${round}`)
      const sent = await together([{ ...event, eventKeys: keys }, { ...event, eventKeys: keys }])
      expect(sent.map((m) => m.text), `round ${round}`).toEqual([round === 0 ? expect.stringContaining('王芳 报名成功') : expect.stringContaining('王芳 已经报过 #1')])
    }
    expect((await line()).length).toBe(1)
  })

  it('a new member\'s first messages at once make one member and are each answered', async () => {
    for (let round = 0; round < 10; round++) {
      const as = `新老师${round}`
      const sent = await together([
        { text: '/ping', options: { as } },
        { text: '/活动', options: { as } },
        { text: '/我是 李明 育秀实验学校 语文 教龄5', options: { as } },
      ])
      expect(sent.length, as).toBeGreaterThanOrEqual(3)
      expect(await h.app.db.account.count({ where: { userId: as } })).toBe(1)
    }
    expect(await h.app.db.member.count({ where: { displayName: { startsWith: '新老师' } } })).toBe(10)
  })
})
