import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

// Term 2026-09-01 (a Tuesday) to 2027-01-22: week 1 is 8月31日-9月6日, so week N's Monday is 8月31日 + 7(N-1) days.
// 双周一下午 (even weeks' Mondays, 13:30): 9月7日, 9月21日, 10月5日 (国庆节, paused), 10月19日, 11月2日,
// 11月16日 (第12周), 11月30日 (第14周), 12月14日, 12月28日, 2027年1月11日.
let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 双周一下午 常态化联合教研 语文')
  await h.say('/排期 12月3日下午 名师讲堂')
  await h.say('/报名 1', { as: '王芳' })
  await h.say('/报名 1', { as: '李明' })
  await h.say('/报名 2', { as: '赵丽' })
})
afterEach(() => h.close())

const sessions = async (activityId = 1) =>
  (await h.app.db.occurrence.findMany({ where: { activityId }, orderBy: { startAt: 'asc' } })).map((o) => ({
    date: o.date, cancelled: o.cancelled, skip: o.skipReason, movedFrom: o.movedFrom,
  }))
const signedUp = async (activityId = 1) =>
  (await h.app.db.signup.findMany({ where: { activityId, status: 'confirmed' }, orderBy: { seq: 'asc' } })).map((s) => s.memberId)

async function tickAt(iso: string) {
  h.setNow(iso)
  const before = h.sent.length
  await h.tick()
  return h.sent.slice(before).filter((m) => m.text.startsWith('【活动提醒】#1'))
}

describe('/取消 one session of a series', () => {
  it.each(['11月16日', '第12周周一', '11-16'])('cancels only the session written %s and tells only those signed up', async (day) => {
    h.setNow('2026-11-10T09:00:00+08:00')
    const before = await signedUp()
    const { sent } = await h.send(`/取消 1 ${day} 与主题式联合教研冲突`)
    expect(sent.map((m) => m.text)).toEqual(['#1「常态化联合教研」11月16日(周一) 13:30 这次取消，原因：与主题式联合教研冲突。其余各次照常。'])
    expect(sent[0]!.mentions?.map((p) => p.name).sort()).toEqual(['李明', '王芳'])
    const stored = await sessions()
    expect(stored.filter((o) => o.cancelled).map((o) => o.date)).toEqual(['2026-11-16'])
    expect(stored.find((o) => o.date === '2026-11-30')).toMatchObject({ cancelled: false, skip: null })
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('scheduled')
    expect(await signedUp()).toEqual(before)
  })

  it('tells each group where someone signed up, @mentioning them there, and no other group', async () => {
    await h.say('/绑定 示范学区', { chat: 'g2', title: '语文教研群' })
    await h.say('/绑定 示范学区', { chat: 'g3', title: '数学教研群' })
    await h.say('/报名 1', { as: '孙红', chat: 'g2' })
    h.setNow('2026-11-10T09:00:00+08:00')
    const { sent } = await h.send('/取消 1 11月16日 与主题式联合教研冲突')
    expect(sent.map((m) => [m.chat.chatId, m.mentions?.map((p) => p.name).sort()])).toEqual([
      ['console', ['李明', '王芳']],
      ['g2', ['孙红']],
    ])
    expect(sent.every((m) => m.text.startsWith('#1「常态化联合教研」11月16日(周一) 13:30 这次取消'))).toBe(true)
  })

  it('sends no reminder for the cancelled session, and still those of the next', async () => {
    h.setNow('2026-11-10T09:00:00+08:00')
    await h.say('/取消 1 11月16日 与主题式联合教研冲突')
    expect(await tickAt('2026-11-15T16:00:00+08:00')).toEqual([])
    expect(await tickAt('2026-11-16T12:30:00+08:00')).toEqual([])
    const [next] = await tickAt('2026-11-29T16:00:00+08:00')
    expect(next!.text).toContain('明天 11月30日(周一) 13:30')
  })

  it('shows the cancelled session in the week, the digest and the activity', async () => {
    h.setNow('2026-11-10T09:00:00+08:00')
    await h.say('/取消 1 11月16日')
    h.setNow('2026-11-16T07:30:00+08:00')
    await h.tick()
    const digest = h.sent.at(-1)!.text
    expect(digest).toContain('11月16日(周一) 常态化联合教研这次取消')
    expect((await h.say('/本周'))[0]).toContain('#1 11月16日(周一) 13:30 常态化联合教研 · 语文 （本次取消）')
    expect((await h.say('/活动 1'))[0]).toContain('已取消的场次：11月16日(周一)')
  })

  it('refuses a day the series is not held, listing its next sessions, and changes nothing', async () => {
    h.setNow('2026-11-10T09:00:00+08:00')
    expect(await h.say('/取消 1 11月17日 冲突')).toEqual([
      '#1 在11月17日(周二)没有安排。接下来的几次：11月16日(周一) 13:30、11月30日(周一) 13:30、12月14日(周一) 13:30、12月28日(周一) 13:30\n例如：/取消 1 11月16日',
    ])
    expect((await sessions()).some((o) => o.cancelled)).toBe(false)
  })

  it('refuses a session already past or paused by a holiday', async () => {
    h.setNow('2026-11-10T09:00:00+08:00')
    expect((await h.say('/取消 1 11月2日'))[0]).toBe('11月2日(周一)这一次已经过去了，不能再改。')
    expect((await h.say('/取消 1 10月5日'))[0]).toContain('10月5日(周一)因国庆节本来就暂停')
  })

  it('still cancels the whole activity with only a reason, once confirmed', async () => {
    expect((await h.say('/取消 1 专家临时有事'))[0]).toContain('确实要取消整个活动（全部 9 次，通知已报名的 2 人），请在30分钟内发送：/确认 取消 1')
    expect(await h.say('/确认 取消 1')).toEqual([
      '#1「常态化联合教研」（双周周一 13:30，共 9 次，9月7日(周一)—2027年1月11日(周一)）已取消，原因：专家临时有事。',
    ])
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('cancelled')
  })
})

describe('/恢复', () => {
  it('restores a cancelled session with its reminders and the sign-ups as they were', async () => {
    h.setNow('2026-11-10T09:00:00+08:00')
    const before = await signedUp()
    await h.say('/取消 1 11月16日 冲突')
    const { sent } = await h.send('/恢复 1 11月16日')
    expect(sent[0]!.text).toBe('#1「常态化联合教研」11月16日(周一) 13:30 这次恢复进行，报名照旧。')
    expect(sent[0]!.mentions?.length).toBe(2)
    expect((await sessions()).find((o) => o.date === '2026-11-16')).toMatchObject({ cancelled: false, skip: null })
    expect(await signedUp()).toEqual(before)
    const [reminder] = await tickAt('2026-11-15T16:00:00+08:00')
    expect(reminder!.text).toContain('明天 11月16日(周一) 13:30')
  })

  it('restores a cancelled activity with its sign-ups', async () => {
    const before = await signedUp()
    await h.say('/取消 1 专家临时有事')
    await h.say('/确认 取消 1')
    expect((await h.say('/报名 1', { as: '孙红' }))[0]).toContain('取消')
    expect(await h.say('/恢复 1')).toEqual([
      '#1「常态化联合教研」（双周周一 13:30，共 9 次，9月7日(周一)—2027年1月11日(周一)）已恢复，2 人的报名照旧。',
    ])
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('scheduled')
    expect(await signedUp()).toEqual(before)
  })

  it('asks for the whole activity first when the whole activity is cancelled', async () => {
    await h.say('/取消 1 专家临时有事')
    await h.say('/确认 取消 1')
    expect(await h.say('/恢复 1 11月16日')).toEqual(['#1 整个活动已取消。恢复请发送：/恢复 1'])
  })

  it('refuses what is not cancelled, and teachers', async () => {
    // An example names a session that is cancelled, or none.
    expect(await h.say('/恢复 1')).toEqual(['#1 没有取消，不需要恢复。'])
    h.setNow('2026-11-10T09:00:00+08:00')
    await h.say('/取消 1 11月30日')
    expect(await h.say('/恢复 1')).toEqual(['#1 没有取消，不需要恢复。恢复取消的某一次请写日期，例如：/恢复 1 11月30日'])
    expect(await h.say('/恢复 1 11月16日')).toEqual(['#1 11月16日(周一)这一次没有取消，照常进行。'])
    expect((await h.say('/恢复 1', { as: '王芳' }))[0]).toContain('只有学区管理员和组织者可以使用')
  })
})

describe('/改期 one session', () => {
  it('moves one session; its reminders go at the new time; the others stay', async () => {
    h.setNow('2026-11-10T09:00:00+08:00')
    const { sent } = await h.send('/改期 1 11月16日 改到 11月17日下午')
    expect(sent[0]!.text).toBe(['#1「常态化联合教研」调整一次：', '原定：11月16日(周一) 13:30 (第12周)', '改为：11月17日(周二) 13:30 (第12周)', '其余各次不变。'].join('\n'))
    expect(sent[0]!.mentions?.map((p) => p.name).sort()).toEqual(['李明', '王芳'])
    const stored = await sessions()
    expect(stored.map((o) => o.date).filter((d) => d >= '2026-11-10')).toEqual(['2026-11-17', '2026-11-30', '2026-12-14', '2026-12-28', '2027-01-11'])
    expect(stored.find((o) => o.date === '2026-11-17')!.movedFrom).toBe('2026-11-16')
    expect((await h.say('/下周'))[0]).toContain('#1 11月17日(周二) 13:30 常态化联合教研 · 语文 （原11月16日）')
    expect((await h.say('/活动 1'))[0]).toContain('接下来：11月17日(周二) 13:30（原11月16日）、11月30日(周一)')
    expect(await tickAt('2026-11-15T16:00:00+08:00')).toEqual([])
    const [reminder] = await tickAt('2026-11-16T16:00:00+08:00')
    expect(reminder!.text).toContain('明天 11月17日(周二) 13:30')
    expect(reminder!.mentions?.length).toBe(2)
  })

  it('moves a holiday-paused session to another day', async () => {
    h.setNow('2026-09-20T09:00:00+08:00')
    const [reply] = await h.say('/改期 1 10月5日 改到 10月8日下午')
    expect(reply).toContain('原定：10月5日(周一) 13:30 (第6周)\n改为：10月8日(周四) 13:30 (第6周)')
    const moved = (await sessions()).find((o) => o.date === '2026-10-08')
    expect(moved).toMatchObject({ skip: null, cancelled: false, movedFrom: '2026-10-05' })
    expect((await sessions()).some((o) => o.date === '2026-10-05')).toBe(false)
  })

  it.each([
    ['推迟一周', '原定：11月16日(周一) 13:30 (第12周)', '改为：11月23日(周一) 13:30 (第13周)'],
    ['11月30日 推迟一周', '原定：11月30日(周一) 13:30 (第14周)', '改为：12月7日(周一) 13:30 (第15周)'],
    ['顺延到下周三', '原定：11月16日(周一) 13:30 (第12周)', '改为：11月18日(周三) 13:30 (第12周)'],
    ['11月16日 改到 11月19日 15:00-17:00', '原定：11月16日(周一) 13:30 (第12周)', '改为：11月19日(周四) 15:00-17:00 (第12周)'],
    ['第12周周一 11月20日上午', '原定：11月16日(周一) 13:30 (第12周)', '改为：11月20日(周五) 09:00 (第12周)'],
  ])('/改期 1 %s moves one session', async (words, from, to) => {
    h.setNow('2026-11-10T09:00:00+08:00')
    const [reply] = await h.say(`/改期 1 ${words}`)
    expect(reply).toContain(`${from}\n${to}`)
    expect((await sessions()).filter((o) => o.date >= '2026-11-10')).toHaveLength(5)
  })

  it('finds a moved session again by the day it was first planned on', async () => {
    h.setNow('2026-11-10T09:00:00+08:00')
    await h.say('/改期 1 11月16日改到11月17日下午')
    expect((await h.say('/取消 1 11月16日 冲突'))[0]).toContain('11月17日(周二) 13:30 这次取消')
    expect((await sessions()).find((o) => o.date === '2026-11-17')).toMatchObject({ cancelled: true, movedFrom: '2026-11-16' })
    expect((await h.say('/活动 1'))[0]).toContain('已取消的场次：11月17日(周二)')
  })

  it('refuses a session moved onto another of the series, or into the past, and changes nothing', async () => {
    h.setNow('2026-11-10T09:00:00+08:00')
    expect(await h.say('/改期 1 11月16日 改到 11月30日')).toEqual([
      '11月30日(周一)已经有这项活动的一次了，没有改动。可以：\n只取消11月16日这一次：/取消 1 11月16日\n或改到别的日子：/改期 1 11月16日 改到 11月17日下午',
    ])
    expect((await h.say('/改期 1 11月16日 改到 11月9日'))[0]).toContain('已经过去')
    expect((await sessions()).some((o) => o.movedFrom)).toBe(false)
  })

  it('moving the whole series plans again the sessions changed alone, and says so', async () => {
    h.setNow('2026-11-10T09:00:00+08:00')
    await h.say('/取消 1 11月16日')
    const [reply] = await h.say('/改期 1 双周二下午')
    expect(reply).toContain('注意：之前单独取消或改动的场次已按新时间重新安排')
    expect((await sessions()).filter((o) => o.date >= '2026-11-10').every((o) => !o.cancelled)).toBe(true)
  })

  it('still moves a whole one-off activity', async () => {
    const [reply] = await h.say('/改期 2 12月10日下午')
    expect(reply).toContain('#2「名师讲堂」已改期')
    expect(reply).toContain('时间：12月10日(周四) 13:30 (第15周)')
  })
})

describe('a one-off activity', () => {
  it('/取消 2 12月3日 原因 cancels it whole, with the reason after the date', async () => {
    expect(await h.say('/取消 2 12月3日 专家临时有事')).toEqual(['#2「名师讲堂」（12月3日(周四) 13:30 (第14周)）已取消，原因：专家临时有事。'])
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 2 } })).status).toBe('cancelled')
  })

  it('/改期 2 12月3日 改到 12月4日下午 and /改期 2 改到 12月8日 move its only session, keeping its time when none is written', async () => {
    const [first] = await h.say('/改期 2 12月3日 改到 12月4日下午')
    expect(first).toBe(['#2「名师讲堂」调整一次：', '原定：12月3日(周四) 13:30 (第14周)', '改为：12月4日(周五) 13:30 (第14周)'].join('\n'))
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 2 } })).whenText).toBe('12月4日下午')
    const [second] = await h.say('/改期 2 改到 12月8日')
    expect(second).toContain('改为：12月8日(周二) 13:30 (第15周)')
    expect((await sessions(2)).map((o) => o.date)).toEqual(['2026-12-08'])
  })

  it('/改期 2 推迟一周 keeps its sign-ups and its clock time', async () => {
    const [reply] = await h.say('/改期 2 推迟一周')
    expect(reply).toContain('时间：12月10日(周四) 13:30 (第15周)')
    expect(await signedUp(2)).toHaveLength(1)
  })
})

describe('the archive', () => {
  it('exports a session cancelled alone as cancelled, with its reason', async () => {
    await h.say('/取消 1 11月16日 与主题式联合教研冲突')
    const rows = await h.app.db.occurrence.findMany({ where: { activityId: 1, cancelled: true } })
    expect(rows.map((o) => [o.date, o.skipReason])).toEqual([['2026-11-16', '与主题式联合教研冲突']])
    const { buildWorkbook } = await import('../../src/services/export.ts')
    const { OPERATOR } = await import('../../src/services/question-access.ts')
    const { inTx } = await import('../../src/db/client.ts')
    const wb = await inTx(h.app.db, (tx) => buildWorkbook(tx, { districtId: 1, from: '2026-09-01', to: '2027-01-22', reader: OPERATOR }))
    const values: unknown[] = []
    wb.worksheets[0]!.eachRow((row) => values.push(...(row.values as unknown[])))
    expect(values).toContain('已取消（与主题式联合教研冲突）')
  })
})
