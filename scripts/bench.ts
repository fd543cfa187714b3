/**
 * `npm run bench`: the real pipeline (router, handlers, Prisma on a temporary
 * SQLite file) in one process, measured as ratios within one run. Prints a
 * table and one JSON line. Not part of `npm test`. `npm run bench -- --db
 * postgres` compares SQLite with PostgreSQL (one and four processes) instead.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { createApp, type App } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { IncomingMessage, OutgoingMessage } from '../src/core/message.ts'
import { inTx } from '../src/db/client.ts'
import { applyMigrations } from '../src/db/migrate.ts'
import { createLogger } from '../src/log.ts'
import { createReminders } from '../src/reminders/runner.ts'
import { prepareConsoleGroup } from '../src/services/console-setup.ts'
import { seedActivities, seedGroups } from './bench-seed.ts'

const NOW = new Date('2026-11-23T07:30:00+08:00')
const dir = mkdtempSync(path.join(tmpdir(), 'xuequ-bench-'))
const results: Record<string, number> = {}
const rows: [string, string, string][] = []

function stats(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { p50: at(0.5), p99: at(0.99) }
}

async function freshApp(name: string): Promise<{ app: App; sent: OutgoingMessage[]; file: string }> {
  const file = path.join(dir, `${name}.db`)
  await applyMigrations(`file:${file}`)
  const sent: OutgoingMessage[] = []
  const config = loadConfig({ DATABASE_URL: `file:${file}` })
  const app = await createApp({ config, log: createLogger('silent'), send: async (m) => void sent.push(m), clock: () => NOW, migrate: false })
  await inTx(app.db, (tx) => prepareConsoleGroup(tx, config, NOW))
  return { app, sent, file }
}

let seq = 0
function message(text: string, as = '我', chat = 'console'): IncomingMessage {
  return {
    id: `b${++seq}`, platform: 'console', chat: { id: chat, title: '控制台群', isDirect: false },
    sender: { id: as, name: as }, text, mentionedBot: false, mentions: [], at: NOW,
  }
}

/** Sends the messages one after another; the latency of each, and messages per second over all. */
async function drive(app: App, messages: IncomingMessage[]) {
  const latencies: number[] = []
  const start = performance.now()
  for (const m of messages) {
    const t = performance.now()
    await app.dispatch(m)
    latencies.push(performance.now() - t)
  }
  const seconds = (performance.now() - start) / 1000
  return { perSecond: messages.length / seconds, ...stats(latencies) }
}

const ms = (x: number) => `${x.toFixed(2)} ms`
const started = performance.now()

const memoryOnly = process.argv.indexOf('--memory-only')
if (memoryOnly >= 0) {
  await memoryScenario(process.argv[memoryOnly + 1]!)
  process.stdout.write(`${JSON.stringify({ rssMb: results.rssMb, heapMb: process.memoryUsage().heapUsed / 1048576, counts: rows[0]?.[2] })}\n`)
  process.exit(0)
}

// `--db postgres`: the database scenarios on SQLite and on PostgreSQL with one and four processes, side by side (bench-db.ts).
const dbAt = process.argv.indexOf('--db')
if (dbAt >= 0) {
  if (process.argv[dbAt + 1] !== 'postgres') throw new Error('usage: npm run bench -- --db postgres')
  rmSync(dir, { recursive: true, force: true })
  await (await import('./bench-db.ts')).benchDatabases()
  process.exit(0)
}

/** The district's 1 000 members: each has written in the group before (the first message of a new account is measured apart). */
const MEMBERS = Array.from({ length: 1000 }, (_, i) => `老师${i}`)
const join = (app: App) => drive(app, MEMBERS.map((name) => message('/ping', name)))

// 1. Floor: /ping through the same pipeline, from 1 000 members.
{
  const { app } = await freshApp('floor')
  await join(app)
  const floor = await drive(app, MEMBERS.map((name) => message('/ping', name)))
  Object.assign(results, { floorPerSecond: floor.perSecond, floorP50: floor.p50, floorP99: floor.p99 })
  rows.push(['floor: /ping', `${floor.perSecond.toFixed(0)} msg/s`, `p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}`])
  await app.close()
}

// 2. Sign-up burst: 1 000 members each /报名 for one 50-place activity.
{
  const { app } = await freshApp('signup')
  await app.dispatch(message('/学期 2026-09-01 2027-01-22 第一学期'))
  await app.dispatch(message('/排期 12月3日 13:30 联合教研 名额50'))
  await join(app)
  const burst = await drive(app, MEMBERS.map((name) => message('/报名 1', name)))
  // The same burst from 1 000 accounts the bot has never seen: each first message also creates the member.
  await app.dispatch(message('/排期 12月4日 13:30 联合教研 名额50'))
  const strangers = await drive(app, MEMBERS.map((_, i) => message('/报名 2', `新老师${i}`)))
  for (const activityId of [1, 2]) {
    const confirmed = await app.db.signup.count({ where: { activityId, status: 'confirmed' } })
    const waiting = await app.db.signup.count({ where: { activityId, status: 'waiting' } })
    if (confirmed !== 50 || waiting !== 950) throw new Error(`sign-up burst ended ${confirmed}/${waiting}`)
  }
  Object.assign(results, {
    signupPerSecond: burst.perSecond, signupP50: burst.p50, signupP99: burst.p99, signupToFloor: burst.p50 / results.floorP50!,
    firstSignupPerSecond: strangers.perSecond, firstSignupP50: strangers.p50, firstSignupP99: strangers.p99,
  })
  rows.push(['sign-up burst: 1 000 members × /报名', `${burst.perSecond.toFixed(0)} msg/s`, `p50 ${ms(burst.p50)}, p99 ${ms(burst.p99)}, p50 ${(burst.p50 / results.floorP50!).toFixed(2)}× floor`])
  rows.push(['the same from 1 000 first-time accounts', `${strangers.perSecond.toFixed(0)} msg/s`, `p50 ${ms(strangers.p50)}, p99 ${ms(strangers.p99)} (each also creates its member)`])
  await app.close()
}

// 3. Listing: /活动 with 1 000 activities in the district.
{
  const { app } = await freshApp('listing')
  await app.dispatch(message('/学期 2026-09-01 2027-01-22 第一学期'))
  await seedActivities(app)
  const list = await drive(app, Array.from({ length: 200 }, () => message('/活动')))
  Object.assign(results, { listPerSecond: list.perSecond, listP50: list.p50, listP99: list.p99 })
  rows.push(['listing: /活动, 1 000 activities', `${list.perSecond.toFixed(0)} msg/s`, `p50 ${ms(list.p50)}, p99 ${ms(list.p99)}`])
  await app.close()
}

// 4. Reminder fan-out: the weekly digest for 1 000 groups of 10 districts, queued without pacing.
{
  const { app, sent } = await freshApp('fanout')
  await seedGroups(app)
  const reminders = createReminders({ db: app.db, send: async (m) => void sent.push(m), log: createLogger('silent'), clock: () => NOW })
  const t = performance.now()
  const result = await reminders.tick()
  const fanout = performance.now() - t
  const digests = sent.filter((m) => m.chat.platform === 'lark').length
  if (digests !== 1000) throw new Error(`fan-out sent ${digests} digests (${JSON.stringify(result)})`)
  results.fanoutMs = fanout
  rows.push(['reminder fan-out: 1 000 groups, 10 districts', `${ms(fanout)}`, `${digests} digests, one message each`])
  await app.close()
}

// 5. Memory: RSS of a bot process of its own (this one has run the other scenarios) on a database of
// 10 000 members, 2 000 activities and 50 000 sign-ups, filled beforehand by this process.
async function seedMemoryDb(): Promise<string> {
  const { app, file } = await freshApp('memory')
  await app.close()
  const raw = new Database(file)
  const now = NOW.toISOString()
  raw.transaction(() => {
    const district = (raw.prepare('select id from District limit 1').get() as { id: number }).id
    const member = raw.prepare('insert into Member (displayName, createdAt, updatedAt) values (?, ?, ?)')
    const membership = raw.prepare('insert into Membership (districtId, memberId, lastSeenAt) values (?, ?, ?)')
    for (let i = 0; i < 10_000; i++) membership.run(district, member.run(`老师${i}`, now, now).lastInsertRowid, now)
    const activity = raw.prepare("insert into Activity (districtId, organizerId, title, whenText, whenJson, status, createdAt, updatedAt, capacity) values (?, 1, ?, '', '{}', 'scheduled', ?, ?, 50)")
    const occurrence = raw.prepare('insert into Occurrence (activityId, districtId, date, startAt, timed) values (?, ?, ?, ?, 1)')
    const signup = raw.prepare("insert into Signup (activityId, memberId, status, seq, signedUpAt) values (?, ?, ?, ?, ?)")
    for (let a = 0; a < 2000; a++) {
      const id = activity.run(district, `活动${a}`, now, now).lastInsertRowid
      occurrence.run(id, district, '2026-12-01', now)
      for (let s = 0; s < 25; s++) signup.run(id, ((a * 25 + s) % 10_000) + 1, s < 20 ? 'confirmed' : 'waiting', s + 1, now)
    }
  })()
  raw.close()
  return file
}

/** In the child: the bot opens the file and does what it does with such a district (own pages, lists, the week). */
async function memoryScenario(file: string): Promise<void> {
  const config = loadConfig({ DATABASE_URL: `file:${file}` })
  const app = await createApp({ config, log: createLogger('silent'), send: async () => {}, clock: () => NOW, migrate: false })
  const counts = await Promise.all([app.db.member.count(), app.db.activity.count(), app.db.signup.count()])
  if (counts[2] !== 50_000) throw new Error('memory load incomplete')
  await drive(app, Array.from({ length: 200 }, (_, i) => message('/我的', `老师${i}`)))
  await drive(app, Array.from({ length: 200 }, (_, i) => message(`/名单 ${i + 1}`)))
  await drive(app, Array.from({ length: 50 }, () => message('/活动')))
  global.gc?.()
  results.rssMb = process.memoryUsage().rss / 1024 / 1024
  rows.push(['memory', `${results.rssMb.toFixed(0)} MB RSS`, `rows ${counts.join('/')}`])
  await app.close()
}

{
  const file = await seedMemoryDb()
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), '--memory-only', file], { encoding: 'utf8' })
  const line = child.stdout.trim().split('\n').at(-1) ?? ''
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`memory scenario failed: ${child.stderr}`)
  const measured = JSON.parse(line) as { rssMb: number; heapMb: number; counts: string }
  Object.assign(results, { rssMb: measured.rssMb, heapMb: measured.heapMb })
  rows.push(['memory: 10 000 members, 2 000 activities, 50 000 sign-ups', `${measured.rssMb.toFixed(0)} MB RSS`, `JS heap ${measured.heapMb.toFixed(0)} MB after gc; ${measured.counts}, a bot process of its own`])
}

// 6. The raw SQLite floor: the same 1 000 sign-up rows, better-sqlite3 directly, one transaction each.
{
  const { app, file } = await freshApp('raw')
  await app.dispatch(message('/学期 2026-09-01 2027-01-22 第一学期'))
  await app.dispatch(message('/排期 12月3日 13:30 联合教研 名额50'))
  await app.close()
  const raw = new Database(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL')
  const member = raw.prepare('insert into Member (displayName, createdAt, updatedAt) values (?, ?, ?)')
  const signup = raw.prepare('insert into Signup (activityId, memberId, status, seq, signedUpAt) values (1, ?, ?, ?, ?)')
  const one = raw.transaction((i: number) => {
    const now = new Date().toISOString()
    const id = member.run(`老师${i}`, now, now).lastInsertRowid
    signup.run(id, i < 50 ? 'confirmed' : 'waiting', i + 1, now)
  })
  const latencies: number[] = []
  const t0 = performance.now()
  for (let i = 0; i < 1000; i++) {
    const t = performance.now()
    one(i)
    latencies.push(performance.now() - t)
  }
  const rawSeconds = (performance.now() - t0) / 1000
  raw.close()
  const s = stats(latencies)
  Object.assign(results, { rawPerSecond: 1000 / rawSeconds, rawP50: s.p50, botToRaw: results.signupP50! / s.p50 })
  rows.push(['raw SQLite: 1 000 sign-up rows, a transaction each', `${(1000 / rawSeconds).toFixed(0)} rows/s`, `p50 ${ms(s.p50)}; the bot's sign-up p50 is ${(results.signupP50! / s.p50).toFixed(1)}×`])
}

// 7. Bursts under the platforms' real pacing: 300 teachers of one group signing up at once.
// (Loaded here, not at the top: the memory child above must not carry wechaty and the Lark SDK.)
{
  const { LARK_INTERVAL_MS, TEACHERS, WECHAT_INTERVAL_MS, larkBurst, pacingMinimumMs, wechatBurst } = await import('./bench-burst.ts')
  const lark = await larkBurst(dir)
  const larkMin = pacingMinimumMs(LARK_INTERVAL_MS)
  Object.assign(results, {
    larkAckP50: lark.ackP50, larkAckP99: lark.ackP99, larkAckMax: lark.ackMax,
    larkLastToldMs: lark.lastToldMs, larkToPacing: lark.lastToldMs / larkMin,
  })
  rows.push([`Lark burst: ${TEACHERS} new teachers × /报名, one group`, `ack p99 ${lark.ackP99} ms`, `p50 ${lark.ackP50} ms, max ${lark.ackMax} ms (Lark waits 3 s); a bot process of its own`])
  rows.push(['  time to the last confirmation', `${(lark.lastToldMs / 1000).toFixed(1)} s`, `${lark.messages} messages; ${(lark.lastToldMs / larkMin).toFixed(2)}× the pacing minimum (${(larkMin / 1000).toFixed(1)} s)`])
  const wechat = await wechatBurst(dir)
  const wechatMin = pacingMinimumMs(WECHAT_INTERVAL_MS)
  Object.assign(results, { wechatLastToldMs: wechat.lastToldMs, wechatToPacing: wechat.lastToldMs / wechatMin })
  rows.push([`WeChat burst: ${TEACHERS} teachers × /报名, one room`, `${(wechat.lastToldMs / 1000).toFixed(1)} s`, `to the last confirmation, ${wechat.messages} messages; ${(wechat.lastToldMs / wechatMin).toFixed(2)}× the pacing minimum (${(wechatMin / 1000).toFixed(1)} s)`])
}

rmSync(dir, { recursive: true, force: true })
const targets = {
  signupAtLeast1000PerSecond: results.signupPerSecond! >= 1000,
  signupP99Under20ms: results.signupP99! < 20,
  signupP50Within4xFloor: results.signupToFloor! <= 4,
  fanoutUnder1s: results.fanoutMs! < 1000,
  rssUnder200Mb: results.rssMb! < 200,
  larkAckP99Under3s: results.larkAckP99! < 3000,
  larkLastToldUnder10s: results.larkLastToldMs! < 10_000,
  wechatLastToldUnder20s: results.wechatLastToldMs! < 20_000,
}
const width = Math.max(...rows.map((r) => [...r[0]].length))
process.stdout.write(`\n${'measure'.padEnd(width)}  result  detail\n`)
for (const [name, value, detail] of rows) process.stdout.write(`${name.padEnd(width - ([...name].length - name.length))}  ${value}  ${detail}\n`)
process.stdout.write(`\ntargets: ${Object.entries(targets).map(([k, v]) => `${k} ${v ? 'held' : 'MISSED'}`).join(', ')}\n`)
process.stdout.write(`total ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
process.stdout.write(`${JSON.stringify({ ...results, targets })}\n`)
