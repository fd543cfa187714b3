/**
 * /console/term, the 学期行事历 as a grid: a district whose term is
 * `/学期 2026-09-01 2027-01-22 第一学期` (week 1 = 8月31日-9月6日; 中秋
 * 9月25日-27日 and 国庆 10月1日-7日 are holidays, 9月20日 and 10月10日 are
 * worked for 国庆) with seed 004's plan imported through the chat, as
 * tests/services/import-clerk.test.ts reads it: #3 is the 双周一 13:30
 * series, #4 the week-4 语文 教研 with no day yet, #8 the October 教学视导.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/console-process.ts'
import { bindAsAdmin } from '../helpers/harness.ts'
import { importFile } from '../helpers/import-files.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'

let web: WebHarness
let admin: WebSession
const group = { platform: 'wechat' as const, chat: 'g1', title: '语文组' }

beforeEach(async () => {
  web = await createWebHarness('2026-09-01T08:00:00+08:00')
  admin = await web.login()
})
afterEach(async () => web.close())

async function importSeed(): Promise<void> {
  await web.say('/学期 2026-09-01 2027-01-22 第一学期')
  const { done } = await importFile(web, 'seed004.txt', readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed004-plan.txt')))
  expect(done).toContain('完成：创建 21 项')
}

/** What a person reads in some HTML: tags dropped, entities decoded, spaces collapsed. */
function text(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim()
}

/** The HTML of week N's row (and its note row of dates still open, when it has one). */
function weekRows(html: string, week: number): { row: string; note: string | null } {
  const start = html.indexOf(`<tr id="week-${week}"`)
  expect(start, `week ${week}`).toBeGreaterThan(-1)
  const end = html.indexOf('</tr>', start) + 5
  const next = html.slice(end).match(/^\s*<tr class="term-note">[\s\S]*?<\/tr>/)
  return { row: html.slice(start, end), note: next ? next[0] : null }
}

/** The cells of week N: [周次, 周一 … 周五, 周六/周日], as HTML. */
function cells(html: string, week: number): string[] {
  return weekRows(html, week).row.split(/(?=<t[hd][\s>])/).slice(1)
}

describe('the term as a grid of weeks by weekday', () => {
  it('lists the 21 weeks with their dates, the 双周一 series on even Mondays only', async () => {
    await importSeed()
    const res = await admin.get('/console/term')
    expect(res.statusCode).toBe(200)
    const html = res.body
    expect(text(html)).toContain('示范学区 第一学期行事历')
    expect(text(html)).toContain('2026-09-01 至 2027-01-22，共 21 周')
    expect(html).toContain('<th scope="col">周一</th><th scope="col">周二</th><th scope="col">周三</th><th scope="col">周四</th><th scope="col">周五</th>')
    expect(text(cells(html, 1)[0]!)).toBe('第1周 8月31日-9月6日 本周')
    expect(text(cells(html, 18)[0]!)).toBe('第18周 12月28日-2027年1月3日')
    expect(text(cells(html, 21)[0]!)).toBe('第21周 2027年1月18日-24日')
    expect(html).not.toContain('id="week-22"')
    // Week 1's Monday is before the term's first day.
    expect(cells(html, 1)[1]).toMatch(/^<td class="outside">/)
    for (let week = 1; week <= 21; week++) {
      const monday = text(cells(html, week)[1]!)
      if (week % 2 === 0) expect(monday, `week ${week}`).toContain('13:30 常态化的教研联动')
      else expect(monday, `week ${week}`).not.toContain('常态化的教研联动')
    }
    expect(text(cells(html, 2)[1]!)).toBe('9月7日 13:30 常态化的教研联动 0人')
    expect(cells(html, 2)[1]).toContain('<a href="/console/activities/3">常态化的教研联动</a>')
    expect(text(cells(html, 2)[3]!)).toBe('9月9日')
  })

  it('marks 国庆 in its cells and shows 10月5日\'s session struck through as paused; a worked Sunday is noted', async () => {
    await importSeed()
    const html = (await admin.get('/console/term')).body
    const monday = cells(html, 6)[1]!
    expect(monday).toMatch(/^<td class="holiday">/)
    expect(text(monday)).toBe('10月5日 国庆节 放假 13:30 常态化的教研联动 0人 （国庆节，暂停）')
    expect(monday).toMatch(/<del class="cancelled">[\s\S]*常态化的教研联动[\s\S]*<\/del><span class="term-reason">（国庆节，暂停）<\/span>/)
    expect(text(cells(html, 5)[4]!)).toBe('10月1日 国庆节 放假')
    expect(text(cells(html, 4)[5]!)).toBe('9月25日 中秋 放假')
    expect(text(cells(html, 3)[6]!)).toBe('周六 9月19日 周日 9月20日 国庆节调休上班')
    expect(text(cells(html, 6)[6]!)).toBe('周六 10月10日 国庆节调休上班 周日 10月11日')
  })

  it('marks a day the district closed with /放假, and the session on it as paused', async () => {
    await importSeed()
    const [reply] = await web.say('/放假 2026-11-16 校运动会')
    expect(reply).toContain('校运动会')
    const monday = cells((await admin.get('/console/term')).body, 12)[1]!
    expect(monday).toMatch(/^<td class="holiday">/)
    expect(text(monday)).toBe('11月16日 校运动会 放假 13:30 常态化的教研联动 0人 （校运动会，暂停）')
  })

  it('lists an item planned for a week under that week, and one for a month under the month\'s first week', async () => {
    await importSeed()
    const html = (await admin.get('/console/term')).body
    const week4 = weekRows(html, 4).note!
    expect(text(week4)).toBe('第4周待定： 主题式联合教研活动 第一学期第4周，9月21日-25日 育秀实验学校 · 中小学语文')
    expect(week4).toContain('<a href="/console/activities/4">主题式联合教研活动</a>')
    // October's plan is on the row of the week holding 10月1日 (9月28日-10月4日); 10月底 spans two weeks.
    const week5 = text(weekRows(html, 5).note!)
    expect(week5).toContain('10月待定： 集团内教学视导 10月，10月1日-31日 肇文学校')
    expect(week5).toContain('教育集团市现场展示活动（阅读指导课程建设） 10月底，10月25日-31日 育秀实验学校')
    expect(weekRows(html, 3).note).toBeNull()
    expect(text(weekRows(html, 18).note!)).toContain('1月待定： 教育集团工作期末交流 1月，2027年1月1日-31日')
  })

  it('shows time, place, subject, host, presenter and sign-ups against 名额 in the cell', async () => {
    await importSeed()
    await bindAsAdmin(web, group, '李主任', 'li')
    const [made] = await web.say('/排期 9月9日下午 听课评课 @育秀实验学校 会议室 初中数学 主持 王佩红 主讲 曹益君 名额40')
    expect(made).toContain('已安排 #22')
    await web.say('/报名 22', { ...group, as: '王芳', id: 'wf' })
    await web.say('/报名 22', { ...group, as: '周敏', id: 'zm' })
    await web.say('/排期 9月10日 资料整理')
    const html = (await admin.get('/console/term')).body
    expect(text(cells(html, 2)[3]!)).toBe('9月9日 13:30 听课评课 2/40 育秀实验学校 会议室 · 初中数学 · 主持 王佩红 · 主讲 曹益君')
    expect(text(cells(html, 2)[4]!)).toBe('9月10日 未定时 资料整理 0人')
  })

  it('shows a session over several days on its first day with its span, and on the others as continued', async () => {
    await importSeed()
    await web.say('/排期 11月30日至12月4日 青年教师比武周 @育秀实验学校')
    const html = (await admin.get('/console/term')).body
    expect(text(cells(html, 14)[1]!)).toBe('11月30日 未定时 青年教师比武周 0人 11月30日—12月4日 育秀实验学校 13:30 常态化的教研联动 0人')
    expect(text(cells(html, 14)[2]!)).toBe('12月1日 青年教师比武周 （续）')
    expect(text(cells(html, 14)[5]!)).toBe('12月4日 青年教师比武周 （续）')
    expect(text(cells(html, 14)[6]!)).toBe('周六 12月5日 周日 12月6日')
  })

  it('strikes through a session cancelled in chat, with its reason', async () => {
    await importSeed()
    const [reply] = await web.say('/取消 3 11月16日 专家临时有事')
    expect(reply).toContain('这次取消')
    const html = (await admin.get('/console/term')).body
    const monday = cells(html, 12)[1]!
    expect(text(monday)).toBe('11月16日 13:30 常态化的教研联动 0人 （本次取消：专家临时有事）')
    expect(monday).toMatch(/<del class="cancelled">[\s\S]*常态化的教研联动[\s\S]*<\/del>/)
    expect(cells(html, 14)[1]).not.toContain('<del')
  })
})

describe('filters and other semesters', () => {
  it('narrows to one subject, or one school, with the options taken from the term\'s activities', async () => {
    await importSeed()
    const all = (await admin.get('/console/term')).body
    expect(text(all.match(/<select name="subject">[\s\S]*?<\/select>/)![0])).toBe('全部 中小学道德与法治 中小学语文 中学史地')
    expect(text(all.match(/<select name="school">[\s\S]*?<\/select>/)![0])).toBe('全部 西渡学校 育秀实验学校 肇文学校')
    expect(all).toContain('<label>学科')

    const subject = (await admin.get(`/console/term?subject=${encodeURIComponent('中小学语文')}`)).body
    expect(subject).toContain('<option selected>中小学语文</option>')
    expect(text(subject)).toContain('只列出：中小学语文')
    expect(text(weekRows(subject, 4).note!)).toContain('主题式联合教研活动')
    expect(subject).not.toContain('常态化的教研联动')
    expect(subject).not.toContain('集团内教学视导')
    expect(weekRows(subject, 8).note).toBeNull()

    // "育秀实验学校、肇文学校" hosts at both schools.
    const school = text((await admin.get(`/console/term?school=${encodeURIComponent('肇文学校')}`)).body)
    expect(school).toContain('中小学毕业班专题研讨')
    expect(school).toContain('集团内教学视导 10月')
    expect(school).not.toContain('强校工程推进专题研讨')
  })

  it('narrows to one workshop\'s sessions', async () => {
    await importSeed()
    await web.say('/工作室 创建 数学名师工作室 导师 王佩红')
    await web.say('/排期 9月16日下午 数学沙龙 工作室1')
    const all = (await admin.get('/console/term')).body
    expect(text(all.match(/<select name="workshop">[\s\S]*?<\/select>/)![0])).toBe('全部 数学名师工作室')
    const html = (await admin.get('/console/term?workshop=1')).body
    expect(html).toContain('<option value="1" selected>数学名师工作室</option>')
    expect(text(cells(html, 3)[3]!)).toBe('9月16日 13:30 数学沙龙 0人')
    expect(html).not.toContain('常态化的教研联动')
  })

  it('says a filter the term does not hold is ignored, and shows the whole term', async () => {
    await importSeed()
    const html = (await admin.get(`/console/term?subject=${encodeURIComponent('<b>化学</b>')}&workshop=abc`)).body
    expect(html).toContain('筛选条件「&lt;b&gt;化学&lt;/b&gt;」在这个学期的活动中没有，已忽略。')
    expect(html).toContain('筛选条件「abc」在这个学期的活动中没有，已忽略。')
    expect(html).toContain('常态化的教研联动')
    const long = (await admin.get(`/console/term?school=${'学'.repeat(500)}`)).body
    expect(long).toContain(`筛选条件「${'学'.repeat(40)}」`)
    expect(long).not.toContain('学'.repeat(41))
  })

  it('picks another of the district\'s semesters with ?term=, listed in a select', async () => {
    await importSeed()
    await web.say('/学期 2027-02-22 2027-07-02 第二学期')
    const first = (await admin.get('/console/term')).body
    expect(text(first.match(/<select name="term">[\s\S]*?<\/select>/)![0])).toBe('第一学期（2026-09-01 至 2027-01-22）（当前） 第二学期（2027-02-22 至 2027-07-02）')
    const second = (await admin.get('/console/term?term=2')).body
    expect(text(second)).toContain('示范学区 第二学期行事历')
    expect(text(second)).toContain('2027-02-22 至 2027-07-02，共 19 周')
    expect(text(cells(second, 1)[0]!)).toBe('第1周 2月22日-28日')
    expect(text(second)).toContain('这个学期还没有安排活动。')
    expect(second).toContain('<option value="2" selected>')
  })
})

describe('the print view', () => {
  it('is linked from the page and lays out the grid without the menu, headed by the district and semester', async () => {
    await importSeed()
    const page = (await admin.get(`/console/term?subject=${encodeURIComponent('中学史地')}`)).body
    const href = page.match(/<a class="button" href="([^"]+)">打印视图<\/a>/)![1]!.replace(/&amp;/g, '&')
    expect(href).toBe(`/console/term?term=1&subject=${encodeURIComponent('中学史地')}&print=1`)
    const res = await admin.get(href)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<body class="print">')
    expect(res.body).not.toContain('<header class="top">')
    expect(res.body).not.toContain('<form method="get"')
    expect(text(res.body)).toContain('示范学区 第一学期行事历 2026-09-01 至 2027-01-22，共 21 周 · 只列出：中学史地')
    expect(text(weekRows(res.body, 12).note!)).toContain('主题式联合教研活动')
    expect(res.body).toContain('id="week-21"')
  })
})

describe('who may see it', () => {
  it('asks a district without a semester to send /学期 in chat', async () => {
    const res = await admin.get('/console/term')
    expect(res.statusCode).toBe(200)
    expect(text(res.body)).toContain('还没有设置学期，行事历无从排起。请管理员在学区群里发送 /学期，例如：/学期 2026-09-01 2027-01-22 第一学期')
    expect((await admin.get('/console/term?print=1')).statusCode).toBe(200)
  })

  it('refuses the signed out (401) and a teacher (403); an organizer sees it', async () => {
    await importSeed()
    expect((await web.fastify.inject({ method: 'GET', url: '/console/term' })).statusCode).toBe(401)
    await bindAsAdmin(web, group, '李主任', 'li')
    await web.say('/活动', { ...group, as: '王芳', id: 'wf' })
    await web.say('/活动', { ...group, as: '周敏', id: 'zm' })
    expect(await web.say('/授权 @周敏 组织者', { ...group, as: '李主任', id: 'li', mentions: [{ id: 'zm', name: '周敏' }] })).toEqual(['已授予 周敏「组织者」角色。'])
    const teacher = await web.login({ ...group, as: '王芳', id: 'wf', chat: 'dm-wf', direct: true })
    const refused = await teacher.get('/console/term')
    expect(refused.statusCode).toBe(403)
    expect(refused.body).not.toContain('常态化的教研联动')
    const organizer = await web.login({ ...group, as: '周敏', id: 'zm', chat: 'dm-zm', direct: true })
    const seen = await organizer.get('/console/term')
    expect(seen.statusCode).toBe(200)
    expect(seen.body).toContain('常态化的教研联动')
  })

  it('answers 404 for a semester id that is not the district\'s, never showing another district\'s term', async () => {
    await importSeed()
    const code = await web.app.db.claimCode.create({ data: { code: 'ABCD-EFGH' } })
    const other = { platform: 'wechat' as const, chat: 'other-room', title: '别的学区群', as: '陈主任', id: 'wx-chen' }
    await web.say(`/认领 ${code.code} 别的学区`, other)
    await web.say('/学期 2026-09-01 2027-01-22 秋季学期', other)
    await web.say('/排期 9月8日下午 别区的秘密教研', other)
    const theirs = await web.app.db.semester.findFirstOrThrow({ where: { name: '秋季学期' } })
    for (const term of [String(theirs.id), '999', 'abc', '1e3']) {
      const res = await admin.get(`/console/term?term=${term}`)
      expect([term, res.statusCode]).toEqual([term, 404])
      expect(res.body).not.toContain('秋季学期')
    }
    const own = (await admin.get('/console/term')).body
    expect(own).not.toContain('秋季学期')
    expect(own).not.toContain('别区的秘密教研')
    const otherAdmin = await web.login({ ...other, chat: 'dm-chen', direct: true })
    const theirPage = (await otherAdmin.get('/console/term')).body
    expect(text(theirPage)).toContain('别的学区 秋季学期行事历')
    expect(theirPage).toContain('别区的秘密教研')
    expect(theirPage).not.toContain('常态化的教研联动')
    expect((await otherAdmin.get('/console/term?term=1')).statusCode).toBe(404)
  })
})
