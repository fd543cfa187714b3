/**
 * The console driven as a clerk drives it, in Debian's Chromium: log in with
 * the link the console group's /后台 gives; read the term grid of seed 004's
 * imported 行事历; cancel and restore one session of a series and see the
 * console group told; grant a role; download the term archive and read it
 * back; and the refusals (a used or expired link, another district's
 * activity in the address, a teacher on an admin page). Screenshots of the
 * main pages go to screenshots/ (tests/helpers/browser.ts).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/console-process.ts'
import { launchBrowser, screenshot } from '../helpers/browser.ts'
import { importFile } from '../helpers/import-files.ts'
import { readZip } from '../helpers/read-zip.ts'
import { createWebHarness, type WebHarness } from '../helpers/web.ts'

const PLAN = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed004-plan.txt'))
let browser: Browser
let web: WebHarness
let admin: BrowserContext
let page: Page
let seriesId: number
/** What the pages raised: console errors (a Content-Security-Policy violation is one) and uncaught exceptions. */
const pageErrors: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  web = await createWebHarness('2026-09-01T08:00:00+08:00')
  await web.say('/学期 2026-09-01 2027-01-22 第一学期')
  const { done } = await importFile(web, 'seed004.txt', PLAN)
  expect(done).toContain('完成：创建 21 项')
  seriesId = (await web.app.db.activity.findFirstOrThrow({ where: { title: '常态化的教研联动' } })).id
  await web.say('/我是 王老师 育秀实验学校 语文', { as: '王老师' })
  await web.say('/我是 赵老师 肇文学校 数学', { as: '赵老师' })
  await web.say(`/报名 ${seriesId}`, { as: '王老师' })
  await web.say(`/报名 ${seriesId}`, { as: '赵老师' })
  // Late in the term: the series has held sessions, the term archive has records.
  web.setNow('2026-11-20T09:00:00+08:00')
  admin = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
  page = await admin.newPage()
  page.on('console', (m) => void (m.type() === 'error' && pageErrors.push(`${page.url()}: ${m.text()}`)))
  page.on('pageerror', (e) => void pageErrors.push(`${page.url()}: ${e.message}`))
})
afterAll(async () => {
  await browser.close()
  await web.close()
})

const shows = async (text: string, on: Page = page) => expect(await on.getByText(text, { exact: false }).count()).toBeGreaterThan(0)

describe('the web console in Chromium', () => {
  it('logs in with the link the console group gives, and shows the term grid of seed 004', async () => {
    const link = await web.urlFor()
    await page.goto(link)
    await page.getByRole('button', { name: '进入后台' }).click()
    await page.waitForURL(/\/console\/term/)
    await shows('第1周')
    await shows('第21周')
    await shows('常态化的教研联动')
    await shows('国庆节')
    await screenshot(page, '10-term')
    await page.goto(`${web.base}/console/term?print=1`)
    await screenshot(page, '11-term-print')
    // The link is spent: opened again, it says so and logs nobody in.
    const other = await browser.newPage()
    await other.goto(link)
    await shows('已经用过', other)
    await other.close()
  })

  it('cancels one session of the series and restores it; the console group is told each time, the rest of the series stands', async () => {
    await page.goto(`${web.base}/console/activities/${seriesId}`)
    await screenshot(page, '20-activity')
    const row = page.getByRole('row').filter({ hasText: '11月30日' })
    await row.getByLabel('原因（可不填）').fill('专家临时有事')
    let before = web.sent.length
    await row.getByRole('button', { name: '取消这一次' }).click()
    await page.waitForLoadState()
    await shows('已完成')
    const told = web.sent.slice(before).filter((m) => m.chat.platform === 'console')
    expect(told.map((m) => m.text).join('\n')).toContain('11月30日')
    expect(told.map((m) => m.text).join('\n')).toContain('专家临时有事')
    const sessions = await web.app.db.occurrence.findMany({ where: { activityId: seriesId }, orderBy: { date: 'asc' } })
    expect(sessions.filter((o) => o.cancelled).map((o) => o.date)).toEqual(['2026-11-30'])
    expect((await web.app.db.activity.findUniqueOrThrow({ where: { id: seriesId } })).status).toBe('scheduled')

    before = web.sent.length
    await page.getByRole('row').filter({ hasText: '11月30日' }).getByRole('button', { name: '恢复' }).click()
    await page.waitForLoadState()
    await shows('已完成')
    expect(web.sent.slice(before).filter((m) => m.chat.platform === 'console').map((m) => m.text).join('\n')).toContain('11月30日')
    const after = await web.app.db.occurrence.findFirstOrThrow({ where: { activityId: seriesId, date: '2026-11-30' } })
    expect([after.cancelled, after.skipReason]).toEqual([false, null])
  })

  it('grants a role on a member\'s page', async () => {
    await page.goto(`${web.base}/console/members`)
    await screenshot(page, '30-members')
    await page.getByRole('link', { name: '王老师' }).click()
    await page.getByLabel('授予角色').selectOption({ label: '组织者' })
    await page.getByRole('button', { name: '授予' }).click()
    await page.waitForLoadState()
    await shows('已授予 王老师「组织者」角色。')
    const member = await web.app.db.account.findFirstOrThrow({ where: { platform: 'console', displayName: '王老师' } })
    expect((await web.app.db.memberRole.findMany({ where: { memberId: member.memberId } })).map((r) => r.role)).toEqual(['organizer'])
    await screenshot(page, '31-member')
  })

  it('shows the statistics (charts drawn, a tooltip on hover), the workshops and the files pages, with no error or policy violation', async () => {
    for (const [where, name] of [['stats', '40-stats'], ['workshops', '50-workshops'], ['files', '60-files'], ['activities', '21-activities']] as const) {
      await page.goto(`${web.base}/console/${where}`)
      expect(await page.locator('h1').count()).toBeGreaterThan(0)
      if (where === 'stats') {
        await page.locator('.chart canvas').first().waitFor()
        expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(3)
        const box = (await page.locator('.chart').first().boundingBox())!
        await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.6)
      }
      await screenshot(page, name)
    }
    expect(pageErrors).toEqual([])
  })

  it('fits a phone: no page of the menu is wider than a 390 px screen', async () => {
    const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true })
    const tab = await phone.newPage()
    await tab.goto(await web.urlFor())
    await tab.getByRole('button', { name: '进入后台' }).click()
    await tab.waitForURL(/\/console\/term/)
    for (const where of ['term', 'activities', `activities/${seriesId}`, 'members', 'workshops', 'stats', 'files', 'me']) {
      await tab.goto(`${web.base}/console/${where}`)
      // Wide tables scroll inside their own box; the page itself never does.
      expect([where, await tab.evaluate('document.documentElement.scrollWidth')]).toEqual([where, 390])
    }
    await screenshot(tab, '80-phone-me')
    await phone.close()
  })

  it('imports a 行事历 through the upload form: the preview, then 确认导入', async () => {
    const plan = ['2026学年第一学期期末工作安排', '12月第2周 期末复习研讨 育秀实验学校', '1月8日下午 期末质量分析会 肇文学校'].join('\n')
    await page.goto(`${web.base}/console/files`)
    await page.locator('input[type=file]').setInputFiles({ name: '期末安排.txt', mimeType: 'text/plain', buffer: Buffer.from(plan, 'utf8') })
    await page.getByRole('button', { name: '上传并预览' }).click()
    await page.waitForLoadState()
    await shows('期末复习研讨')
    await shows('期末质量分析会')
    await screenshot(page, '61-import-preview')
    await page.getByRole('button', { name: '确认导入' }).click()
    await page.waitForLoadState()
    await shows('完成：创建 2 项')
    expect(await web.app.db.activity.count({ where: { title: { in: ['期末复习研讨', '期末质量分析会'] } } })).toBe(2)
    expect(pageErrors).toEqual([])
  })

  it('downloads the term archive, a zip holding the workbook and the 记录表 of held sessions', async () => {
    await page.goto(`${web.base}/console/files`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载学期档案' }).click()])
    expect(download.suggestedFilename()).toMatch(/\.zip$/)
    const bytes = readFileSync((await download.path())!)
    const names = [...(await readZip(bytes)).keys()]
    expect(names.some((n) => n.endsWith('.xlsx'))).toBe(true)
    expect(names.some((n) => n.endsWith('.docx') && n.includes('常态化的教研联动'))).toBe(true)
  })

  it('refuses another district\'s activity in the address, and a teacher on an admin page', async () => {
    const room = { platform: 'wechat' as const, chat: 'other-room', title: '二区群' }
    await web.say(`/认领 ${web.app.claimCode} 育秀二区`, { ...room, as: '张主任', id: 'zhang' })
    const [scheduled] = await web.say('/排期 12月3日下午 二区内部教研', { ...room, as: '张主任', id: 'zhang' })
    const otherId = Number(/#(\d+)/.exec(scheduled!)![1])
    await page.goto(`${web.base}/console/activities/${otherId}`)
    await shows('没有找到这一页')
    expect(await page.getByText('二区内部教研').count()).toBe(0)

    const teacher = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true })
    const tab = await teacher.newPage()
    await tab.goto(await web.urlFor({ as: '赵老师', chat: 'dm-zhao', direct: true }))
    await tab.getByRole('button', { name: '进入后台' }).click()
    await tab.waitForURL(/\/console\/me/)
    await screenshot(tab, '70-me')
    await tab.goto(`${web.base}/console/members`)
    await shows('只有管理员', tab)
    await tab.goto(`${web.base}/console/term`)
    await shows('只有管理员或组织者', tab)
    await teacher.close()
  })

  it('refuses a link past its 10 minutes with a page saying to ask the bot again', async () => {
    const link = await web.urlFor()
    web.setNow('2026-11-20T09:20:00+08:00')
    const tab = await browser.newPage()
    await tab.goto(link)
    await shows('已过期', tab)
    await shows('/后台', tab)
    expect(await tab.getByRole('button', { name: '进入后台' }).count()).toBe(0)
    await tab.close()
  })
})
