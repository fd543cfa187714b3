import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { ledger, type LedgerScope } from '../../src/services/hours.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'
import { AFTER_TERM_SESSIONS, AT_FIRST, seedHoursTerm, TERM_START } from '../helpers/hours-term.ts'

let h: Harness
beforeAll(async () => {
  h = await createHarness(TERM_START)
  await seedHoursTerm(h)
})
afterAll(() => h.close())

const read = (scope: Partial<LedgerScope> = {}, now = AFTER_TERM_SESSIONS) => inTx(h.app.db, (tx) => ledger(tx, { districtId: 1, now: new Date(now), ...scope }))
const summary = (entries: Awaited<ReturnType<typeof read>>) =>
  Object.fromEntries(entries.map((e) => [`${e.activityId}:${e.name}`, e.outcome.kind === 'none' ? e.outcome.why.key : e.earned]))
const memberId = async (name: string) => (await h.app.db.member.findFirstOrThrow({ where: { displayName: name } })).id

describe('the 学时 ledger', () => {
  it('gives each teacher of the term their hours or why none', async () => {
    expect(summary(await read({ activityId: 1 }))).toEqual({
      '1:王芳': 2.5, '1:李明': 'late', '1:赵丽': 2.5, '1:陈刚': 'early', '1:周强': 'absent', '1:孙丽': 'leave', '1:王佩红': 5, '1:吴敏': 2.5,
    })
    expect(Object.values(AT_FIRST).map((a) => a.earned)).toEqual((await read({ activityId: 1 })).sort((x, y) => x.memberId - y.memberId).map((e) => e.earned))
  })

  it('one teacher\'s, across activities and levels, with a day-only session not yet set', async () => {
    const own = await read({ memberId: await memberId('王芳') })
    expect(own.map((e) => [e.activityId, e.date, e.level, e.earned])).toEqual([
      [1, '2026-11-25', 'district', 2.5],
      [2, '2026-12-02', 'county', 3],
      [3, '2026-12-03', 'district', null],
    ])
  })

  it('nobody is absent before a session ends; nothing is counted before it starts', async () => {
    expect(await read({ activityId: 1 }, '2026-11-25T13:59:00+08:00')).toEqual([])
    const during = summary(await read({ activityId: 1 }, '2026-11-25T15:00:00+08:00'))
    expect(during['1:周强']).toBeUndefined()
    expect(during['1:孙丽']).toBe('leave')
    expect(during['1:王芳']).toBe(2.5)
  })

  it('an organizer\'s scope holds only their activities', async () => {
    expect(await read({ organizerId: await memberId('王芳') })).toEqual([])
    expect((await read({ organizerId: await memberId('我') })).length).toBe(10)
  })

  it('one who signs up for a series after a session was not expected at it', async () => {
    h.setNow('2026-11-26T09:00:00+08:00')
    await h.say('/报名 1', { as: '新来的' })
    expect(summary(await read({ activityId: 1 }))['1:新来的']).toBeUndefined()
  })

  it('an absent mark and a pending 请假 are 缺席; one who came despite 请假 attended; a host earns the host multiple', async () => {
    const db = h.app.db
    await db.district.updateMany({ data: { hostFactor: 1.5 } })
    const occurrenceId = (await db.occurrence.findFirstOrThrow({ where: { activityId: 1 } })).id
    const at = new Date('2026-11-25T17:00:00+08:00')
    await db.attendance.create({ data: { occurrenceId, activityId: 1, memberId: await memberId('新来的'), status: 'absent', updatedAt: at, via: 'marked' } })
    await db.leave.create({ data: { activityId: 1, occurrenceId, memberId: await memberId('周强'), reason: '生病', status: 'pending', askedAt: at } })
    await db.leave.create({ data: { activityId: 1, occurrenceId, memberId: await memberId('王芳'), reason: '开会', status: 'approved', askedAt: at } })
    await db.attendance.updateMany({ where: { memberId: await memberId('吴敏') }, data: { role: 'host' } })
    const now = summary(await read({ activityId: 1 }))
    expect([now['1:新来的'], now['1:周强'], now['1:王芳'], now['1:吴敏']]).toEqual(['absent', 'absent', 2.5, 3.75])
    // 周强's 请假 was never decided: absent, and the record says so.
    const zhou = (await read({ activityId: 1 })).find((e) => e.name === '周强')!
    expect(zhou.outcome).toEqual({ kind: 'none', why: { key: 'absent', undecided: true } })
  })

  it('nobody earns two sessions at once: the one come to first keeps its hours, the other says which it clashed with', async () => {
    const db = h.app.db
    await h.say('/排期 11月25日 15:00-16:00 读书分享 @西渡学校')
    await h.say('/确认 补登记')
    const other = await db.activity.findFirstOrThrow({ where: { title: '读书分享' } })
    const occurrenceId = (await db.occurrence.findFirstOrThrow({ where: { activityId: other.id } })).id
    const at = (hm: string) => new Date(`2026-11-25T${hm}:00+08:00`)
    // 王芳 was at #1 from 13:55 to 16:35; she also checked in to the other from 15:05. 赵丽 went over after #1's 15:00 check-out.
    await db.attendance.create({ data: { occurrenceId, activityId: other.id, memberId: await memberId('王芳'), status: 'present', checkInAt: at('15:05'), updatedAt: at('15:05') } })
    await db.attendance.updateMany({ where: { memberId: await memberId('赵丽'), activityId: 1 }, data: { checkOutAt: at('16:25') } })
    await db.attendance.create({ data: { occurrenceId, activityId: other.id, memberId: await memberId('吴敏'), status: 'present', checkInAt: at('14:58'), updatedAt: at('14:58') } })
    const now = summary(await read({}))
    expect(now[`${other.id}:王芳`]).toBe('overlap')
    expect(now['1:王芳']).toBe(2.5)
    const [clash] = (await read({ memberId: await memberId('王芳') })).filter((e) => e.activityId === other.id)
    expect(clash!.outcome).toEqual({ kind: 'none', why: { key: 'overlap', activityId: 1 } })
    // 吴敏 was marked 到场 at #1 (no times: its whole length), so the later session is the one voided.
    expect(now[`${other.id}:吴敏`]).toBe('overlap')
  })

  it('a cancelled session counts for nobody', async () => {
    await h.say('/取消 2 专家临时有事')
    // #4 is the session she was at together with #1 (above): listed, with no hours.
    expect((await read({ memberId: await memberId('王芳') })).map((e) => e.activityId)).toEqual([1, 4, 3])
  })
})
