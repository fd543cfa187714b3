import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { texts } from '../../src/core/texts/index.ts'
import { prepareConsoleGroup } from '../../src/services/console-setup.ts'
import { FAKE_APP_ID, FakeLark, encrypt, messageEvent, postSigned } from '../helpers/fake-lark.ts'
import { freePort, startBot } from '../helpers/console-process.ts'
import { buildMessage } from '../helpers/harness.ts'
import { rawDb } from '../helpers/raw-db.ts'
import { eventually, openTestApp } from '../helpers/test-app.ts'

// Four bot processes on one PostgreSQL database (the postgres project only, vitest.config.ts),
// each receiving a quarter of a district's sign-up burst at the same moment.
const KEY = 'four-encrypt-key'
const TOKEN = 'four-token'
const TEACHERS = 1000
const PLACES = 50
const GROUPS = 20
const now = '2026-11-24T10:00:00+08:00'

let dir = ''
let drop = async () => {}
let fake: FakeLark | undefined
const children: ReturnType<typeof startBot>[] = []
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await fake?.stop()
  await drop()
  rmSync(dir, { recursive: true, force: true })
})

interface Options {
  /** Lark school groups bound to the district (default GROUPS). */
  groups?: number
  /** The clock the processes start at (default `now`). */
  start?: string
  env?: Record<string, string>
}

/** The district as an admin left it (a term, the activity, Lark school groups bound to it) and `count` bot processes on it in Lark webhook mode. */
async function district(count: number, members: { member_id: string; name: string; chat: string }[], options: Options = {}) {
  const start = options.start ?? now
  const groups = options.groups ?? GROUPS
  const test = await openTestApp({ send: async () => {}, clock: () => new Date(start) })
  dir = test.dir
  const url = test.config.DATABASE_URL
  drop = async () => void (await test.close())
  await inTx(test.app.db, (tx) => prepareConsoleGroup(tx, test.config, new Date(start)))
  for (const [i, line] of ['/学期 2026-09-01 2027-01-22 第一学期', `/排期 12月3日 13:30 联合教研 名额${PLACES}`].entries()) {
    await test.app.dispatch(buildMessage(line, i + 1, new Date(start)))
  }
  const { id: districtId } = await test.app.db.district.findFirstOrThrow()
  await test.app.db.group.createMany({ data: Array.from({ length: groups }, (_, g) => ({ platform: 'lark', chatId: `oc_s${g}`, title: `学校${g}教研群`, districtId })) })
  const lark = (fake = await new FakeLark().start())
  for (let g = 0; g < groups; g++) lark.chats.set(`oc_s${g}`, { name: `学校${g}教研群`, members: members.filter((m) => m.chat === `oc_s${g}`) })
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()))
  const outs = ports.map((port) => {
    const child = startBot({
      DATABASE_URL: url, DATA_DIR: dir, CONSOLE: 'off', CLOCK_START: start, LOG_LEVEL: 'error', ...options.env,
      LARK_APP_ID: FAKE_APP_ID, LARK_APP_SECRET: 'secret', LARK_MODE: 'webhook', LARK_DOMAIN: lark.url,
      LARK_ENCRYPT_KEY: KEY, LARK_VERIFICATION_TOKEN: TOKEN, HTTP_PORT: String(port),
    })
    children.push(child)
    const out = { stdout: '', stderr: '' }
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d))
    return out
  })
  for (const out of outs) await eventually(() => out.stdout.includes('已接入 飞书'), `a process to start (${out.stdout}${out.stderr})`, 60_000)
  return { url, lark, ports, outs }
}

const failures = [texts.router.internal, texts.router.busy, texts.router.busyQueued]

describe('four bot processes on one PostgreSQL database', () => {
  it(`${TEACHERS} sign-ups for ${PLACES} places sent to all four at once: exactly ${PLACES} confirmed, the rest waiting, seq 1…${TEACHERS} once each, no error reply`, async () => {
    const members = Array.from({ length: TEACHERS }, (_, i) => ({ member_id: `ou_t${i}`, name: `老师${i}`, chat: `oc_s${i % GROUPS}` }))
    const { url, lark, ports, outs } = await district(4, members)

    // Each process gets every fourth teacher, twenty posts in flight per process, all four at once.
    const events = members.map((m) => messageEvent({ token: TOKEN, chatId: m.chat, sender: m.member_id, text: '/报名 1' }))
    const statuses: number[] = new Array(TEACHERS).fill(0)
    await Promise.all(
      ports.map(async (port, p) => {
        const mine = events.map((_, i) => i).filter((i) => i % ports.length === p)
        let next = 0
        await Promise.all(
          Array.from({ length: 20 }, async () => {
            while (next < mine.length) {
              const i = mine[next++]!
              statuses[i] = await postSigned(`http://127.0.0.1:${port}/lark/events`, encrypt(events[i], KEY), KEY).then((r) => r.status, () => 0)
            }
          }),
        )
      }),
    )
    expect(statuses.filter((s) => s !== 200)).toEqual([])

    const db = await rawDb(url)
    try {
      const rows = async () =>
        db.all<{ status: string; seq: number }>(`SELECT "status", "seq" FROM "Signup" WHERE "activityId" = 1 ORDER BY "seq"`)
      await eventually(async () => (await rows()).length === TEACHERS, 'every sign-up', 120_000)
      const line = await rows()
      expect(line.map((r) => r.seq)).toEqual(Array.from({ length: TEACHERS }, (_, i) => i + 1))
      expect(line.filter((r) => r.status === 'confirmed').map((r) => r.seq)).toEqual(Array.from({ length: PLACES }, (_, i) => i + 1))
      expect(line.filter((r) => r.status === 'waiting')).toHaveLength(TEACHERS - PLACES)
      // One member and one account per teacher, each event taken once.
      const count = async (sql: string) => Number((await db.all<{ n: number | string }>(sql))[0]!.n)
      expect(await count(`SELECT count(*) n FROM "Account" WHERE "platform" = 'lark'`)).toBe(TEACHERS)
      expect(await count(`SELECT count(*) n FROM "InboundEvent" WHERE "key" LIKE 'lark:msg:%'`)).toBe(TEACHERS)
    } finally {
      await db.close()
    }
    // Whatever has been sent so far: no 出错了 and no 系统繁忙 among it.
    expect(lark.sent.filter((m) => failures.some((f) => m.text.includes(f)))).toEqual([])
    for (const out of outs) expect(out.stderr).not.toMatch(/command failed|Error/)
  }, 240_000)

  it('a Lark event delivered to two processes at once is handled once: one sign-up, one answer, both acknowledged', async () => {
    const members = Array.from({ length: 10 }, (_, i) => ({ member_id: `ou_d${i}`, name: `老师${i}`, chat: `oc_s${i % GROUPS}` }))
    const { url, lark, ports, outs } = await district(2, members)
    for (const m of members) {
      // Lark redelivers an event it thinks failed; the long connection may hand it to another process.
      const event = encrypt(messageEvent({ token: TOKEN, chatId: m.chat, sender: m.member_id, text: '/报名 1' }), KEY)
      const statuses = await Promise.all(ports.map((port) => postSigned(`http://127.0.0.1:${port}/lark/events`, event, KEY).then((r) => r.status)))
      expect(statuses).toEqual([200, 200])
    }
    const db = await rawDb(url)
    try {
      await eventually(async () => (await db.all('SELECT "id" FROM "Signup"')).length === members.length, 'every sign-up', 30_000)
      await eventually(async () => (await db.all(`SELECT "id" FROM "Outbox" WHERE "status" = 'pending'`)).length === 0, 'every answer sent', 30_000)
      await new Promise((r) => setTimeout(r, 1000)) // anything handled twice would show by now
      expect(await db.all('SELECT "id" FROM "Signup"')).toHaveLength(members.length)
    } finally {
      await db.close()
    }
    // Each teacher told once (a reply, or an @mention in a gathered message).
    for (const m of members) {
      const told = lark.sent.filter((s) => s.text.includes(`<at user_id="${m.member_id}">`) || (s.kind === 'reply' && s.text.includes(m.name)))
      expect(told, m.name).toHaveLength(1)
    }
    expect(lark.sent.filter((m) => failures.some((f) => m.text.includes(f)))).toEqual([])
    for (const out of outs) expect(out.stderr).not.toMatch(/command failed|Error/)
  }, 120_000)

  it('the weekly digest to 300 groups, one of four processes killed with SIGKILL in the middle: each group gets it exactly once', async () => {
    const GROUPS_300 = 300
    // Monday just before the digest's 07:30: the four processes reach it together, on their own cron ticks.
    const { lark, outs } = await district(4, [], { groups: GROUPS_300, start: '2026-11-30T07:29:50+08:00', env: { REMINDER_RETRY_AFTER_S: '5' } })
    lark.latencyMs = 150 // each send takes a while: the process killed has sends under way
    const digests = () => lark.sent.filter((m) => m.text.startsWith('【本周(第14周)学区活动】') && m.chatId?.startsWith('oc_s'))
    await eventually(() => digests().length >= 60, 'the digest to be under way', 90_000)
    children[0]!.kill('SIGKILL')
    const sentBefore = digests().length
    expect(sentBefore).toBeLessThan(GROUPS_300)
    // The rest go out from the three left (what the dead one held, once its hold of 5 s lapses).
    await eventually(() => new Set(digests().map((m) => m.chatId)).size === GROUPS_300, `every group's digest (${digests().length} so far)`, 120_000)
    await new Promise((r) => setTimeout(r, 2000)) // a second copy anywhere would show by now
    const perGroup = new Map<string, number>()
    for (const m of digests()) perGroup.set(m.chatId!, (perGroup.get(m.chatId!) ?? 0) + 1)
    expect([...perGroup.values()].filter((n) => n !== 1)).toEqual([])
    expect(perGroup.size).toBe(GROUPS_300)
    for (const out of outs.slice(1)) expect(out.stderr).not.toMatch(/command failed|Error/)
  }, 240_000)
})
