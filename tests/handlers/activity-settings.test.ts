import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

const activity = (id = 1) => h.app.db.activity.findUniqueOrThrow({ where: { id } })
const signedUp = async (id = 1) =>
  (await h.app.db.signup.findMany({ where: { activityId: id, status: { in: ['confirmed', 'waiting'] } }, orderBy: { seq: 'asc' } })).map((s) => [s.memberId, s.status])

describe('/设置 an activity\'s own fields', () => {
  beforeEach(async () => {
    await h.say('/排期 第4周周一下午 主题式联合教研 中小学语文 @育秀实验学校 名额2')
    for (const who of ['王芳', '李明', '赵丽']) await h.say('/报名 1', { as: who })
  })

  it('renames, moves the place, and changes the subject and host; sign-ups survive every edit', async () => {
    const before = await signedUp()
    expect(before.map(([, s]) => s)).toEqual(['confirmed', 'confirmed', 'waiting'])
    const [renamed] = await h.say('/设置 1 名称 “育秀杯”青年教师教学评优')
    expect(renamed).toContain('已更新 #1「“育秀杯”青年教师教学评优」\n原名称：主题式联合教研')
    const [moved] = await h.say('/设置 1 地点 育秀实验学校报告厅')
    expect(moved).toContain('地点：育秀实验学校报告厅')
    await h.say('/设置 1 学科：中小学数学 主持 王佩红')
    expect(await activity()).toMatchObject({
      title: '“育秀杯”青年教师教学评优', place: '育秀实验学校报告厅', subject: '中小学数学', host: '王佩红', capacity: 2,
    })
    expect(await signedUp()).toEqual(before)
  })

  it('reads a place and a rule in one line, and clears a host with 无', async () => {
    await h.say('/设置 1 主持 王佩红')
    // A capacity that is no number of places: quoted as written, nothing changed.
    expect(await h.say('/设置 1 名额 0')).toEqual([expect.stringContaining('「名额 0」不是有效的名额，请写成 名额40 这样。')])
    await h.say('/设置 1 地点 育秀实验学校 会议室 名额3 主持 无')
    expect(await activity()).toMatchObject({ place: '育秀实验学校 会议室', capacity: 3, host: null })
  })

  it('takes several settings in one line, values with spaces quoted, and says the final state once', async () => {
    const { sent } = await h.send('/设置 1 地点 "育秀实验学校 报告厅" 主讲 王佩红 名额 30 学时 2 级别 区级')
    // One announcement of the change; the second message is 赵丽's promotion from the waiting list.
    expect(sent.filter((m) => m.text.includes('已更新'))).toHaveLength(1)
    for (const line of ['地点：育秀实验学校 报告厅', '主讲：王佩红', '名额：30', '学时：每次 2（区级）', '已报名 3/30']) expect(sent[0]!.text).toContain(line)
    expect(sent[1]!.mentions).toEqual([{ id: '赵丽', name: '赵丽' }])
    expect(await activity()).toMatchObject({ place: '育秀实验学校 报告厅', presenter: '王佩红', capacity: 30, hours: 2, level: 'county' })
    await h.say('/设置 1 地点 无 主讲 无 不限名额 学时 默认 级别 学区级')
    expect(await activity()).toMatchObject({ place: null, presenter: null, capacity: null, hours: null, level: 'district' })
    expect(await signedUp()).toEqual([[expect.any(Number), 'confirmed'], [expect.any(Number), 'confirmed'], [expect.any(Number), 'confirmed']])
  })

  it('refuses an empty or too long field and changes nothing', async () => {
    expect(await h.say('/设置 1 名称')).toEqual(['请写上新的名称，例如：/设置 1 名称 主题式联合教研'])
    expect((await h.say(`/设置 1 地点 ${'育'.repeat(61)}`))[0]).toContain('地点')
    expect(await activity()).toMatchObject({ title: '主题式联合教研', place: '育秀实验学校' })
  })

  it('says what it can set when a word is not one of them', async () => {
    const [reply] = await h.say('/设置 1 颜色 红')
    expect(reply).toContain('没看懂「颜色」。例如：\n/设置 1 地点 育秀实验学校报告厅')
    // Every line fits a phone.
    expect(reply!.split('\n').every((l) => [...l].length <= 24)).toBe(true)
    expect((await h.say('/帮助 设置'))[0]).toContain('名称')
    expect(await h.say('/报名 1、2', { as: '王芳' })).toEqual(['一次写一个编号，请分开发送：/报名 1、/报名 2'])
  })
})

describe('notice-only activities', () => {
  it('a 领导例会 needs no sign-up: no sign-up line or button, and /报名 says so', async () => {
    const { sent } = await h.send('/排期 9月7日下午 领导例会 @育秀实验学校')
    expect(sent[0]!.text).toBe(['已安排 #1「领导例会」', '时间：9月7日(周一) 13:30 (第2周)', '地点：育秀实验学校', '无需报名（仅通知）。要开放报名请发送 /设置 1 报名'].join('\n'))
    expect(sent[0]!.buttons).toBeUndefined()
    expect(await h.say('/报名 1', { as: '王芳' })).toEqual(['#1「领导例会」是通知，无需报名，按时参加即可。'])
    expect((await h.say('/活动 1'))[0]).toContain('无需报名（仅通知）')
  })

  it('不报名 at /排期 or /设置 makes any activity a notice, and /设置 报名 undoes it', async () => {
    expect((await h.say('/排期 9月8日下午 期中质量分析会 不报名'))[0]).toContain('无需报名（仅通知）')
    expect((await activity()).noSignup).toBe(true)
    await h.say('/排期 9月9日下午 教研活动')
    expect((await h.say('/设置 2 不报名'))[0]).toContain('无需报名（仅通知）')
    expect((await h.say('/报名 2', { as: '王芳' }))[0]).toContain('无需报名')
    expect(await h.say('/设置 2 报名')).toEqual(['已更新 #2「教研活动」\n已开放报名：发送 /报名 2'])
    expect((await h.say('/报名 2', { as: '王芳' }))[0]).toContain('王芳 报名成功')
  })

  it('/设置 3 报名 on a 例会 says sign-up is open and how, beside what else changed', async () => {
    await h.say('/排期 9月7日下午 领导例会 @育秀实验学校')
    expect(await h.say('/设置 1 报名 地点 肇文学校')).toEqual(['已更新 #1「领导例会」\n地点：肇文学校\n已开放报名：发送 /报名 1'])
    // Open already: nothing to announce, the count as before.
    expect(await h.say('/设置 1 报名')).toEqual(['已更新 #1「领导例会」\n地点：肇文学校\n已报名 0 人'])
  })

  it('a 教学视导 reminder and the digest carry no sign-up line', async () => {
    await h.say('/排期 9月8日下午 教学视导 @肇文学校')
    await h.say('/排期 9月9日下午 联合教研 名额5')
    h.setNow('2026-09-07T07:30:00+08:00')
    await h.tick()
    const digest = h.sent.at(-1)!.text
    expect(digest).toContain('#1 9月8日(周二) 13:30 教学视导 · 肇文学校\n')
    expect(digest).toContain('#2 9月9日(周三) 13:30 联合教研 · 还剩5个名额')
    h.setNow('2026-09-07T16:00:00+08:00')
    const before = h.sent.length
    await h.tick()
    const [reminder] = h.sent.slice(before).filter((m) => m.text.startsWith('【活动提醒】#1'))
    expect(reminder!.text).toBe('【活动提醒】#1「教学视导」明天 9月8日(周二) 13:30，地点：肇文学校。')
  })
})

describe('those signed up hear of a change that matters to them', () => {
  it('a new place is said to them with an @mention; a new deadline is not', async () => {
    await h.say('/排期 12月3日下午 主题式联合教研活动 @育秀实验学校')
    await h.say('/报名 1', { as: '王老师' })
    await h.say('/报名 1', { as: '李老师' })
    const { sent } = await h.send('/设置 1 地点：西渡学校报告厅')
    expect(sent[0]!.text).toContain('地点：西渡学校报告厅')
    expect((sent[0]!.mentions ?? []).map((p) => p.name)).toEqual(['王老师', '李老师'])
    const quiet = await h.send('/设置 1 截止 12月1日')
    expect(quiet.sent[0]!.mentions ?? []).toEqual([])
  })
})

describe('/设置 in the words a clerk uses', () => {
  it('改名, 地点改为 and 不需要报名', async () => {
    await h.say('/排期 12月3日下午 集团例会 @育秀实验学校')
    await h.say('/设置 1 改名 集团领导工作例会')
    await h.say('/设置 1 地点改为 肇文学校')
    await h.say('/设置 1 报名')
    await h.say('/设置 1 不需要报名')
    expect(await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ title: '集团领导工作例会', place: '肇文学校', noSignup: true })
  })
})
