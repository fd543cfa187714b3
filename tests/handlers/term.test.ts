import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutgoingMessage } from '../../src/core/message.ts'
import type { Harness } from '../helpers/harness.ts'
import { importFile, termDistrict } from '../helpers/import-files.ts'

/**
 * A whole autumn term of 育秀教育集团 (seed 004), run as its clerk writes it:
 * the 行事历 imported, more activities in the office's own words, the
 * corrections a term brings (a clashing session cancelled, one moved, one
 * restored, a place changed), teachers signing up, and every digest and
 * reminder of the term on a fake clock (ticked at 07:30, 12:30 and 16:00).
 *
 * Term 2026-09-01..2027-01-22: week 1 is 8月31日-9月6日; 中秋 9-25..27 and
 * 国庆 10-01..07 are holidays. The 常态化联合教研 runs on even-week Mondays:
 * 9-07, 9-21, (10-05 国庆), 10-19, 11-02, 11-16, 11-30, 12-14, 12-28, 1-11.
 */
const CALENDAR = [
  '2026学年第一学期育秀教育集团行事历',
  '9月：',
  '1、校长书记、教导主任会议   9月2日下午   育秀实验学校',
  '2、常态化联合教研   双周一下午   （活动内容单周提前公示）',
  '3、第4周周一下午   主题式联合教研活动   育秀实验学校   中小学语文',
  '10月：',
  '（1）10月12日下午   新秀杯教学评优（教龄1-8年）   育秀实验学校',
  '一、强校工程推进专题研讨   西渡学校   第10周周三下午3点半',
].join('\n')

/** A reply a teacher reads on a phone: rows of about 20 Chinese characters. */
const rows = (text: string) => text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / 20)), 0)

let h: Harness
const said: { to: string; command: string; text: string }[] = []
const ticked: { at: string; message: OutgoingMessage }[] = []
let ids: Record<string, number> = {}

/** Says a line in the group (or as someone), keeping every reply for the phone check. */
async function say(command: string, as?: string): Promise<string> {
  const replies = await h.say(command, as ? { as } : {})
  for (const text of replies) said.push({ to: as ?? '我', command, text })
  return replies.join('\n')
}

const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString()

let cursor = Date.parse('2026-09-01T00:00:00+08:00')
let last = 0
/** Ticks at 07:30, 12:30 and 16:00 of every day from where the last call stopped until `end`. */
async function tickUntil(end: string): Promise<void> {
  for (; cursor < Date.parse(end); cursor += 86_400_000) {
    for (const [hh, mm] of [[7, 30], [12, 30], [16, 0]] as const) {
      const at = new Date(cursor + hh * 3600_000 + mm * 60_000)
      if (at.getTime() >= Date.parse(end)) return
      if (at.getTime() <= last) continue
      last = at.getTime()
      h.setNow(at.toISOString())
      const before = h.sent.length
      await h.tick()
      for (const message of h.sent.slice(before)) ticked.push({ at: local(at).slice(0, 16), message })
    }
  }
}

beforeAll(async () => {
  h = await termDistrict()
  const { done } = await importFile(h, '育秀教育集团行事历.txt', Buffer.from(CALENDAR))
  expect(done).toContain('完成：创建 5 项')
  // More of the term, in the office's own words.
  await say('/排期 11月30日至12月4日 集团内教学视导 @西渡学校 不报名')
  await say('/排期 12月第2周 见习期教师汇报课 地点：肇文学校')
  await say('/排期 第16周周四下午 中小学毕业班教学研讨 限40人')
  const all = await h.app.db.activity.findMany({ orderBy: { id: 'asc' } })
  ids = Object.fromEntries(all.map((a) => [a.title, a.id]))
  // Teachers sign up; a profile first where a rule asks for it.
  for (let i = 1; i <= 12; i++) await say(`/报名 ${ids['常态化联合教研']}`, `老师${i}`)
  await say('/我是 王芳 育秀实验学校 语文 教龄5', '王芳')
  await say(`/报名 ${ids['新秀杯教学评优']}`, '王芳')
  // The term ticked from its first day; on 11月9日 the office makes its corrections.
  await tickUntil('2026-11-09T10:00:00+08:00')
  h.setNow('2026-11-09T10:00:00+08:00')
  await say(`/取消 ${ids['常态化联合教研']} 11月16日 与主题式联合教研冲突`)
  await say(`/恢复 ${ids['常态化联合教研']} 11月16日`)
  await say(`/取消 ${ids['常态化联合教研']} 11月30日 集团教学视导`)
  await say(`/改期 ${ids['常态化联合教研']} 12月14日 改到 12月15日下午`)
  await say(`/设置 ${ids['主题式联合教研活动']} 地点 育秀实验学校报告厅`)
  await say('/本周')
  await say('/活动 12月')
  await say('/帮助', '老师1')
  await tickUntil('2027-01-23T00:00:00+08:00')
}, 240_000)
afterAll(() => h.close())

describe('a term of 育秀教育集团, as its clerk runs it', () => {
  it('imports the 行事历 and reads the clerk\'s own lines right', async () => {
    const series = await h.app.db.occurrence.findMany({ where: { activityId: ids['常态化联合教研'] }, orderBy: { date: 'asc' } })
    expect(series.map((o) => `${o.date}${o.skipReason ? `(${o.skipReason})` : ''}`)).toEqual([
      '2026-09-07', '2026-09-21', '2026-10-05(国庆节)', '2026-10-19', '2026-11-02', '2026-11-16',
      '2026-11-30(集团教学视导)', '2026-12-15', '2026-12-28', '2027-01-11',
    ])
    const visit = await h.app.db.activity.findUniqueOrThrow({ where: { id: ids['集团内教学视导'] }, include: { occurrences: true } })
    expect([visit.place, visit.noSignup, visit.occurrences.map((o) => [o.date, local(o.endAt!).slice(0, 10)])]).toEqual(['西渡学校', true, [['2026-11-30', '2026-12-04']]])
    const report = await h.app.db.activity.findUniqueOrThrow({ where: { id: ids['见习期教师汇报课'] } })
    // 12月's weeks: 11月30日-12月6日 is mostly December, so the 2nd is 12月7日-13日.
    expect([report.pendingFrom, report.place]).toEqual(['2026-12-07', '肇文学校'])
    const graduating = await h.app.db.activity.findUniqueOrThrow({ where: { id: ids['中小学毕业班教学研讨'] }, include: { occurrences: true } })
    // Week 16's Thursday: 8月31日 + 15 weeks + 3 days.
    expect([graduating.capacity, graduating.occurrences.map((o) => local(o.startAt).slice(0, 16))]).toEqual([40, ['2026-12-17T13:30']])
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: ids['主题式联合教研活动'] } })).place).toBe('育秀实验学校报告厅')
  })

  it('keeps every sign-up through the corrections', async () => {
    expect(await h.app.db.signup.count({ where: { activityId: ids['常态化联合教研'], status: 'confirmed' } })).toBe(12)
    expect(await h.app.db.signup.count({ where: { activityId: ids['新秀杯教学评优'], status: 'confirmed' } })).toBe(1)
  })

  it('reminds the series\' sessions as corrected: the restored one, the moved one at its new day, never the cancelled or the paused', () => {
    const hourBefore = ticked
      .filter((t) => t.message.chat.chatId === 'console' && t.message.text.startsWith(`【活动提醒】#${ids['常态化联合教研']}「常态化联合教研」13:30 开始`))
      .map((t) => t.at.slice(0, 10))
    expect(hourBefore).toEqual(['2026-09-07', '2026-09-21', '2026-10-19', '2026-11-02', '2026-11-16', '2026-12-15', '2026-12-28', '2027-01-11'])
  })

  it('sends no digest on the holiday Monday and nothing at all during 国庆', () => {
    expect(ticked.filter((t) => t.at >= '2026-10-01' && t.at < '2026-10-08')).toEqual([])
  })

  it('lists what has no date yet in the digest of its week', () => {
    const digest = ticked.find((t) => t.at === '2026-12-07T07:30' && t.message.chat.chatId === 'console')!
    expect(digest.message.text).toContain(`#${ids['见习期教师汇报课']} 12月第2周（12月7日-13日，日期待定） 见习期教师汇报课 · 肇文学校`)
  })

  it('every reply and every reminder fits a phone', () => {
    expect([said.length, ticked.length]).toEqual([said.length, ticked.length].map((n) => Math.max(n, 20)))
    const long = [...said.map((s) => ({ what: s.command, text: s.text })), ...ticked.map((t) => ({ what: t.at, text: t.message.text }))]
      .filter((m) => rows(m.text) > 24)
      .map((m) => `${m.what}: ${rows(m.text)} rows`)
    expect(long).toEqual([])
  })
})
