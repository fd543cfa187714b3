import { spawn } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/console-process.ts'
import { createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 12月3日下午 联合教研 名额30')
})
afterEach(() => h.close())

/** Another process takes the SQLite write lock for `ms` milliseconds; resolves once it holds it. */
function lockFor(file: string, ms: number): Promise<{ done: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(${JSON.stringify(file)})
    db.exec('BEGIN IMMEDIATE')
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0) }, ${ms})
  `
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  return new Promise((resolve) => child.stdout.once('data', () => resolve({ done })))
}

describe('database trouble', () => {
  it('with the file locked by another process for 2 s, a sign-up waits and succeeds; nothing is lost', async () => {
    const lock = await lockFor(h.config.databaseFile, 2000)
    const started = Date.now()
    const [reply] = await h.say('/报名 1', { as: '王芳' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500)
    expect(reply).toBe('王芳 报名成功：#1「联合教研」，第 1 位（还剩 29 个名额）。')
    await lock.done
    expect(await h.app.db.signup.count()).toBe(1)
  })
})

describe('database held longer than a command waits', () => {
  it('answers 系统繁忙 and records nothing half-way', async () => {
    const lock = await lockFor(h.config.databaseFile, 7000)
    expect(await h.say('/报名 1', { as: '王芳' })).toEqual(['系统繁忙，请稍后再试。'])
    await lock.done
    expect(await h.app.db.signup.count()).toBe(0)
    expect((await h.say('/报名 1', { as: '王芳' }))[0]).toContain('王芳 报名成功')
  }, 20_000)
})

describe('concurrency across two platforms', () => {
  it('500 simultaneous sign-ups for 30 places from the console group and a WeChat room: 30 confirmed, no duplicates, order kept', async () => {
    const [issued] = await h.say('/绑定码')
    const code = /[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(issued!)![0]
    const wechat: SayOptions = { platform: 'wechat', chat: 'wx-room', title: '育秀语文群' }
    await h.say(`/绑定 ${code}`, { ...wechat, as: '张主任', id: 'wx-zhang' })
    const people = Array.from({ length: 500 }, (_, i) => ({ name: `老师${String(i).padStart(3, '0')}`, wx: i % 2 === 1 }))
    await Promise.all(people.map((p) => h.say('/报名 1', p.wx ? { ...wechat, as: p.name, id: `wx-${p.name}` } : { as: p.name })))
    const rows = await h.app.db.signup.findMany({ where: { activityId: 1 }, orderBy: { seq: 'asc' }, include: { member: true } })
    expect(rows).toHaveLength(500)
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(500)
    expect(rows.map((r) => r.member.displayName)).toEqual(people.map((p) => p.name))
    expect(rows.filter((r) => r.status === 'confirmed').map((r) => r.member.displayName)).toEqual(people.slice(0, 30).map((p) => p.name))
    expect(rows.map((r) => r.seq)).toEqual(people.map((_, i) => i + 1))
  }, 60_000)
})
