import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { findActivity } from '../../src/services/activities.ts'
import { calendarEnv } from '../../src/services/calendar-env.ts'
import { identify } from '../../src/services/identity.ts'
import { findMember } from '../../src/services/members.ts'
import { listSemesters } from '../../src/services/semesters.ts'
import { createHarness, buildMessage, type Harness } from '../helpers/harness.ts'

// The hot paths read in one SQL statement each; what they return must be what Prisma's own reads return.
let h: Harness

beforeEach(async () => {
  h = await createHarness('2026-11-20T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/学期 2027-02-20 2027-07-05 第二学期')
  await h.say('/放假 2026-12-02 运动会')
})
afterEach(() => h.close())

describe('one-read lookups agree with Prisma', () => {
  it('findActivity: every column, the occurrences in order (an untimed one, a skipped one, an end time), the organizer', async () => {
    await h.say('/排期 每周三 14:00-16:00 联合教研 名额40 截止 11月30日 17:00 教龄1-8 限语文 地点育秀实验学校')
    await h.say('/排期 12月中旬 听课周')
    await h.say('/排期 12月5日 全天 读书会')
    for (const id of [1, 2, 3]) {
      const mine = await inTx(h.app.db, (tx) => findActivity(tx, 1, id))
      const prisma = await h.app.db.activity.findFirst({
        where: { id, districtId: 1 },
        include: { occurrences: { orderBy: [{ startAt: 'asc' }, { id: 'asc' }] }, organizer: { select: { displayName: true } } },
      })
      expect(prisma).not.toBeNull()
      expect(mine).toEqual(prisma)
    }
    const weekly = (await inTx(h.app.db, (tx) => findActivity(tx, 1, 1)))!
    expect(weekly.occurrences.some((o) => o.skipReason)).toBe(true)
    expect(weekly.deadline).toBeInstanceOf(Date)
    expect(await inTx(h.app.db, (tx) => findActivity(tx, 2, 1))).toBeNull()
  })

  it('findMember: the profile as Prisma reads it', async () => {
    await h.say('/我是 李明 育秀实验学校 语文 教龄5', { as: '李老师' })
    const id = (await h.app.db.account.findFirstOrThrow({ where: { userId: '李老师' } })).memberId
    const member = await inTx(h.app.db, (tx) => findMember(tx, id))
    expect(member).toEqual(await h.app.db.member.findUniqueOrThrow({ where: { id } }))
    expect(member).toMatchObject({ realName: '李明', subject: '语文', teachingYears: 5 })
  })

  it('calendarEnv: the terms in order and the closed days ahead', async () => {
    const district = await h.app.db.district.findFirstOrThrow()
    const env = await inTx(h.app.db, (tx) => calendarEnv(tx, district, new Date('2026-11-20T09:00:00+08:00')))
    expect(env.semesters).toEqual(await inTx(h.app.db, (tx) => listSemesters(tx, district.id)))
    expect(env.closedOn('2026-12-02')).toBe('运动会')
    expect(env.closedOn('2026-12-03')).toBeNull()
  })

  it('identify: a known sender read in one statement is who the long way finds', async () => {
    await h.say('/ping', { as: '李老师' })
    await h.say('/授权 @李老师 组织者', { mentions: [{ id: '李老师', name: '李老师' }] })
    const message = buildMessage('/ping', 99, new Date('2026-11-20T09:00:00+08:00'), { as: '李老师' })
    const fast = await inTx(h.app.db, (tx) => identify(tx, message, new Date('2026-11-20T09:00:01+08:00')))
    // Two hours on, the stamps are stale: the long way refreshes them, and must find the same.
    const slow = await inTx(h.app.db, (tx) => identify(tx, message, new Date('2026-11-20T11:00:00+08:00')))
    expect(fast).toEqual(slow)
    expect([...fast.roles]).toEqual(['organizer'])
    expect(fast.district).toEqual(await h.app.db.district.findFirstOrThrow())
  })

  it('a sign-up written in one statement reads back through Prisma with the same instant', async () => {
    await h.say('/排期 12月3日 13:30 联合教研 名额1')
    await h.say('/报名 1', { as: '王老师' })
    await h.say('/报名 1', { as: '赵老师' })
    const rows = await h.app.db.signup.findMany({ orderBy: { seq: 'asc' } })
    expect(rows.map((r) => [r.seq, r.status, r.signedUpAt.toISOString()])).toEqual([
      [1, 'confirmed', '2026-11-20T01:00:00.000Z'],
      [2, 'waiting', '2026-11-20T01:00:00.000Z'],
    ])
    // Written as Prisma writes it, so date comparisons in SQL keep working.
    expect(await h.app.db.signup.count({ where: { signedUpAt: { lte: new Date('2026-11-20T01:00:00Z') } } })).toBe(2)
  })
})
