import type { Harness } from './harness.ts'

/**
 * A term for 学时, on the harness clock: #1 联合教研 on 11月25日 14:00–16:30
 * (150 minutes: 2.5 学时, a fifth is 30 minutes) with a presenter earning 2×;
 * #2 区级教研 on 12月2日 (区级, /设置 2 学时 3); #3 读书交流 on 12月3日, a
 * day-only session whose hours are not set. Attendance rows and an approved
 * 请假 are written as check-in and 请假 write them.
 */
export const TERM_START = '2026-11-20T09:00:00+08:00'
export const AFTER_TERM_SESSIONS = '2026-12-04T09:00:00+08:00'

/** Who did what at #1, and what each earns there. */
export const AT_FIRST = {
  王芳: { in: '13:55', out: '16:35', earned: 2.5, note: '', word: '出席' }, // on time
  李明: { in: '14:40', out: '16:30', earned: 0, note: '迟到 40 分钟', word: '迟到 40 分钟' }, // late by more than a fifth
  赵丽: { in: '14:20', out: '16:30', earned: 2.5, note: '', word: '出席（迟到 20 分钟）' }, // late by less than a fifth
  陈刚: { in: '13:58', out: '15:50', earned: 0, note: '早退 40 分钟', word: '早退 40 分钟' }, // leaves early
  周强: { in: null, out: null, earned: 0, note: '缺席', word: '缺席' }, // signed up, never came
  孙丽: { in: null, out: null, earned: 0, note: '请假', word: '请假' }, // approved 请假
  王佩红: { in: '13:40', out: null, earned: 5, note: '', word: '出席' }, // 主讲, 2×
  吴敏: { in: null, out: null, earned: 2.5, note: '', word: '到场（补登）' }, // marked 到场 by the organizer
} as const

const local = (date: string, hm: string) => new Date(`${date}T${hm}:00+08:00`)

export async function seedHoursTerm(h: Harness): Promise<void> {
  h.setNow(TERM_START)
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 11月25日 14:00-16:30 联合教研 语文 @育秀实验学校')
  await h.say('/排期 12月2日 14:00-15:40 区级教研')
  await h.say('/排期 12月3日 读书交流')
  await h.say('/我是 王芳 育秀实验学校 语文', { as: '王芳' })
  for (const who of Object.keys(AT_FIRST)) await h.say('/报名 1', { as: who })
  await h.say('/报名 2', { as: '王芳' })
  await h.say('/报名 3', { as: '王芳' })
  // The presenter holds a role: a 主讲 multiple by name is never had by a name alone.
  await h.say('/授权 @王佩红 导师', { mentions: [{ id: '王佩红', name: '王佩红' }] })
  const db = h.app.db
  await db.district.updateMany({ data: { presenterFactor: 2 } })
  await db.activity.update({ where: { id: 1 }, data: { presenter: '王佩红' } })
  await db.activity.update({ where: { id: 2 }, data: { level: 'county', hours: 3 } })
  const member = async (name: string) => (await db.member.findFirstOrThrow({ where: { displayName: name } })).id
  const session = async (activityId: number) => (await db.occurrence.findFirstOrThrow({ where: { activityId } })).id
  const first = await session(1)
  for (const [name, a] of Object.entries(AT_FIRST)) {
    const memberId = await member(name)
    if (name === '孙丽') {
      await db.leave.create({ data: { activityId: 1, occurrenceId: first, memberId, reason: '外出培训', status: 'approved', askedAt: local('2026-11-24', '10:00') } })
      continue
    }
    if (name === '周强') continue
    await db.attendance.create({
      data: {
        occurrenceId: first, activityId: 1, memberId, status: 'present', updatedAt: local('2026-11-25', '17:00'),
        checkInAt: a.in ? local('2026-11-25', a.in) : null, checkOutAt: a.out ? local('2026-11-25', a.out) : null, via: name === '吴敏' ? 'marked' : 'self',
      },
    })
  }
  const wang = await member('王芳')
  for (const [activityId, date] of [[2, '2026-12-02'], [3, '2026-12-03']] as const) {
    await db.attendance.create({ data: { occurrenceId: await session(activityId), activityId, memberId: wang, status: 'present', checkInAt: local(date, '13:59'), updatedAt: local(date, '17:00'), via: 'self' } })
  }
}
