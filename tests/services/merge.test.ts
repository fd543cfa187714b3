import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'
import { copiesOf } from '../helpers/seed-bulk.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 12月3日 13:30-16:00 名师讲堂 名额2')
})
afterEach(() => h.close())

const wx: SayOptions = { platform: 'wechat', as: '王芳', id: 'wx-wangfang', direct: true, chat: 'wx-dm', title: '王芳' }
const lark: SayOptions = { platform: 'lark', as: '王芳', id: 'ou_wangfang', direct: true, chat: 'oc_dm', title: '王芳' }

describe('merging two members with thousands of sign-ups', () => {
  it('keeps the better sign-up where both hold one (1 200 activities, each freed place filled), and moves 1 800 others', async () => {
    const [BOTH, ALONE] = [1200, 1800]
    const db = h.app.db
    const ids = (await copiesOf(db, 1, BOTH + ALONE)).map((a) => a.id)
    await h.say('/ping', { as: '李明' })
    const [issued] = await h.say('/绑定码', wx)
    await h.say(`/绑定 ${/\d{4}-\d{4}/.exec(issued!)![0]}`, lark)
    const memberOf = async (userId: string) => (await db.account.findFirstOrThrow({ where: { userId } })).memberId
    const [wxMember, larkMember, other] = [await memberOf('wx-wangfang'), await memberOf('ou_wangfang'), await memberOf('李明')]
    // In the first 1 200 both accounts hold a place (taking turns to be first) and 李明 waits behind them;
    // in the other 1 800 only the Lark account has signed up, every other one confirmed.
    const at = new Date('2026-11-23T01:00:00Z')
    await db.signup.createMany({
      data: ids.flatMap((activityId, i) =>
        i < BOTH
          ? [
              { activityId, memberId: i % 2 ? wxMember : larkMember, status: 'confirmed', seq: 1, signedUpAt: at },
              { activityId, memberId: i % 2 ? larkMember : wxMember, status: 'confirmed', seq: 2, signedUpAt: at },
              { activityId, memberId: other, status: 'waiting', seq: 3, signedUpAt: at },
            ]
          : [{ activityId, memberId: larkMember, status: i % 2 ? 'confirmed' : 'waiting', seq: 7, signedUpAt: at }],
      ),
    })
    await h.say('/确认', lark)
    expect(await h.say('/确认', wx)).toEqual(['绑定成功！王芳 在微信、飞书的账号已合并为同一人，报名、提问和角色都已合并。'])
    const rows = await db.signup.findMany({ where: { activityId: { gte: ids[0]! } }, orderBy: [{ activityId: 'asc' }, { seq: 'asc' }] })
    const expected = ids.flatMap((activityId, i) =>
      i < BOTH
        ? [[activityId, wxMember, 'confirmed', 1], [activityId, other, 'confirmed', 3]]
        : [[activityId, wxMember, i % 2 ? 'confirmed' : 'waiting', 7]],
    )
    expect(rows.map((s) => [s.activityId, s.memberId, s.status, s.seq])).toEqual(expected)
    expect(await db.member.findUnique({ where: { id: larkMember } })).toBeNull()
  }, 60_000)

  it('where both hold a sign-up, keeps confirmed over waiting over cancelled, then the earlier, whichever member it was', async () => {
    const db = h.app.db
    const ids = (await copiesOf(db, 1, 6)).map((a) => a.id)
    const [issued] = await h.say('/绑定码', wx)
    await h.say(`/绑定 ${/\d{4}-\d{4}/.exec(issued!)![0]}`, lark)
    const keep = (await db.account.findFirstOrThrow({ where: { userId: 'wx-wangfang' } })).memberId
    const gone = (await db.account.findFirstOrThrow({ where: { userId: 'ou_wangfang' } })).memberId
    const at = new Date('2026-11-23T01:00:00Z')
    // [kept member's status and seq, the other's] per activity.
    const pairs: [string, number, string, number][] = [
      ['waiting', 1, 'confirmed', 2],
      ['confirmed', 2, 'waiting', 1],
      ['cancelled', 1, 'waiting', 2],
      ['waiting', 3, 'waiting', 2],
      ['waiting', 2, 'waiting', 3],
      ['cancelled', 4, 'cancelled', 5],
    ]
    await db.signup.createMany({
      data: pairs.flatMap(([ks, kq, gs, gq], i) => [
        { activityId: ids[i]!, memberId: keep, status: ks, seq: kq, signedUpAt: at },
        { activityId: ids[i]!, memberId: gone, status: gs, seq: gq, signedUpAt: at },
      ]),
    })
    await h.say('/确认', lark)
    await h.say('/确认', wx)
    const rows = await db.signup.findMany({ where: { activityId: { in: ids } }, orderBy: { activityId: 'asc' } })
    expect(rows.map((s) => [s.memberId, s.status, s.seq])).toEqual([
      [keep, 'confirmed', 2],
      [keep, 'confirmed', 2],
      [keep, 'waiting', 2],
      [keep, 'waiting', 2],
      [keep, 'waiting', 2],
      [keep, 'cancelled', 4],
    ])
  })
})
