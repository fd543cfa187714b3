/**
 * The activity page's forms run the chat's own commands for the signed-in
 * member: cancelling, restoring and moving one session, 代报名, attendance
 * corrections, 准假 / 不准假, /设置 and cancelling the whole activity. What the
 * groups are told is what the same command typed in chat tells them; what
 * the command said comes back at the top of the page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { texts } from '../../src/core/texts/index.ts'
import { createHarness } from '../helpers/harness.ts'
import type { WebHarness, WebSession } from '../helpers/web.ts'
import { ADMIN, activityFixture, flashOf, snapshot, textOf } from './activity-fixture.ts'

const B = texts.webActivity.bad
let web: WebHarness
let sessions: Map<string, number>
let admin: WebSession
beforeEach(async () => {
  ;({ web, sessions } = await activityFixture())
  web.setNow('2026-11-10T09:00:00+08:00')
  admin = await web.login(ADMIN)
})
afterEach(async () => web.close())

const page = (id: number) => `/console/activities/${id}`
const session = (date: string) => sessions.get(date)!
const occurrences = async (activityId = 1) =>
  (await web.app.db.occurrence.findMany({ where: { activityId }, orderBy: { startAt: 'asc' } })).map((o) => ({ date: o.date, cancelled: o.cancelled, movedFrom: o.movedFrom }))
/** What was posted to the console group (the activity's group, where the teachers signed up) since `from`. */
const toldConsole = (from: number) => web.sent.slice(from).filter((m) => m.chat.chatId === 'console').map((m) => ({ text: m.text, mentions: m.mentions }))

describe('one session of a weekly series', () => {
  it('is cancelled alone, announced to the group exactly as /取消 typed in chat announces it', async () => {
    const before = web.sent.length
    const res = await admin.post(`${page(1)}/sessions/${session('2026-11-16')}/cancel`, { reason: '与主题式联合教研冲突' }, page(1))
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(page(1))
    const sentence = '#1「常态化联合教研」11月16日(周一) 13:30 这次取消，原因：与主题式联合教研冲突。其余各次照常。'
    expect(toldConsole(before)).toEqual([{ text: sentence, mentions: [{ id: '王芳', name: '王芳' }, { id: '李明', name: '李明' }] }])
    // The same command typed in the console group of a district set up the same way.
    const chat = await createHarness('2026-09-01T09:00:00+08:00')
    for (const line of ['/学期 2026-09-01 2027-01-22 第一学期', '/排期 双周一下午 常态化联合教研 语文']) await chat.say(line)
    for (const as of ['王芳', '李明']) await chat.say('/报名 1', { as })
    chat.setNow('2026-11-10T09:00:00+08:00')
    const typed = await chat.send('/取消 1 11月16日 与主题式联合教研冲突')
    await chat.close()
    expect(typed.sent.map((m) => ({ text: m.text, mentions: m.mentions }))).toEqual(toldConsole(before))
    const stored = await occurrences()
    expect(stored.filter((o) => o.cancelled).map((o) => o.date)).toEqual(['2026-11-16'])
    expect(stored.filter((o) => o.date > '2026-11-16').every((o) => !o.cancelled)).toBe(true)
    expect((await web.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('scheduled')
    expect(await web.app.db.signup.count({ where: { activityId: 1, status: 'confirmed' } })).toBe(2)
    expect(await flashOf(admin, 1)).toBe(`已完成 ${sentence}`)
    expect(textOf((await admin.get(page(1))).body)).toContain('11月16日(周一) 13:30 (第12周) 已取消（与主题式联合教研冲突）')
  })

  it('is restored, and that is announced too', async () => {
    await admin.post(`${page(1)}/sessions/${session('2026-11-16')}/cancel`, {}, page(1))
    const before = web.sent.length
    await admin.post(`${page(1)}/sessions/${session('2026-11-16')}/restore`, {}, page(1))
    expect(toldConsole(before)).toEqual([{ text: '#1「常态化联合教研」11月16日(周一) 13:30 这次恢复进行，报名照旧。', mentions: [{ id: '王芳', name: '王芳' }, { id: '李明', name: '李明' }] }])
    expect((await occurrences()).some((o) => o.cancelled)).toBe(false)
  })

  it('is moved to another day and time, announced, the others unchanged', async () => {
    const before = web.sent.length
    await admin.post(`${page(1)}/sessions/${session('2026-11-30')}/move`, { date: '2026-12-01', time: '14:00' }, page(1))
    const [told] = toldConsole(before)
    expect(told!.text).toBe('#1「常态化联合教研」调整一次：\n原定：11月30日(周一) 13:30 (第14周)\n改为：12月1日(周二) 14:00 (第14周)\n其余各次不变。')
    const stored = await occurrences()
    expect(stored.find((o) => o.date === '2026-12-01')).toEqual({ date: '2026-12-01', cancelled: false, movedFrom: '2026-11-30' })
    expect(stored.some((o) => o.date === '2026-11-30')).toBe(false)
    expect(stored.filter((o) => o.date >= '2026-11-10').map((o) => o.date)).toEqual(['2026-11-16', '2026-12-01', '2026-12-14', '2026-12-28', '2027-01-11'])
    expect(textOf((await admin.get(page(1))).body)).toContain('12月1日(周二) 14:00 (第14周) 已改期（原11月30日）')
  })

  it('moves a one-off\'s only session to another day, keeping its time when the time is left as it was', async () => {
    const only = await web.app.db.occurrence.findFirstOrThrow({ where: { activityId: 2 } })
    await admin.post(`${page(2)}/sessions/${only.id}/move`, { date: '2026-12-08', time: '13:30' }, page(2))
    expect(await flashOf(admin, 2)).toContain('改为：12月8日(周二) 13:30')
    const moved = await web.app.db.occurrence.findFirstOrThrow({ where: { activityId: 2 } })
    expect(moved).toMatchObject({ date: '2026-12-08', movedFrom: '2026-12-03', startAt: new Date('2026-12-08T05:30:00Z') })
  })

  it('refuses a bad date, time or reason with a sentence before any command runs', async () => {
    const before = await snapshot(web)
    const sent = web.sent.length
    const cases: [string, Record<string, string>, string][] = [
      ['move', { date: '2026-02-30', time: '' }, B.date],
      ['move', { date: '12月7日', time: '' }, B.date],
      ['move', { date: '2026-12-07', time: '25:00' }, B.time],
      ['cancel', { reason: '很'.repeat(101) }, B.reason(100)],
      ['cancel', { reason: '专家临时\n有事' }, B.reason(100)],
      ['cancel', { reason: '专家"临时 有事"' }, B.reasonQuotes],
      ['cancel', { reason: '明天 补上' }, B.reasonDate],
    ]
    for (const [action, form, said] of cases) {
      const res = await admin.post(`${page(1)}/sessions/${session('2026-11-16')}/${action}`, form, page(1))
      expect(res.statusCode).toBe(303)
      expect(await flashOf(admin, 1)).toBe(`未完成 ${said}`)
    }
    await admin.post(`${page(2)}/sessions/${(await web.app.db.occurrence.findFirstOrThrow({ where: { activityId: 2 } })).id}/cancel`, {}, page(2))
    expect(await flashOf(admin, 2)).toBe(`未完成 ${B.oneOff}`)
    expect(await snapshot(web)).toBe(before)
    expect(web.sent.length).toBe(sent)
  })
})

describe('the roster', () => {
  it('signs a named teacher up (代报名), and refuses what the command would read as something else', async () => {
    await admin.post(`${page(2)}/signup`, { name: '赵丽' }, page(2))
    expect(await flashOf(admin, 2)).toContain('代报名 #2「名师讲堂」：')
    expect(textOf((await admin.get(page(2))).body)).toContain('1 赵丽 11月10日(周二) 09:00 代报名')
    const before = await snapshot(web)
    for (const [name, said] of [
      ['"赵丽', B.namesQuotes], ['「赵丽 李明」', B.namesQuotes], ['赵丽/育秀/语文/3年', B.namesProfile], ['钱红 肇文学校 语文 6年', B.namesProfile],
      ['长'.repeat(21), B.nameTooLong('长'.repeat(20), 20)], ['赵丽\n李明', B.namesLong(200)], ['赵丽、'.repeat(70), B.namesLong(200)], ['', B.names],
      ['12月3日', B.notAName('12月3日')], ['#3', B.notAName('#3')],
    ] as const) {
      await admin.post(`${page(2)}/signup`, { name }, page(2))
      expect([name, await flashOf(admin, 2)]).toEqual([name, `未完成 ${said}`])
    }
    expect(await snapshot(web)).toBe(before)
  })

  it('corrects attendance with /签到, /签退, /到场 and /缺席 of a held session, and says who was not found', async () => {
    web.setNow('2026-11-16T16:00:00+08:00')
    admin = await web.login(ADMIN)
    const s = String(session('2026-11-16'))
    await admin.post(`${page(1)}/attendance`, { session: s, name: '王芳', mark: 'checkIn', time: '13:45' }, page(1))
    expect(await flashOf(admin, 1)).toContain('王芳')
    await admin.post(`${page(1)}/attendance`, { session: s, name: '王芳', mark: 'checkOut', time: '14:50' }, page(1))
    await admin.post(`${page(1)}/attendance`, { session: s, name: '李明', mark: 'absent', time: '' }, page(1))
    const text = textOf((await admin.get(page(1))).body)
    expect(text).toContain('11月16日(周一) 13:30 姓名 签到 签退 迟到 早退 学时 李明（代签） 缺席 王芳（代签） 13:45 14:50 15 分钟 10 分钟')
    const before = await snapshot(web)
    await admin.post(`${page(1)}/attendance`, { session: s, name: '钱多多', mark: 'present', time: '' }, page(1))
    expect(await flashOf(admin, 1)).toBe(`未完成 ${texts.checkin.notFound('钱多多', '/到场 1 2026年11月16日')}`)
    await admin.post(`${page(1)}/attendance`, { session: s, name: '王芳', mark: 'checkIn', time: '' }, page(1))
    expect(await flashOf(admin, 1)).toBe(`未完成 ${B.needTime}`)
    await admin.post(`${page(1)}/attendance`, { session: s, name: '王芳', mark: 'late', time: '' }, page(1))
    expect(await flashOf(admin, 1)).toBe(`未完成 ${B.mark}`)
    expect(await snapshot(web)).toBe(before)
  })

  it('approves one pending 请假 and refuses another with a reason', async () => {
    await web.say('/设置 2 请假审批')
    for (const as of ['王芳', '李明']) {
      await web.say('/报名 2', { as })
      await web.say('/请假 2 外出培训', { as })
    }
    const leaves = await web.app.db.leave.findMany({ where: { activityId: 2 }, orderBy: { id: 'asc' } })
    await admin.post(`${page(2)}/leaves/${leaves[0]!.id}/approve`, {}, page(2))
    expect(await flashOf(admin, 2)).toContain('已准假：王芳，#2 12月3日(周四) 13:30。')
    const before = await snapshot(web)
    await admin.post(`${page(2)}/leaves/${leaves[1]!.id}/refuse`, { reason: '' }, page(2))
    expect(await flashOf(admin, 2)).toBe(`未完成 ${B.needReason}`)
    expect(await snapshot(web)).toBe(before)
    await admin.post(`${page(2)}/leaves/${leaves[1]!.id}/refuse`, { reason: '本次为考核课，请参加' }, page(2))
    expect(await flashOf(admin, 2)).toContain('已不准假：李明，#2 12月3日(周四) 13:30。')
    const text = textOf((await admin.get(page(2))).body)
    expect(text).toContain('王芳 12月3日(周四) 13:30 外出培训 已准假')
    expect(text).toContain('李明 12月3日(周四) 13:30 外出培训 不准假（本次为考核课，请参加）')
    expect((await web.app.db.leave.findMany({ where: { activityId: 2 }, orderBy: { id: 'asc' } })).map((l) => l.status)).toEqual(['approved', 'refused'])
  })
})

describe('editing and cancelling the activity', () => {
  const form = { place: '', subject: '', capacity: '2', host: '', presenter: '', hours: '', level: 'district' }

  it('sends one /设置 with every field changed, keeping a place with a space whole', async () => {
    await admin.post(`${page(2)}/settings`, { ...form, place: '育秀实验学校 报告厅', capacity: '30', host: '李主任', presenter: '王佩红', hours: '2', level: 'county' }, page(2))
    const flash = await flashOf(admin, 2)
    expect(flash.match(/已更新 #2/g)).toHaveLength(1)
    expect(await web.app.db.activity.findUniqueOrThrow({ where: { id: 2 } })).toMatchObject({
      place: '育秀实验学校 报告厅', capacity: 30, host: '李主任', presenter: '王佩红', hours: 2, level: 'county', subject: null,
    })
    const now = { ...form, place: '育秀实验学校 报告厅', capacity: '30', host: '李主任', presenter: '王佩红', hours: '2', level: 'county' }
    await admin.post(`${page(2)}/settings`, now, page(2))
    expect(await flashOf(admin, 2)).toBe(`未完成 ${B.unchanged}`)
    await admin.post(`${page(2)}/settings`, { ...now, place: '', capacity: '', hours: '' }, page(2))
    expect(await web.app.db.activity.findUniqueOrThrow({ where: { id: 2 } })).toMatchObject({ place: null, capacity: null, hours: null })
  })

  it('refuses a field out of bounds before any /设置 runs', async () => {
    const before = await snapshot(web)
    for (const [changed, said] of [
      [{ capacity: '0' }, B.capacity], [{ capacity: '40人' }, B.capacity], [{ hours: '25' }, B.hours], [{ level: 'province' }, B.level],
      [{ place: '育秀"报告厅' }, B.fieldQuotes('地点')], [{ presenter: '“育秀杯”评委' }, B.fieldQuotes('主讲')], [{ host: '长'.repeat(21) }, B.field('主持', 20)],
    ] as const) {
      await admin.post(`${page(2)}/settings`, { ...form, ...changed }, page(2))
      expect(await flashOf(admin, 2)).toBe(`未完成 ${said}`)
    }
    expect(await snapshot(web)).toBe(before)
  })

  it('cancels the whole series only with its box ticked, then at once, announced; and restores it', async () => {
    const before = await snapshot(web)
    await admin.post(`${page(1)}/cancel`, { reason: '专家临时有事' }, page(1))
    expect(await flashOf(admin, 1)).toBe(`未完成 ${B.confirm}`)
    expect(await snapshot(web)).toBe(before)
    const sent = web.sent.length
    await admin.post(`${page(1)}/cancel`, { reason: '专家临时有事', confirm: '1' }, page(1))
    expect(toldConsole(sent)).toEqual([{
      text: '#1「常态化联合教研」（双周周一 13:30，共 5 次，11月16日(周一)—2027年1月11日(周一)）已取消，原因：专家临时有事。',
      mentions: [{ id: '王芳', name: '王芳' }, { id: '李明', name: '李明' }],
    }])
    expect(await web.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ status: 'cancelled', cancelReason: '专家临时有事' })
    expect(await flashOf(admin, 1)).toContain('已取消，原因：专家临时有事。')
    const text = textOf((await admin.get(page(1))).body)
    expect(text).toContain('状态：已取消，取消原因：专家临时有事')
    expect(text).toContain('11月16日(周一) 13:30 (第12周) 已取消')
    expect(text).toContain('11月2日(周一) 13:30 (第10周) 已举行')
    expect(text).not.toContain('取消这一次')
    await admin.post(`${page(1)}/restore`, {}, page(1))
    expect((await web.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('scheduled')
  })
})
