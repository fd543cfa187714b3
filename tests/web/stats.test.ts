/**
 * /console/stats on the term of tests/helpers/hours-term.ts (#1 联合教研
 * 11月25日 with eight signed up: six came, one on 请假, one absent; #2 and
 * #3 in December, 王芳 alone, who alone gave a school with /我是; #4 held
 * with two signed up and nobody's attendance taken, #5 ahead with 名额30): the four
 * tables, the charts' JSON beside them, the Excel downloads read back, and
 * who may see them.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AFTER_TERM_SESSIONS, seedHoursTerm, TERM_START } from '../helpers/hours-term.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'

let web: WebHarness
let admin: WebSession
let organizer: WebSession
let teacher: WebSession
let page: string

beforeAll(async () => {
  web = await createWebHarness(TERM_START)
  await seedHoursTerm(web)
  // #4 is held without anyone's attendance taken: those signed up stand for who came. #5 is ahead, with 名额.
  await web.say('/排期 12月1日 14:00-16:00 读书沙龙')
  await web.say('/排期 12月10日 14:00-16:00 公开课 名额30')
  for (const who of ['王芳', '赵丽']) await web.say('/报名 4', { as: who })
  await web.say('/报名 5', { as: '周强' })
  await web.say('/授权 @李明 组织者', { mentions: [{ id: '李明', name: '李明' }] })
  web.setNow(AFTER_TERM_SESSIONS)
  admin = await web.login()
  organizer = await web.login({ as: '李明' })
  teacher = await web.login({ as: '赵丽' })
  page = (await admin.get('/console/stats')).body
})
afterAll(async () => web.close())

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

/** A table of the page as its header row and its rows of cell texts. */
function table(html: string, name: string): { columns: string[]; rows: string[][] } {
  const found = new RegExp(`<table id="table-${name}"[^>]*>([\\s\\S]*?)</table>`).exec(html)
  expect(found, name).not.toBeNull()
  const rows = [...found![1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => unescape(c[1]!.trim())))
  return { columns: rows[0]!, rows: rows.slice(1) }
}

function chartJson(html: string, name: string): { categories: string[]; series: { name: string; data: (number | null)[] }[] } {
  const found = new RegExp(`<script type="application/json" id="chart-${name}">([\\s\\S]*?)</script>`).exec(html)
  expect(found, name).not.toBeNull()
  return JSON.parse(found![1]!)
}

const MONTHS = ['9月', '10月', '11月', '12月', '1月']
const HOURS_RANGES = ['0', '0–2', '2–4', '4–6', '6–8', '8–12', '12–16', '16 以上']

describe('the 统计 page of a term', () => {
  it('counts who took part per school and month: those who came to #1, 王芳 at #2 and #3, the two signed up for #4', () => {
    expect(table(page, 'participation')).toEqual({
      columns: ['学校', ...MONTHS, '合计'],
      rows: [
        ['育秀实验学校', '0', '0', '1', '3', '0', '4'],
        ['未填学校', '0', '0', '5', '1', '0', '6'],
        ['合计', '0', '0', '6', '4', '0', '10'],
      ],
    })
    expect(page).toContain('没有任何签到记录的场次按报名')
  })

  it('lists sign-ups per activity, the capacity blank where none was set', async () => {
    const titles = (await web.app.db.activity.findMany({ orderBy: { id: 'asc' } })).map((a) => a.title)
    expect(table(page, 'signups')).toEqual({
      columns: ['活动编号', '活动名称', '已报名', '候补', '名额'],
      rows: [['1', titles[0]!, '8', '0', ''], ['2', titles[1]!, '1', '0', ''], ['3', titles[2]!, '1', '0', ''], ['4', '读书沙龙', '2', '0', ''], ['5', '公开课', '1', '0', '30']],
    })
  })

  it('gives the attendance rate per subject: #1 (语文) 6 of 8, #2 and #3 (no subject) 2 of 2; #4, without attendance taken, not at all', async () => {
    const subjects = (await web.app.db.activity.findMany({ orderBy: { id: 'asc' } })).map((a) => a.subject)
    expect(subjects).toEqual(['语文', null, null, null, null])
    expect(table(page, 'attendance')).toEqual({
      columns: ['学科', '场次', '应到人次', '出席人次', '请假人次', '缺席人次', '出席率（%）'],
      rows: [['语文', '1', '8', '6', '1', '1', '75'], ['未填学科', '2', '2', '2', '0', '0', '100']],
    })
  })

  it('counts teachers per range of 学时 exactly as /学时 全部 reckons each one this term, naming nobody', async () => {
    const hours = table(page, 'hours')
    expect(hours).toEqual({ columns: ['学时', '人数'], rows: HOURS_RANGES.map((r, i) => [r, ['4', '0', '2', '2', '0', '0', '0', '0'][i]!]) })
    const [everyone] = await web.say('/学时 全部', { direct: true, chat: 'dm-me' })
    const terms = [...everyone!.matchAll(/本学期 ([\d.]+)，/g)].map((m) => Number(m[1]))
    expect(terms.sort()).toEqual([0, 0, 0, 0, 2.5, 2.5, 5, 5.5])
    const inRange = (t: number, i: number) => (i === 0 ? t === 0 : t > [0, 0, 2, 4, 6, 8, 12, 16][i]! && (i === 7 || t <= [0, 2, 4, 6, 8, 12, 16][i]!))
    expect(hours.rows.map((_, i) => String(terms.filter((t) => inRange(t, i)).length))).toEqual(hours.rows.map((r) => r[1]))
    const section = page.slice(page.indexOf('id="title-hours"'))
    for (const name of ['王芳', '赵丽', '吴敏', '王佩红']) expect(section).not.toContain(name)
  })

  it('draws each chart from the numbers its table shows, with the scripts loaded as files', () => {
    const participation = table(page, 'participation')
    const p = chartJson(page, 'participation')
    expect(p.categories).toEqual(MONTHS)
    expect(p.series.map((s) => [s.name, ...s.data.map(String)])).toEqual(participation.rows.slice(0, -1).map((r) => r.slice(0, -1)))
    const signups = table(page, 'signups')
    const s = chartJson(page, 'signups')
    expect(s.categories).toEqual(signups.rows.map((r) => `#${r[0]}`))
    expect(s.series.map((x) => x.name)).toEqual(['已报名', '候补', '名额'])
    expect(s.series.map((x) => x.data.map((v) => (v === null ? '' : String(v))))).toEqual([2, 3, 4].map((c) => signups.rows.map((r) => r[c])))
    const a = chartJson(page, 'attendance')
    expect([a.categories, a.series[0]!.data.map(String)]).toEqual([table(page, 'attendance').rows.map((r) => r[0]), table(page, 'attendance').rows.map((r) => r[6])])
    const h = chartJson(page, 'hours')
    expect([h.categories, h.series[0]!.data.map(String)]).toEqual([HOURS_RANGES, table(page, 'hours').rows.map((r) => r[1])])
    expect(page.match(/<div class="chart" data-chart="chart-\w+"/g)).toHaveLength(4)
    expect(page).toContain('<script src="/console/assets/vendor/echarts.min.js" defer></script>')
    expect(page).toContain('<script src="/console/assets/stats.js" defer></script>')
    expect(page).not.toMatch(/<script>|style="/)
  })

  it('keeps a school named like markup inert, in the table and in the JSON block alike', async () => {
    const school = '</script><img src=x onerror=alert(1)>'
    const zhao = await web.app.db.member.findFirstOrThrow({ where: { displayName: '赵丽' } })
    await web.app.db.member.update({ where: { id: zhao.id }, data: { school } })
    try {
      const html = (await admin.get('/console/stats')).body
      expect(html).not.toContain('<img src=x')
      expect(table(html, 'participation').rows.map((r) => r[0])).toContain(school)
      expect(chartJson(html, 'participation').series.map((s) => s.name)).toContain(school)
    } finally {
      await web.app.db.member.update({ where: { id: zhao.id }, data: { school: null } })
    }
  })

  it('serves the chart script and ECharts', async () => {
    const script = await admin.get('/console/assets/stats.js')
    expect([script.statusCode, script.body]).toEqual([200, expect.stringContaining('echarts.init')])
    expect((await admin.get('/console/assets/vendor/echarts.min.js')).statusCode).toBe(200)
  })

  it('downloads each table as an Excel workbook holding exactly its rows and columns, under a Chinese name', async () => {
    const term = await web.app.db.semester.findFirstOrThrow()
    const sheets = { participation: '参加人次', signups: '报名与名额', attendance: '出席率', hours: '学时分布' }
    const titles = { participation: '各校每月参加人次', signups: '各活动报名与名额', attendance: '各学科出席率', hours: '学时分布' }
    for (const [name, sheet] of Object.entries(sheets) as [keyof typeof sheets, string][]) {
      const link = `/console/stats/${name}.xlsx?term=${term.id}`
      expect(page).toContain(`href="${link.replace('&', '&amp;')}"`)
      const res = await admin.get(link)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      const disposition = String(res.headers['content-disposition'])
      expect(disposition).toMatch(/^attachment; filename="[ -~]+"; filename\*=UTF-8''/)
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`示范学区-第一学期-${titles[name]}.xlsx`)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
      const ws = wb.getWorksheet(sheet)!
      expect(wb.worksheets.map((w) => w.name)).toEqual([sheet])
      const rows: string[][] = []
      ws.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => (row.getCell(i + 1).value === null ? '' : String(row.getCell(i + 1).value)))))
      const shown = table(page, name)
      expect(rows).toEqual([shown.columns, ...shown.rows])
    }
  })
})

describe('who sees the 统计', () => {
  it('refuses a visitor without a session (401) and a teacher (403), page and downloads alike', async () => {
    for (const url of ['/console/stats', '/console/stats/hours.xlsx']) {
      expect((await web.fastify.inject({ method: 'GET', url })).statusCode).toBe(401)
      const refused = await teacher.get(url)
      expect(refused.statusCode).toBe(403)
      expect(refused.body).not.toContain('学时分布')
    }
  })

  it("shows an organizer the district's counts, the same tables and no teacher's name", async () => {
    const res = await organizer.get('/console/stats')
    expect(res.statusCode).toBe(200)
    for (const name of ['participation', 'signups', 'attendance', 'hours']) expect(table(res.body, name)).toEqual(table(page, name))
    const main = res.body.slice(res.body.indexOf('<main>'))
    for (const name of ['王芳', '赵丽', '吴敏', '王佩红', '孙丽', '周强']) expect(main).not.toContain(name)
    expect((await organizer.get('/console/stats/signups.xlsx')).statusCode).toBe(200)
  })

  it("answers 404 for another district's term and for a term that is no id, never showing it", async () => {
    const code = await web.app.db.claimCode.create({ data: { code: 'ABCD-EFGH' } })
    const other = { platform: 'wechat' as const, chat: 'other-room', title: '别的学区群', as: '陈主任', id: 'wx-chen' }
    await web.say(`/认领 ${code.code} 别的学区`, other)
    await web.say('/学期 2026-09-01 2027-01-22 秋季学期', other)
    const theirs = await web.app.db.semester.findFirstOrThrow({ where: { name: '秋季学期' } })
    for (const term of [String(theirs.id), '999', 'abc', '1e3']) {
      for (const url of [`/console/stats?term=${term}`, `/console/stats/participation.xlsx?term=${term}`]) {
        const res = await admin.get(url)
        expect([url, res.statusCode]).toEqual([url, 404])
        expect(res.body).not.toContain('秋季学期')
      }
    }
    expect((await admin.get('/console/stats/nothing.xlsx')).statusCode).toBe(404)
    expect(await admin.get('/console/stats').then((r) => r.body)).not.toContain('秋季学期')
  })

  it('says so in a sentence for a term without activities, and offers the terms to choose from', async () => {
    await web.say('/学期 2027-02-22 2027-07-09 第二学期')
    const spring = await web.app.db.semester.findFirstOrThrow({ where: { name: '第二学期' } })
    const res = await admin.get(`/console/stats?term=${spring.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('学期「第二学期」还没有活动，暂无统计。')
    expect(res.body).not.toContain('class="chart"')
    expect(res.body).not.toContain('echarts.min.js')
    expect(res.body).toMatch(/<option value="\d+">第一学期/)
    expect(res.body).toContain(`<option value="${spring.id}" selected>第二学期`)
  })
})

describe('a district without a term', () => {
  it('says how to set one, without a chart', async () => {
    const bare = await createWebHarness('2026-09-01T08:00:00+08:00')
    try {
      const res = await (await bare.login()).get('/console/stats')
      expect(res.statusCode).toBe(200)
      expect(res.body).toContain('还没有设置学期，暂无统计。')
      expect(res.body).not.toContain('class="chart"')
      expect((await (await bare.login()).get('/console/stats/hours.xlsx')).statusCode).toBe(404)
    } finally {
      await bare.close()
    }
  })
})
