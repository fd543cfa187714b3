/**
 * What an outside tester found on the 活动 pages, each checked the way they
 * met it: names for 代报名 read as the chat reads them; 缺席 over an approved
 * 请假; what is to come and what is over by the clock, not the date; the
 * list's timing of undated ones and series; check-ins live; quotes in a
 * reason; one 保存修改, one announcement; refusals whose examples are the
 * line that was sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { texts } from '../../src/core/texts/index.ts'
import { bindAsAdmin, createHarness } from '../helpers/harness.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'
import { GROUP, flashOf, snapshot, textOf } from './activity-fixture.ts'

const B = texts.webActivity.bad
let web: WebHarness
let admin: WebSession

/** #1 a one-off 09:00-10:30 on 11月24日 (the tester's #24), #2 a weekly series, #3 dated only to 第15周, #4 to 10月底. */
beforeEach(async () => {
  web = await createWebHarness('2026-09-01T09:00:00+08:00')
  for (const line of ['/学期 2026-09-01 2027-01-22 第一学期', '/排期 11月24日 09:00-10:30 听课评课', '/排期 双周一下午 常态化联合教研 语文', '/排期 第15周 专题研讨', '/排期 10月底 读书交流']) {
    await web.say(line)
  }
  for (const as of ['王芳', '李明', '赵丽']) {
    await web.say('/报名 1', { as })
    await web.say('/报名 2', { as })
  }
})
afterEach(async () => web.close())

const page = (id: number) => `/console/activities/${id}`
const sessionOf = async (activityId: number, date: string) => (await web.app.db.occurrence.findFirstOrThrow({ where: { activityId, date } })).id
const toldConsole = (from: number) => web.sent.slice(from).filter((m) => m.chat.chatId === 'console').map((m) => m.text)
/** The clock moved, then a fresh sign-in (a console session lasts hours, not days). */
async function at(iso: string, as?: string): Promise<WebSession> {
  web.setNow(iso)
  admin = await web.login()
  return as ? web.login({ as }) : admin
}

describe('代报名 and corrections read names as the chat does', () => {
  it('signs up each of several names, as /报名 4 李明 赵丽 does, and makes no member of them together', async () => {
    await at('2026-11-10T09:00:00+08:00')
    await web.say('/ping', { as: '钱红' })
    await admin.post(`${page(1)}/signup`, { name: '钱红 孙强、吴敏，郑洁' }, page(1))
    const flash = await flashOf(admin, 1)
    for (const name of ['钱红', '孙强', '吴敏', '郑洁']) expect(flash).toContain(name)
    const roster = (await web.app.db.signup.findMany({ where: { activityId: 1, status: 'confirmed' }, include: { member: true }, orderBy: { seq: 'asc' } })).map((s) => s.member.displayName)
    expect(roster).toEqual(['王芳', '李明', '赵丽', '钱红', '孙强', '吴敏', '郑洁'])
    expect(await web.app.db.member.count({ where: { displayName: { contains: ' ' } } })).toBe(0)
    expect(await admin.get(page(1)).then((r) => r.body)).toContain(texts.webActivity.namesHint)
  })

  it('refuses two names, or a name with a space, in a correction: one teacher at a time', async () => {
    await at('2026-11-24T11:00:00+08:00')
    const before = await snapshot(web)
    const session = String(await sessionOf(1, '2026-11-24'))
    for (const name of ['李明 赵丽', '李明、赵丽', 'Zhao Yi']) {
      await admin.post(`${page(1)}/attendance`, { session, name, mark: 'absent', time: '' }, page(1))
      expect(await flashOf(admin, 1)).toBe(`未完成 ${B.oneName}`)
    }
    expect(await snapshot(web)).toBe(before)
  })
})

describe('缺席 over an approved 请假', () => {
  it('is refused plainly, changing nothing; the table says 请假 without （代签）', async () => {
    await web.say('/请假 1 学校有公开课', { as: '赵丽' })
    await at('2026-11-24T21:50:00+08:00')
    const before = await snapshot(web)
    const sent = web.sent.length
    const session = String(await sessionOf(1, '2026-11-24'))
    await admin.post(`${page(1)}/attendance`, { session, name: '赵丽', mark: 'absent', time: '' }, page(1))
    const said = '赵丽（学校有公开课） 已请假并获准，签到表和学时里记为请假，不算缺席。没有更改任何人的签到。如实际到场了，请发送：/到场 1 2026年11月24日 赵丽'
    expect(await flashOf(admin, 1)).toBe(`未完成 ${said}`)
    expect(await snapshot(web)).toBe(before)
    expect(web.sent.length).toBe(sent)
    expect(await web.say('/缺席 1 赵丽')).toEqual([said.replace(' 2026年11月24日', '')])
    const table = textOf((await admin.get(page(1))).body)
    expect(table).toContain('李明 缺席 王芳 缺席 赵丽 请假')
    expect(table).not.toContain('赵丽（代签）')
  })

  it('says the 请假\'s reason only where it stays private, never in a WeChat group', async () => {
    await web.say('/请假 1 学校有公开课', { as: '赵丽' })
    await bindAsAdmin(web, GROUP, '李主任', 'li')
    web.setNow('2026-11-24T21:50:00+08:00')
    const [said] = await web.say('/缺席 1 赵丽', { ...GROUP, as: '李主任', id: 'li' })
    expect(said).toBe('赵丽 已请假并获准，签到表和学时里记为请假，不算缺席。没有更改任何人的签到。如实际到场了，请发送：/到场 1 赵丽')
  })

  it('a 缺席 written over a 请假 before (an older row) is not labelled （代签）, since 请假 is what counts', async () => {
    await web.say('/请假 1 学校有公开课', { as: '赵丽' })
    const zhao = await web.app.db.member.findFirstOrThrow({ where: { displayName: '赵丽' } })
    const occurrenceId = await sessionOf(1, '2026-11-24')
    await web.app.db.attendance.create({ data: { occurrenceId, memberId: zhao.id, activityId: 1, status: 'absent', via: 'marked', updatedAt: new Date() } })
    await at('2026-11-24T21:50:00+08:00')
    const table = textOf((await admin.get(page(1))).body)
    expect(table).toContain('赵丽 请假')
    expect(table).not.toContain('赵丽（代签）')
  })
})

describe('to come and over, by the clock', () => {
  it('lists a session under way as 进行中, and once it has ended under 已结束, the same day', async () => {
    await at('2026-11-24T10:00:00+08:00')
    expect(textOf((await admin.get('/console/activities')).body)).toContain('#1 听课评课 11月24日(周二) 09:00-10:30 我 3 人 进行中')
    expect(textOf((await admin.get(page(1))).body)).toContain('11月24日(周二) 09:00-10:30 (第13周) 进行中')
    await at('2026-11-24T10:31:00+08:00')
    expect(textOf((await admin.get(page(1))).body)).toContain('11月24日(周二) 09:00-10:30 (第13周) 已举行')
    await at('2026-11-24T21:50:00+08:00')
    const coming = textOf((await admin.get('/console/activities')).body)
    expect(coming).not.toContain('听课评课')
    const over = textOf((await admin.get('/console/activities?when=past')).body)
    expect(over).toContain('#1 听课评课 最后一次：11月24日(周二) 09:00-10:30 我 3 人 已结束')
    expect(over).toContain('共 1 项')
  })

  it('drops a meeting that ended this morning from 我的 coming sign-ups, on the page and in chat /我的', async () => {
    web.setNow('2026-11-24T09:05:00+08:00')
    await web.say('签到 1', { as: '王芳' })
    const teacher = await at('2026-11-24T21:50:00+08:00', '王芳')
    const me = textOf((await teacher.get('/console/me')).body)
    const coming = me.slice(me.indexOf(texts.webPeople.record.signups), me.indexOf('本学期参加的活动'))
    expect(coming).not.toContain('听课评课')
    expect(coming).toContain('#2 常态化联合教研')
    expect(me).toContain('#1 听课评课')
    const [mine] = await web.say('/我的', { as: '王芳', direct: true, chat: 'dm-王芳' })
    expect(mine).not.toContain('听课评课')
    expect(mine).toContain('#2 常态化联合教研 11月30日(周一) 13:30')
  })

  it('keeps /活动 12 on the sessions not yet over: a series\' one that ended today is not coming', async () => {
    web.setNow('2026-11-16T21:50:00+08:00')
    const [detail] = await web.say('/活动 2')
    expect(detail).toContain('共 4 次，11月30日(周一)')
  })
})

describe('the list\'s timing', () => {
  it('shows an undated one\'s window as /活动 待定 says it, under 即将开始 while ahead and always under 日期待定, never 已结束', async () => {
    await at('2026-11-10T09:00:00+08:00')
    const [pending] = await web.say('/活动 待定')
    const window = (id: number) => new RegExp(`^#${id} (.+?) \\S+$`, 'm').exec(pending!)![1]!
    const coming = textOf((await admin.get('/console/activities')).body)
    expect(coming).toContain(`#3 专题研讨 ${window(3)} 我 0 人 日期待定`)
    expect(window(3)).toContain('第15周（12月7日')
    expect(coming).not.toContain('读书交流')
    const undated = textOf((await admin.get('/console/activities?when=pending')).body)
    expect(undated).toContain(`#3 专题研讨 ${window(3)}`)
    expect(undated).toContain(`#4 读书交流 ${/^#4 (\S+)/m.exec(pending!)![1]}${texts.list.pendingPast}`)
    expect(undated).toContain('共 2 项')
    expect(textOf((await admin.get('/console/activities?when=past')).body)).not.toContain('读书交流')
  })

  it('shows a series by its next session and its rhythm, and by its last once over', async () => {
    await at('2026-11-17T09:00:00+08:00')
    expect(textOf((await admin.get('/console/activities')).body)).toContain('#2 常态化联合教研 11月30日(周一) 13:30 每次：双周周一 13:30 语文')
    // The last one cancelled alone, the last held is the one shown.
    await web.say('/取消 2 2027年1月11日 期末考试')
    await at('2027-01-20T09:00:00+08:00')
    expect(textOf((await admin.get('/console/activities?when=past')).body)).toContain('#2 常态化联合教研 最后一次：2026年12月28日(周一) 13:30 每次：双周周一 13:30 语文')
  })
})

describe('check-ins live', () => {
  it('shows who checked in as soon as the 签到 window opens, before the start too', async () => {
    web.setNow('2026-11-24T08:40:00+08:00')
    await web.say('签到 1', { as: '王芳' })
    await at('2026-11-24T08:45:00+08:00')
    const text = textOf((await admin.get(page(1))).body)
    expect(text).not.toContain(texts.webActivity.attendanceNone)
    expect(text).toContain('11月24日(周二) 09:00-10:30 姓名 签到 签退 迟到 早退 学时 王芳 08:40')
    await at('2026-11-24T09:10:00+08:00')
    web.setNow('2026-11-24T09:10:00+08:00')
    await web.say('签到 1', { as: '李明' })
    expect(textOf((await admin.get(page(1))).body)).toContain('王芳 08:40')
    expect(textOf((await admin.get(page(1))).body)).toContain('李明 09:10 10 分钟')
  })
})

describe('quotes in a reason', () => {
  it('cancels a session with a reason holding “育秀杯”, stored and announced exactly as the same line typed in chat', async () => {
    await at('2026-10-10T09:00:00+08:00')
    const reason = '与“育秀杯”比武冲突，暂停一次'
    const before = web.sent.length
    await admin.post(`${page(2)}/sessions/${await sessionOf(2, '2026-10-19')}/cancel`, { reason }, page(2))
    const told = toldConsole(before)
    expect(told).toEqual([`#2「常态化联合教研」10月19日(周一) 13:30 这次取消，原因：${reason}。其余各次照常。`])
    const stored = await web.app.db.occurrence.findFirstOrThrow({ where: { activityId: 2, date: '2026-10-19' } })
    expect(stored.skipReason).toContain(reason)
    const chat = await createHarness('2026-09-01T09:00:00+08:00')
    for (const line of ['/学期 2026-09-01 2027-01-22 第一学期', '/排期 11月24日 09:00-10:30 听课评课', '/排期 双周一下午 常态化联合教研 语文']) await chat.say(line)
    for (const as of ['王芳', '李明', '赵丽']) await chat.say('/报名 2', { as })
    chat.setNow('2026-10-10T09:00:00+08:00')
    const typed = await chat.send(`/取消 2 10月19日 ${reason}`)
    const typedStored = await chat.app.db.occurrence.findFirstOrThrow({ where: { activityId: 2, date: '2026-10-19' } })
    await chat.close()
    expect(typed.sent.map((m) => m.text)).toEqual(told)
    expect(typedStored.skipReason).toBe(stored.skipReason)
  })

  it('cancels the whole activity and refuses 请假 with quotes kept; refuses only a quote around a space, saying why', async () => {
    await at('2026-11-10T09:00:00+08:00')
    await admin.post(`${page(1)}/cancel`, { reason: '与“育秀杯”比武冲突', confirm: '1' }, page(1))
    expect((await web.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).cancelReason).toBe('与“育秀杯”比武冲突')
    await web.say('/设置 2 请假审批')
    await web.say('/请假 2 11月16日 外出培训', { as: '李明' })
    const leave = await web.app.db.leave.findFirstOrThrow({ where: { activityId: 2 } })
    const before = await snapshot(web)
    await admin.post(`${page(2)}/leaves/${leave.id}/refuse`, { reason: '“育秀杯 观摩”课' }, page(2))
    expect(await flashOf(admin, 2)).toBe(`未完成 ${B.reasonQuotes}`)
    expect(await snapshot(web)).toBe(before)
    await admin.post(`${page(2)}/leaves/${leave.id}/refuse`, { reason: '本次为“育秀杯”观摩课，请参加' }, page(2))
    expect((await web.app.db.leave.findUniqueOrThrow({ where: { id: leave.id } })).refusal).toBe('本次为“育秀杯”观摩课，请参加')
  })
})

describe('one 保存修改', () => {
  it('changes 地点, 主讲 and 名额 in one command: one announcement to the group, with the final 名额', async () => {
    await at('2026-11-10T09:00:00+08:00')
    const sent = web.sent.length
    const form = { place: '育秀实验学校 报告厅', subject: '', capacity: '30', host: '', presenter: '王佩红', hours: '', level: 'district' }
    await admin.post(`${page(1)}/settings`, form, page(1))
    const told = toldConsole(sent)
    expect(told).toHaveLength(1)
    for (const line of ['地点：育秀实验学校 报告厅', '主讲：王佩红', '名额：30', '已报名 3/30']) expect(told[0]).toContain(line)
    expect(await flashOf(admin, 1)).toBe(`已完成 ${told[0]!.replace(/\n/g, ' ')}`)
  })
})

describe('the examples of attendance refusals', () => {
  it('name the activity, the session and the teacher that were written', async () => {
    await at('2026-11-24T09:04:00+08:00')
    const session = String(await sessionOf(1, '2026-11-24'))
    await admin.post(`${page(1)}/attendance`, { session, name: '李明', mark: 'checkIn', time: '09:25' }, page(1))
    const said = await flashOf(admin, 1)
    expect(said).toBe(`未完成 ${texts.checkin.timeAhead('09:25', '09:04', '签到', '/签到 1 2026年11月24日', '李明')}`)
    expect(said).toContain('例如：/签到 1 2026年11月24日 李明 09:04')
    await admin.post(`${page(1)}/attendance`, { session, name: '钱多多', mark: 'present', time: '' }, page(1))
    expect(await flashOf(admin, 1)).toContain('例如：/到场 1 2026年11月24日 @钱多多')
  })
})
