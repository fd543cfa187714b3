import { spawn } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/console-process.ts'
import { bindAsAdmin, createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'

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
    const lock = await lockFor(h.config.databaseFile!, 2000)
    const started = Date.now()
    const [reply] = await h.say('/报名 1', { as: '王芳' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500)
    expect(reply).toBe('王芳 报名成功：#1「联合教研」，第 1 位（还剩 29 个名额）。')
    await lock.done
    expect(await h.app.db.signup.count()).toBe(1)
  })
})

describe('database held longer than Lark waits', () => {
  it('tells the sender the message waits its turn, then does it when the database is free', async () => {
    const lock = await lockFor(h.config.databaseFile!, 6000)
    expect(await h.say('/报名 1', { as: '王芳' })).toEqual([
      '系统繁忙，您的消息已收到，正在排队，处理后会回复您。请不要重复发送。',
      '王芳 报名成功：#1「联合教研」，第 1 位（还剩 29 个名额）。',
    ])
    await lock.done
    expect(await h.app.db.signup.count()).toBe(1)
  }, 20_000)

  it('keeps first come, first served: those told to wait take places 1 and 2, ahead of those who came after the lock', async () => {
    const lock = await lockFor(h.config.databaseFile!, 5000)
    const early = [h.say('/报名 1', { as: '甲' }), h.say('/报名 1', { as: '乙' })]
    await lock.done
    const late = [h.say('/报名 1', { as: '丙' }), h.say('/报名 1', { as: '丁' })]
    const replies = await Promise.all([...early, ...late])
    expect(replies[0]![0]).toContain('正在排队')
    expect(replies[1]![0]).toContain('正在排队')
    const rows = await h.app.db.signup.findMany({ orderBy: { seq: 'asc' }, include: { member: true } })
    expect(rows.map((r) => `${r.seq}:${r.member.displayName}`)).toEqual(['1:甲', '2:乙', '3:丙', '4:丁'])
  }, 20_000)

  it('answers 系统繁忙 and records nothing when the database stays held past BUSY_WAIT_S', async () => {
    const short = await createHarness('2026-11-23T09:00:00+08:00', { BUSY_WAIT_S: '3' })
    try {
      await short.say('/学期 2026-09-01 2027-01-22 第一学期')
      await short.say('/排期 12月3日下午 联合教研 名额30')
      const lock = await lockFor(short.config.databaseFile!, 6000)
      expect(await short.say('/报名 1', { as: '王芳' })).toEqual([
        '系统繁忙，您的消息已收到，正在排队，处理后会回复您。请不要重复发送。',
        '系统繁忙，请稍后再试。',
      ])
      await lock.done
      expect(await short.app.db.signup.count()).toBe(0)
      expect((await short.say('/报名 1', { as: '王芳' }))[0]).toContain('王芳 报名成功')
    } finally {
      await short.close()
    }
  }, 20_000)
})

describe('concurrency across two platforms', () => {
  it('500 simultaneous sign-ups for 30 places from the console group and a WeChat room: 30 confirmed, no duplicates, order kept', async () => {
    const wechat: SayOptions = { platform: 'wechat', chat: 'wx-room', title: '育秀语文群' }
    await bindAsAdmin(h, wechat, '张主任', 'wx-zhang')
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
