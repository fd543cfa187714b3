import { afterEach, beforeEach, expect, it } from 'vitest'
import { createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 12月3日 13:30-16:00 名师讲堂')
  await h.say('/排期 12月10日 13:30-16:00 读书分享')
})
afterEach(() => h.close())

const wx: SayOptions = { platform: 'wechat', as: '王芳', id: 'wx-wangfang', direct: true, chat: 'wx-dm', title: '王芳' }
const lark: SayOptions = { platform: 'lark', as: '王芳', id: 'ou_wangfang', direct: true, chat: 'oc_dm', title: '王芳' }

it('joins the attendance, 请假 and 听课 of two accounts of one person: one row per session, the earlier check-in and the later check-out', async () => {
  const db = h.app.db
  await h.say('/ping', wx)
  await h.say('/ping', lark)
  const memberOf = async (userId: string) => (await db.account.findFirstOrThrow({ where: { userId } })).memberId
  const [wxMember, larkMember] = [await memberOf('wx-wangfang'), await memberOf('ou_wangfang')]
  const [first, second] = await db.occurrence.findMany({ orderBy: { startAt: 'asc' } })
  const at = (hm: string, day = '03') => new Date(`2026-12-${day}T${hm}:00+08:00`)
  await db.attendance.createMany({
    data: [
      { occurrenceId: first!.id, activityId: first!.activityId, memberId: wxMember, status: 'present', checkInAt: at('13:40'), checkOutAt: null, updatedAt: at('13:40') },
      { occurrenceId: first!.id, activityId: first!.activityId, memberId: larkMember, status: 'present', checkInAt: at('13:25'), checkOutAt: at('16:01'), updatedAt: at('16:01') },
      { occurrenceId: second!.id, activityId: second!.activityId, memberId: larkMember, status: 'absent', updatedAt: at('17:00', '10') },
    ],
  })
  await db.attendanceChange.create({ data: { occurrenceId: first!.id, memberId: larkMember, byId: larkMember, action: 'checkIn', at: at('13:25') } })
  await db.leave.create({ data: { activityId: second!.activityId, occurrenceId: second!.id, memberId: larkMember, reason: '外出培训', status: 'approved', askedAt: at('09:00') } })
  await db.observation.create({ data: { districtId: 1, mentorId: larkMember, menteeId: wxMember, observer: 'mentor', date: '2026-11-20', lesson: '语文《背影》', byId: larkMember, at: at('09:00') } })

  const [issued] = await h.say('/绑定码', wx)
  await h.say(`/绑定 ${/\d{4}-\d{4}/.exec(issued!)![0]}`, lark)
  await h.say('/确认', lark)
  await h.say('/确认', wx)

  expect(await db.member.findUnique({ where: { id: larkMember } })).toBeNull()
  const rows = await db.attendance.findMany({ orderBy: { occurrenceId: 'asc' } })
  expect(rows.map((r) => [r.occurrenceId, r.memberId, r.status, r.checkInAt?.toISOString() ?? null, r.checkOutAt?.toISOString() ?? null])).toEqual([
    [first!.id, wxMember, 'present', at('13:25').toISOString(), at('16:01').toISOString()],
    [second!.id, wxMember, 'absent', null, null],
  ])
  expect(await db.attendanceChange.findMany()).toEqual([expect.objectContaining({ memberId: wxMember, byId: wxMember })])
  expect(await db.leave.findMany()).toEqual([expect.objectContaining({ memberId: wxMember, reason: '外出培训' })])
  expect(await db.observation.findMany()).toEqual([expect.objectContaining({ mentorId: wxMember, menteeId: wxMember, byId: wxMember })])
})
