/**
 * The console's pages at the sizes districts reach: a term of 5 000
 * activities (about 90 a day over eight weeks) and an activity with 2 000
 * sign-ups. Each page answers, and its HTML stays a size a phone can load:
 * a day's cell, a list and a roster each say how many more there are
 * instead of growing without bound.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copiesOf, spreadOccurrences } from '../helpers/seed-bulk.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'

let web: WebHarness
let admin: WebSession
let bigId: number
/** A page a phone loads in a few seconds on a school's network. */
const MAX_HTML = 600_000

beforeAll(async () => {
  web = await createWebHarness('2026-11-23T09:00:00+08:00')
  await web.say('/学期 2026-09-01 2027-01-22 第一学期')
  await web.say('/排期 12月3日 13:30-16:00 名师讲堂 @建平实验中学 名额500')
  const db = web.app.db
  const made = await copiesOf(db, 1, 5000, (i) => ({ title: `联合教研第${i + 1}次`, importKey: `key-${i}` }))
  await spreadOccurrences(db, made, '2026-11-24', 56)
  bigId = 1
  const district = await db.district.findFirstOrThrow()
  const group = await db.group.findFirstOrThrow({ where: { platform: 'console', chatId: 'console' } })
  const at = new Date('2026-11-23T01:00:00Z')
  const members = (await db.member.createManyAndReturn({ data: Array.from({ length: 2000 }, (_, i) => ({ displayName: `老师${i + 1}`, school: `第${(i % 40) + 1}中学` })) }))
    .sort((a, b) => a.id - b.id)
  await db.membership.createMany({ data: members.map((m) => ({ districtId: district.id, memberId: m.id, lastSeenAt: at })) })
  await db.account.createMany({ data: members.map((m) => ({ platform: 'console', userId: m.displayName, displayName: m.displayName, memberId: m.id, lastSeenAt: at })) })
  await db.signup.createMany({
    data: members.map((m, i) => ({ activityId: bigId, memberId: m.id, status: i < 500 ? 'confirmed' : 'waiting', seq: i + 1, groupId: group.id, signedUpAt: at })),
  })
  admin = await web.login()
}, 120_000)
afterAll(async () => web.close())

describe('the console at scale', () => {
  it.each(['/console/term', '/console/activities', '/console/activities?range=all', `/console/activities/1`, '/console/members', '/console/stats', '/console/workshops', '/console/files', '/console/me'])('%s answers within a bounded page', async (url) => {
    const res = await admin.get(url)
    // `SHOW_SIZES=1 npx vitest run tests/web/at-scale.test.ts` prints each page's size.
    if (process.env.SHOW_SIZES) process.stdout.write(`SIZE ${url} ${res.body.length}\n`)
    expect(res.statusCode).toBe(200)
    expect(res.body.length).toBeLessThan(MAX_HTML)
  })

  it('lists at most 12 sessions in a day\'s cell of the term grid, and counts the rest', async () => {
    const body = (await admin.get('/console/term')).body
    // About 90 a day: each full day lists 12 and says how many more.
    expect(body.match(/……另有 \d+ 项/g)!.length).toBeGreaterThan(40)
    expect(body).toContain('联合教研第1次')
  })

  it('draws the 60 activities most signed up for, and downloads every one', async () => {
    const body = (await admin.get('/console/stats')).body
    expect(body).toContain('本学期共 5001 项需要报名的活动，图表和表格只列出报名人数最多的 60 项')
    expect(body).toContain('名师讲堂')
    const xlsx = await admin.get('/console/stats/signups.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets[0]!.actualRowCount).toBe(5002)
  })
})
