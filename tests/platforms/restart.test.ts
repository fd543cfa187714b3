import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { prepareConsoleGroup } from '../../src/services/console-setup.ts'
import { FAKE_APP_ID, FakeLark, encrypt, messageEvent, postSigned } from '../helpers/fake-lark.ts'
import { freePort, startBot } from '../helpers/console-process.ts'
import { buildMessage } from '../helpers/harness.ts'
import { rawDb } from '../helpers/raw-db.ts'
import { eventually, openTestApp } from '../helpers/test-app.ts'

const KEY = 'restart-encrypt-key'
const TOKEN = 'restart-token'
const BURST = 300
const PLACES = 30
const GROUPS = 60

let dir: string
let url: string
let fake: FakeLark
let port: number

/** The district's database as an admin left it: the console group, `lines` said there, and Lark groups bound to the district. */
async function prepareDatabase(now: string, lines: string[], groups: { chatId: string; title: string }[]): Promise<void> {
  const test = await openTestApp({ send: async () => {}, clock: () => new Date(now) })
  dir = test.dir
  url = test.config.DATABASE_URL
  await inTx(test.app.db, (tx) => prepareConsoleGroup(tx, test.config, new Date(now)))
  for (const [i, line] of lines.entries()) await test.app.dispatch(buildMessage(line, i + 1, new Date(now)))
  await inTx(test.app.db, async (tx) => {
    const district = await tx.district.findFirstOrThrow()
    await tx.group.createMany({ data: groups.map((g) => ({ platform: 'lark', ...g, districtId: district.id })) })
  })
  await test.app.close()
}

/** `npm start`'s entry on the file, Lark in webhook mode against the fake; resolves once Lark is live. */
async function startChild(clockStart: string) {
  const child = startBot({
    DATABASE_URL: url,
    DATA_DIR: dir,
    CONSOLE: 'on',
    LARK_APP_ID: FAKE_APP_ID,
    LARK_APP_SECRET: 'secret',
    LARK_MODE: 'webhook',
    LARK_DOMAIN: fake.url,
    LARK_ENCRYPT_KEY: KEY,
    LARK_VERIFICATION_TOKEN: TOKEN,
    HTTP_PORT: String(port),
    CLOCK_START: clockStart,
    REMINDER_RETRY_AFTER_S: '1',
    LOG_LEVEL: 'error',
  })
  const out = { stdout: '', stderr: '' }
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d))
  const closed = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('close', (code, signal) => resolve(signal ?? code)))
  await eventually(() => out.stdout.includes('已接入 飞书'), `the bot to start (stdout: ${out.stdout} stderr: ${out.stderr})`, 30_000)
  return { child, out, closed }
}

/** Posts events as Lark does, a few at a time; the status of each (0: no answer, the process was gone). */
async function deliver(events: ReturnType<typeof messageEvent>[], onAnswer: (status: number) => void = () => {}): Promise<number[]> {
  const url = `http://127.0.0.1:${port}/lark/events`
  const statuses: number[] = new Array(events.length).fill(0)
  let next = 0
  await Promise.all(
    Array.from({ length: 25 }, async () => {
      while (next < events.length) {
        const i = next++
        statuses[i] = await postSigned(url, encrypt(events[i], KEY), KEY).then((r) => r.status, () => 0)
        onAnswer(statuses[i]!)
      }
    }),
  )
  return statuses
}

beforeEach(async () => {
  fake = await new FakeLark().start()
  port = await freePort()
})
afterEach(async () => {
  await fake.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('a bot process killed (SIGKILL) and started again', () => {
  it('in the middle of a sign-up burst: nothing acknowledged is lost, Lark redelivering everything makes one sign-up each, 30 confirmed in order, and every teacher gets exactly one confirmation', async () => {
    const now = '2026-11-24T10:00:00+08:00'
    await prepareDatabase(now, ['/学期 2026-09-01 2027-01-22 第一学期', `/排期 12月3日 13:30 联合教研 名额${PLACES}`], Array.from({ length: 10 }, (_, g) => ({ chatId: `oc_school${g}`, title: `学校${g}教研群` })))
    // The district's ten school groups, thirty teachers each, all signing up at once.
    const members = Array.from({ length: BURST }, (_, i) => ({ member_id: `ou_t${i}`, name: `老师${i}`, chat: `oc_school${i % 10}` }))
    for (let g = 0; g < 10; g++) fake.chats.set(`oc_school${g}`, { name: `学校${g}教研群`, members: members.filter((m) => m.chat === `oc_school${g}`) })
    const events = members.map((m) => messageEvent({ token: TOKEN, chatId: m.chat, sender: m.member_id, text: '/报名 1' }))

    const first = await startChild(now)
    let acknowledged = 0
    const statuses = await deliver(events, (status) => {
      if (status === 200 && ++acknowledged === 100) first.child.kill('SIGKILL')
    })
    expect(await first.closed).toBe('SIGKILL')
    // A teacher's confirmation: a reply to their message, or their @mention in a gathered 接龙 message.
    const teacherOf = new Map(events.map((e, i) => [e.event.message.message_id, members[i]!.member_id]))
    const confirmations = () => {
      const count = new Map<string, number>()
      const add = (id: string) => count.set(id, (count.get(id) ?? 0) + 1)
      for (const m of fake.sent) {
        if (m.kind === 'reply' && teacherOf.has(m.replyTo!)) add(teacherOf.get(m.replyTo!)!)
        else for (const at of m.text.matchAll(/<at user_id="(ou_t\d+)">/g)) add(at[1]!)
      }
      return count
    }
    const cutOff = statuses.filter((s) => s !== 200).length
    expect(cutOff).toBeGreaterThan(0)

    // Right after the kill: the database is sound (SQLite's file: its integrity check), and every event the bot acknowledged has its sign-up or waits in the inbox.
    let db = await rawDb(url)
    const check = async () => ({
      integrity: url.startsWith('file:') ? (await db.all<{ integrity_check: string }>('PRAGMA integrity_check'))[0]!.integrity_check : 'ok',
      rows: await db.all<{ userId: string; status: string; seq: number }>(
        `select a."userId", s."status", s."seq" from "Signup" s join "Account" a on a."memberId" = s."memberId" and a."platform" = 'lark' where s."activityId" = 1 order by s."seq"`,
      ),
    })
    const afterKill = await check()
    expect(afterKill.integrity).toBe('ok')
    const signedUp = new Set(afterKill.rows.map((r) => r.userId))
    const waiting = new Set((await db.all<{ key: string }>('select "key" from "Inbox"')).map((r) => r.key))
    members.forEach((m, i) => {
      const received = signedUp.has(m.member_id) || waiting.has(`lark:event:${events[i]!.header.event_id}`)
      if (statuses[i] === 200) expect(received, `${m.name} was acknowledged`).toBe(true)
    })
    expect(afterKill.rows.length).toBe(signedUp.size)
    expect(afterKill.rows.filter((r) => r.status === 'confirmed').length).toBe(Math.min(PLACES, afterKill.rows.length))

    // Started again; Lark delivers again what it holds undelivered, and (as it may) some it had delivered.
    await db.close()
    const second = await startChild('2026-11-24T10:01:00+08:00')
    db = await rawDb(url)
    try {
      let again = await deliver(events)
      for (let round = 0; again.some((s) => s !== 200) && round < 5; round++) again = await deliver(events.filter((_, i) => again[i] !== 200))
      expect(again.every((s) => s === 200)).toBe(true)
      // Every teacher is told, those whose confirmation was still unsent at the kill too (it was in the outbox).
      await eventually(() => confirmations().size === BURST, 'a confirmation for every teacher', 60_000)
      // A little longer, for anything sent twice to show.
      await new Promise((r) => setTimeout(r, 1500))
      const twice = [...confirmations()].filter(([, n]) => n !== 1)
      expect(twice).toEqual([])

      const end = await check()
      expect(end.integrity).toBe('ok')
      expect(end.rows.map((r) => r.userId).sort()).toEqual(members.map((m) => m.member_id).sort())
      expect(end.rows.map((r) => r.seq)).toEqual(Array.from({ length: BURST }, (_, i) => i + 1))
      expect(end.rows.slice(0, PLACES).every((r) => r.status === 'confirmed')).toBe(true)
      expect(end.rows.slice(PLACES).every((r) => r.status === 'waiting')).toBe(true)
      // What was signed up before the kill kept its place.
      expect(end.rows.slice(0, afterKill.rows.length)).toEqual(afterKill.rows)
      // Nothing left waiting; one member per teacher, each event taken once.
      const count = async (sql: string) => Number((await db.all<{ n: number | string }>(sql))[0]!.n)
      expect(await count('select count(*) n from "Inbox"')).toBe(0)
      expect(await count(`select count(*) n from "Account" where "platform" = 'lark'`)).toBe(BURST)
      expect(await count(`select count(*) n from "InboundEvent" where "key" like 'lark:msg:%'`)).toBe(BURST)
    } finally {
      await db.close()
      second.child.kill('SIGTERM')
      await second.closed
    }
  }, 120_000)

  it('in the middle of a reminder fan-out: after the restart every group has its digest exactly once', async () => {
    const monday = '2026-11-23T07:30:00+08:00'
    await prepareDatabase(monday, ['/学期 2026-09-01 2027-01-22 第一学期', '/排期 11月25日 13:30 联合教研', '/排期 11月26日 9:00 听评课'], Array.from({ length: GROUPS }, (_, g) => ({ chatId: `oc_g${g}`, title: `教研群${g}` })))
    const larkSent = () => fake.sent.filter((m) => m.chatId?.startsWith('oc_g'))

    const first = await startChild(monday)
    await eventually(() => larkSent().length >= 15, 'the fan-out to start', 30_000)
    first.child.kill('SIGKILL')
    expect(await first.closed).toBe('SIGKILL')
    const beforeRestart = larkSent().length
    expect(beforeRestart).toBeLessThan(GROUPS)

    // Thirty seconds later on the bot's clock, past the claim timeout of the sends the kill cut off.
    const second = await startChild('2026-11-23T07:30:30+08:00')
    try {
      await eventually(() => larkSent().length >= GROUPS, 'every digest', 60_000)
      const db = await rawDb(url)
      const pending = async () => Number((await db.all<{ n: number | string }>(`select count(*) n from "Outbox" where "status" = 'pending'`))[0]!.n)
      await eventually(async () => (await pending()) === 0, 'every message marked sent', 30_000)
      // A little longer, for anything sent twice to show.
      await new Promise((r) => setTimeout(r, 1500))
      const perChat = new Map<string, number>()
      for (const m of larkSent()) perChat.set(m.chatId!, (perChat.get(m.chatId!) ?? 0) + 1)
      expect([...perChat.values()].every((n) => n === 1)).toBe(true)
      expect(perChat.size).toBe(GROUPS)
      for (const m of larkSent()) expect(m.text).toContain('联合教研')
      const rows = await db.all<{ status: string; n: number | string }>(
        `select o."status", count(*) n from "Reminder" r join "Outbox" o on o."id" = r."outboxId" where r."groupId" in (select "id" from "Group" where "platform" = 'lark') group by o."status"`,
      )
      expect(rows.map((r) => ({ status: r.status, n: Number(r.n) }))).toEqual([{ status: 'sent', n: GROUPS }])
      // The console group's digest printed once, by one of the two processes.
      // Each digest went under its reminder's uuid; a send the kill cut off before it was marked went again and Lark dropped it.
      expect(new Set(fake.uuids).size).toBe(GROUPS)
      const printed = `${first.out.stdout}${second.out.stdout}`.split('学区活动】').length - 1
      expect(printed).toBe(1)
      await db.close()
    } finally {
      second.child.kill('SIGTERM')
      await second.closed
    }
  }, 120_000)
})
