/**
 * `npm run bench -- --db postgres`: the database scenarios of the bench on
 * SQLite, on PostgreSQL with one bot process and with four, side by side.
 * Each column is read against its own floor (/ping through the same pipeline
 * on the same database with the same processes): the ratios say what a
 * command costs beyond the database's round trips, comparable across columns.
 *
 * Every column runs its bot processes as children of this one, started
 * together; each drives its share of the messages one after another (a
 * process with four children has four commands in flight at once).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createApp, type App } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { IncomingMessage } from '../src/core/message.ts'
import { inTx } from '../src/db/client.ts'
import { applyMigrations } from '../src/db/migrate.ts'
import { createLogger } from '../src/log.ts'
import { createReminders } from '../src/reminders/runner.ts'
import { prepareConsoleGroup } from '../src/services/console-setup.ts'
import { seedActivities, seedGroups } from './bench-seed.ts'
import { copyOfTemplate, dropDatabases, migratedTemplate, testServerUrl } from '../tests/helpers/postgres.ts'

const NOW = new Date('2026-11-23T07:30:00+08:00')
const MEMBERS = 1000
const self = fileURLToPath(import.meta.url)

type Scenario = 'floor' | 'signup' | 'strangers' | 'listing' | 'fanout'
interface Part { url: string; scenario: Scenario; part: number; of: number }
interface Measured { perSecond: number; p50: number; p99: number; wallMs: number; count: number }

function message(text: string, as = '我'): IncomingMessage {
  return {
    id: `b${as}${Math.random()}`, platform: 'console', chat: { id: 'console', title: '控制台群', isDirect: false },
    sender: { id: as, name: as }, text, mentionedBot: false, mentions: [], at: NOW,
  }
}

/** The messages of a scenario: all of them; a child takes every `of`-th from `part`. */
function messagesOf(scenario: Scenario): IncomingMessage[] {
  const members = Array.from({ length: MEMBERS }, (_, i) => `老师${i}`)
  switch (scenario) {
    case 'floor': return members.map((m) => message('/ping', m))
    case 'signup': return members.map((m) => message('/报名 1', m))
    case 'strangers': return members.map((_, i) => message('/报名 2', `新老师${i}`))
    case 'listing': return Array.from({ length: 200 }, (_, i) => message('/活动', members[i]))
    case 'fanout': return []
  }
}

async function openApp(url: string, sent: { count: number }): Promise<App> {
  const config = loadConfig({ DATABASE_URL: url })
  return createApp({ config, log: createLogger('silent'), send: async () => void sent.count++, clock: () => NOW, migrate: false })
}

/** In a child: opens the bot, says ready, waits for go, drives its share, prints what it measured. */
async function child(part: Part): Promise<void> {
  const sent = { count: 0 }
  const app = await openApp(part.url, sent)
  const mine = messagesOf(part.scenario).filter((_, i) => i % part.of === part.part)
  process.stdout.write('ready\n')
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()))
  const latencies: number[] = []
  const start = performance.now()
  if (part.scenario === 'fanout') {
    const reminders = createReminders({ db: app.db, send: async () => void sent.count++, log: createLogger('silent'), clock: () => NOW, holder: `bench-${part.part}` })
    await reminders.tick()
  }
  for (const m of mine) {
    const t = performance.now()
    await app.dispatch(m)
    latencies.push(performance.now() - t)
  }
  const end = performance.now()
  await app.close()
  process.stdout.write(`${JSON.stringify({ latencies, start: performance.timeOrigin + start, end: performance.timeOrigin + end, sent: sent.count })}\n`)
}

/** Runs a scenario's children together on a prepared database. */
async function measure(url: string, scenario: Scenario, processes: number): Promise<Measured & { sent: number }> {
  const children = Array.from({ length: processes }, (_, part) => {
    const proc = spawn(process.execPath, [...process.execArgv, self, '--child', JSON.stringify({ url, scenario, part, of: processes })], { stdio: ['pipe', 'pipe', 'inherit'] })
    const lines = createInterface({ input: proc.stdout })
    const next = () => new Promise<string>((resolve, reject) => {
      lines.once('line', resolve)
      proc.once('exit', (code) => reject(new Error(`bench child exited ${code}`)))
    })
    return { proc, next }
  })
  await Promise.all(children.map((c) => c.next().then((l) => { if (l !== 'ready') throw new Error(l) })))
  const results = children.map((c) => c.next())
  for (const c of children) c.proc.stdin.write('go\n')
  const parts = (await Promise.all(results)).map((l) => JSON.parse(l) as { latencies: number[]; start: number; end: number; sent: number })
  const latencies = parts.flatMap((p) => p.latencies).sort((a, b) => a - b)
  const wallMs = Math.max(...parts.map((p) => p.end)) - Math.min(...parts.map((p) => p.start))
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return { perSecond: (latencies.length / wallMs) * 1000, p50: at(0.5), p99: at(0.99), wallMs, count: latencies.length, sent: parts.reduce((s, p) => s + p.sent, 0) }
}

/** The district a scenario starts from, written by one process before the children start. */
async function prepare(url: string, scenario: Scenario): Promise<void> {
  const app = await openApp(url, { count: 0 })
  const config = loadConfig({ DATABASE_URL: url })
  await inTx(app.db, (tx) => prepareConsoleGroup(tx, config, NOW))
  const say = (text: string, as = '我') => app.dispatch(message(text, as))
  await say('/学期 2026-09-01 2027-01-22 第一学期')
  if (scenario === 'signup' || scenario === 'strangers') {
    await say('/排期 12月3日 13:30 联合教研 名额50')
    await say('/排期 12月4日 13:30 联合教研 名额50')
  }
  // The district's members have written in the group before (a first message is measured apart: strangers).
  if (scenario !== 'strangers' && scenario !== 'fanout') for (let i = 0; i < MEMBERS; i++) await say('/ping', `老师${i}`)
  if (scenario === 'listing') await seedActivities(app)
  if (scenario === 'fanout') await seedGroups(app)
  // The planner's statistics, as autovacuum keeps them in a district's database (a table filled a moment ago reads as empty).
  if (url.startsWith('postgres')) await app.db.$executeRawUnsafe('ANALYZE')
  await app.close()
}

async function checkSignups(url: string, activityId: number): Promise<void> {
  const app = await openApp(url, { count: 0 })
  const confirmed = await app.db.signup.count({ where: { activityId, status: 'confirmed' } })
  const waiting = await app.db.signup.count({ where: { activityId, status: 'waiting' } })
  await app.close()
  if (confirmed !== 50 || waiting !== 950) throw new Error(`sign-up burst ended ${confirmed}/${waiting} on ${url}`)
}

interface Column { name: string; processes: number; fresh(): Promise<{ url: string; drop(): Promise<void> }> }
type ColumnResult = Record<Scenario, Measured>

async function runColumn(column: Column): Promise<ColumnResult> {
  const out = {} as ColumnResult
  for (const scenario of ['floor', 'signup', 'strangers', 'listing', 'fanout'] as const) {
    const db = await column.fresh()
    try {
      await prepare(db.url, scenario)
      const m = await measure(db.url, scenario, column.processes)
      if (scenario === 'signup') await checkSignups(db.url, 1)
      if (scenario === 'strangers') await checkSignups(db.url, 2)
      if (scenario === 'fanout' && m.sent !== 1000) throw new Error(`${column.name}: the digest went out ${m.sent} times to 1 000 groups`)
      out[scenario] = m
    } finally {
      await db.drop()
    }
    process.stderr.write(`  ${column.name}: ${scenario} done\n`)
  }
  return out
}

/** Runs the columns and prints the table; the JSON line last. */
export async function benchDatabases(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xuequ-bench-db-'))
  const server = process.env.BENCH_POSTGRES_URL ?? testServerUrl()
  const template = await migratedTemplate(server)
  let n = 0
  const sqlite: Column = {
    name: 'SQLite', processes: 1,
    async fresh() {
      const url = `file:${path.join(dir, `bench${++n}.db`)}`
      await applyMigrations(url)
      return { url, drop: async () => {} }
    },
  }
  const postgres = (processes: number): Column => ({ name: `PostgreSQL ×${processes}`, processes, fresh: () => copyOfTemplate(server, template, 'xuequ_bench') })
  const columns = [sqlite, postgres(1), postgres(4)]
  const results: Record<string, ColumnResult> = {}
  try {
    for (const column of columns) results[column.name] = await runColumn(column)
  } finally {
    await dropDatabases(server, 'xuequ_bench')
    rmSync(dir, { recursive: true, force: true })
  }
  printTable(columns.map((c) => c.name), results, server === process.env.BENCH_POSTGRES_URL)
}

function printTable(names: string[], results: Record<string, ColumnResult>, ownServer: boolean): void {
  const ratio = (r: ColumnResult, s: 'signup' | 'strangers' | 'listing') => `${(r[s].p50 / r.floor.p50).toFixed(2)}× (p50 ${r[s].p50.toFixed(1)} ms, ${r[s].perSecond.toFixed(0)}/s)`
  const lines: [string, (r: ColumnResult) => string][] = [
    ['floor: /ping, 1 000 members', (r) => `1× (p50 ${r.floor.p50.toFixed(1)} ms, ${r.floor.perSecond.toFixed(0)}/s)`],
    ['sign-up burst: 1 000 × /报名, 50 places', (r) => ratio(r, 'signup')],
    ['the same, 1 000 first-time accounts', (r) => ratio(r, 'strangers')],
    ['listing: /活动, 1 000 activities', (r) => ratio(r, 'listing')],
    // The fan-out per group against one /ping: what a digest costs beside a command.
    ['digest fan-out, per group of 1 000', (r) => `${(r.fanout.wallMs / 1000 / r.floor.p50).toFixed(2)}× (${r.fanout.wallMs.toFixed(0)} ms in all)`],
  ]
  const cells = lines.map(([label, cell]) => [label, ...names.map((n) => cell(results[n]!))])
  // Chinese characters take two columns of a terminal.
  const shown = (text: string) => [...text].reduce((w, ch) => w + (ch > '\u2e80' ? 2 : 1), 0)
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - shown(text)))
  const widths = names.map((name, i) => Math.max(shown(name), ...cells.map((c) => shown(c[i + 1]!))))
  const labelWidth = Math.max(...lines.map(([l]) => shown(l)))
  process.stdout.write('\nratios to each column\'s own floor (p50 latency); one process drives each share of the messages in turn\n')
  process.stdout.write(`${pad('', labelWidth)}  ${names.map((n, i) => pad(n, widths[i]!)).join('  ')}\n`)
  for (const row of cells) process.stdout.write(`${pad(row[0]!, labelWidth)}  ${row.slice(1).map((c, i) => pad(c, widths[i]!)).join('  ')}\n`)
  if (!ownServer) process.stdout.write('\nPostgreSQL: the throw-away test cluster (fsync off); BENCH_POSTGRES_URL=postgresql://… measures a server of your own.\n')
  process.stdout.write(`${JSON.stringify(results, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}\n`)
}

const at = process.argv.indexOf('--child')
if (at >= 0) {
  await child(JSON.parse(process.argv[at + 1]!) as Part)
  process.exit(0)
}
