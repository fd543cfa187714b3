import { existsSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import { closeDb, openDb, type Db } from '../../src/db/client.ts'
import { COPY_ORDER, NOT_COPIED } from '../../src/db/copy.ts'
import { ModelName } from '../../src/generated/prisma/internal/prismaNamespace.ts'
import { registerProcess } from '../../src/services/processes.ts'
import { runScript } from '../helpers/console-process.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'
import { copyOfTemplate } from '../helpers/postgres.ts'

// `npm run db:copy`: a district's SQLite data moved to PostgreSQL (runs in the postgres project, which has a server).
let h: Harness
let target: { url: string; drop(): Promise<void> }
let opened: Db[] = []

beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00', {}, 'sqlite')
  target = await copyOfTemplate(inject('postgresServer'), inject('postgresTemplate'), inject('postgresPrefix'))
})
afterEach(async () => {
  for (const db of opened.splice(0)) await closeDb(db)
  await h.close()
  await target.drop()
})

async function rowsOf(db: Db) {
  const all: Record<string, unknown[]> = {}
  for (const { model, key } of COPY_ORDER) {
    const delegate = (db as unknown as Record<string, { findMany(a: unknown): Promise<unknown[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!
    all[model] = await delegate.findMany({ orderBy: key.map((k) => ({ [k]: 'asc' })) })
  }
  return all
}

describe('npm run db:copy', () => {
  it('knows every table of the schema, parents first', () => {
    expect([...COPY_ORDER.map((t) => t.model), ...NOT_COPIED].sort()).toEqual(Object.values(ModelName).sort())
  })

  it('moves every row, keys included, says what it copied, and new rows on PostgreSQL take the next ids', async () => {
    await h.say('/学期 2026-09-01 2027-01-22 第一学期')
    await h.say('/放假 2026-12-02 运动会')
    await h.say('/排期 每周三 14:00-16:00 联合教研 名额2 地点育秀实验学校')
    await h.say('/排期 12月5日 全天 读书会')
    await h.say('/我是 李明 育秀实验学校 语文 教龄5', { as: '李老师' })
    for (const as of ['李老师', '王老师', '赵老师']) await h.say('/报名 1', { as })
    await h.say('/取消报名 1', { as: '王老师' })
    await h.say('/请假 1 外出培训', { as: '李老师' })
    h.setNow('2026-11-24T12:00:00+08:00')
    await h.tick()
    const before = await rowsOf(h.app.db)
    expect(before.Signup!.length).toBe(3)
    expect(before.Leave!.length).toBe(1)
    expect(before.Outbox!.length).toBeGreaterThan(5)

    const run = await runScript('scripts/db-copy.ts', ['--from', h.config.DATABASE_URL, '--to', target.url], {})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`  Signup：3 行\n`)
    expect(run.stdout).toMatch(new RegExp(`完成：${COPY_ORDER.length} 张表，共 \\d+ 行，编号原样保留，新编号接在最大编号之后。`))

    const copy = await openDb(target.url)
    opened.push(copy)
    expect(await rowsOf(copy)).toEqual(before)
    const maxActivity = Math.max(...(before.Activity as { id: number }[]).map((a) => a.id))
    const made = await copy.activity.create({ data: { districtId: 1, organizerId: 1, title: '新活动', whenText: '12月9日', whenJson: '{}' } })
    expect(made.id).toBe(maxActivity + 1)

    // Into a database that holds data: refused, nothing changed.
    const again = await runScript('scripts/db-copy.ts', ['--from', h.config.DATABASE_URL, '--to', target.url], {})
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('目标数据库里已经有数据（District 1 行')
    expect(await copy.activity.count()).toBe(before.Activity!.length + 1)
  }, 60_000)

  it('refuses a source file that does not exist, and a source a bot is still running on: nothing copied', async () => {
    const typo = h.config.DATABASE_URL.replace(/\.db$/, '-typo.db')
    const missing = await runScript('scripts/db-copy.ts', ['--from', typo, '--to', target.url], {})
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(`找不到源数据库文件 ${typo.replace(/^file:/, '')}，什么也没有复制`)
    expect(existsSync(typo.replace(/^file:/, ''))).toBe(false)

    await h.say('/学期 2026-09-01 2027-01-22 第一学期')
    await registerProcess(h.app.db, 'a-running-bot', new Date())
    const running = await runScript('scripts/db-copy.ts', ['--from', h.config.DATABASE_URL, '--to', `${target.url}?password=s3cret`], {})
    expect(running.code).toBe(1)
    expect(running.stderr).toContain('源数据库上还有 1 个机器人进程在运行')
    expect(running.stdout + running.stderr).not.toContain('s3cret')
    const copy = await openDb(target.url)
    opened.push(copy)
    expect(await copy.district.count()).toBe(0)
  }, 60_000)
})
