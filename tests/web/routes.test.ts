/**
 * Every route of the console, found as it is registered (a route without a
 * guard does not even start): signed out it is refused 401, a teacher is
 * refused 403 on every staff or admin route, an organizer on every admin
 * route, and a form posted without its CSRF token is refused 403 and
 * changes nothing. Through fastify.inject on the real app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleRoutes } from '../../src/web/index.ts'
import { bindAsAdmin } from '../helpers/harness.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'

let web: WebHarness
let teacher: WebSession
let organizer: WebSession
let admin: WebSession
const group = { platform: 'wechat' as const, chat: 'g1', title: '语文组' }

beforeAll(async () => {
  web = await createWebHarness('2026-11-30T09:00:00+08:00')
  await bindAsAdmin(web, group, '李主任', 'li')
  await web.say('/活动', { ...group, as: '王芳', id: 'wf' })
  await web.say('/活动', { ...group, as: '周敏', id: 'zm' })
  expect(await web.say('/授权 @周敏 组织者', { ...group, as: '李主任', id: 'li', mentions: [{ id: 'zm', name: '周敏' }] })).toEqual(['已授予 周敏「组织者」角色。'])
  admin = await web.login()
  teacher = await web.login({ ...group, as: '王芳', id: 'wf', chat: 'dm-wf', direct: true })
  organizer = await web.login({ ...group, as: '周敏', id: 'zm', chat: 'dm-zm', direct: true })
})
afterAll(async () => web.close())

/** A route's URL with its parameters filled in (an id that exists or not: the guard runs first). */
const fill = (url: string) => url.replace(/:[A-Za-z]+/g, '1').replace(/\*$/, 'x')

/** What a route's refusal leaves in the database: the rows a change would touch. */
async function snapshot() {
  const db = web.app.db
  return JSON.stringify(await Promise.all([db.activity.findMany(), db.occurrence.findMany(), db.memberRole.findMany(), db.signup.findMany(), db.answer.findMany()]))
}

describe('every console route', () => {
  it('is declared with a guard, and there are pages for staff, admins and every member', () => {
    const routes = consoleRoutes(web.fastify)
    expect(routes.length).toBeGreaterThan(0)
    expect(new Set(routes.map((r) => r.access))).toContain('staff')
  })

  it('lets the organizer open the staff pages (the refusals below are of the right people)', async () => {
    const staffGets = consoleRoutes(web.fastify).filter((r) => r.access === 'staff' && r.method === 'GET' && !r.url.includes(':'))
    expect(staffGets.length).toBeGreaterThan(0)
    for (const route of staffGets) expect([route.url, (await organizer.get(route.url)).statusCode]).toEqual([route.url, 200])
  })

  it('refuses a visitor without a session with 401, and changes nothing', async () => {
    const before = await snapshot()
    for (const route of consoleRoutes(web.fastify)) {
      const res = await web.fastify.inject({ method: route.method as 'GET', url: fill(route.url) })
      expect([route.method, route.url, res.statusCode]).toEqual([route.method, route.url, 401])
      expect(res.body).toContain('/后台')
    }
    expect(await snapshot()).toBe(before)
  })

  it('refuses a teacher on every staff and admin route with 403, and an organizer on every admin route', async () => {
    const before = await snapshot()
    for (const route of consoleRoutes(web.fastify)) {
      const url = fill(route.url)
      const as = async (s: WebSession) => (route.method === 'GET' ? s.get(url) : s.post(url, {}, '/console/me'))
      if (route.access !== 'member') expect([route.method, route.url, (await as(teacher)).statusCode]).toEqual([route.method, route.url, 403])
      if (route.access === 'admin') expect([route.method, route.url, (await as(organizer)).statusCode]).toEqual([route.method, route.url, 403])
    }
    expect(await snapshot()).toBe(before)
  })

  it('refuses a form posted without its CSRF token with 403, even from an admin, and changes nothing', async () => {
    const before = await snapshot()
    for (const route of consoleRoutes(web.fastify).filter((r) => r.method === 'POST')) {
      const res = await web.fastify.inject({
        method: 'POST', url: fill(route.url), cookies: admin.cookies, payload: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      expect([route.url, res.statusCode]).toEqual([route.url, 403])
      expect(res.body).toContain('页面已过期')
    }
    expect(await snapshot()).toBe(before)
  })
})
