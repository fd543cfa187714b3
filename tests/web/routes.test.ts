/**
 * Every route of the console, found as it is registered (a route without a
 * guard does not even start): signed out it is refused 401; a teacher is
 * refused 403 on every route but the members' own, a mentor on every staff
 * or admin route, an organizer on every admin route; a form posted without
 * its CSRF token is refused 403 and changes nothing; and the menu offers
 * each member exactly the pages that open for them. Through fastify.inject
 * on the real app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Access } from '../../src/web/access.ts'
import { consoleRoutes } from '../../src/web/index.ts'
import { bindAsAdmin } from '../helpers/harness.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'

let web: WebHarness
let teacher: WebSession
let organizer: WebSession
let mentor: WebSession
let admin: WebSession
const group = { platform: 'wechat' as const, chat: 'g1', title: '语文组' }

beforeAll(async () => {
  web = await createWebHarness('2026-11-30T09:00:00+08:00')
  await bindAsAdmin(web, group, '李主任', 'li')
  await web.say('/活动', { ...group, as: '王芳', id: 'wf' })
  await web.say('/活动', { ...group, as: '周敏', id: 'zm' })
  await web.say('/活动', { ...group, as: '吴静', id: 'wj' })
  expect(await web.say('/授权 @周敏 组织者', { ...group, as: '李主任', id: 'li', mentions: [{ id: 'zm', name: '周敏' }] })).toEqual(['已授予 周敏「组织者」角色。'])
  expect(await web.say('/授权 @吴静 导师', { ...group, as: '李主任', id: 'li', mentions: [{ id: 'wj', name: '吴静' }] })).toEqual(['已授予 吴静「导师」角色。'])
  admin = await web.login()
  teacher = await web.login({ ...group, as: '王芳', id: 'wf', chat: 'dm-wf', direct: true })
  organizer = await web.login({ ...group, as: '周敏', id: 'zm', chat: 'dm-zm', direct: true })
  mentor = await web.login({ ...group, as: '吴静', id: 'wj', chat: 'dm-wj', direct: true })
})

/** Who is refused (403) on a route of each access: every access but 'member' refuses someone. */
const REFUSED: Record<Access, readonly string[]> = {
  member: [],
  staffOrMentor: ['teacher'],
  staff: ['teacher', 'mentor'],
  admin: ['teacher', 'mentor', 'organizer'],
}
const sessions = () => ({ teacher, mentor, organizer, admin })
afterAll(async () => web.close())

/** A route's URL with its parameters filled in (an id that exists or not: the guard runs first). */
const fill = (url: string) => url.replace(/:[A-Za-z]+/g, '1').replace(/\*$/, 'x')

/** What a route's refusal leaves in the database: the rows a change would touch. */
async function snapshot() {
  const db = web.app.db
  return JSON.stringify(await Promise.all([db.activity.findMany(), db.occurrence.findMany(), db.memberRole.findMany(), db.signup.findMany(), db.answer.findMany()]))
}

describe('every console route', () => {
  it('is declared with a guard, and there are pages of every access', () => {
    const routes = consoleRoutes(web.fastify)
    expect(routes.length).toBeGreaterThan(0)
    expect([...new Set(routes.map((r) => r.access))].sort()).toEqual(Object.keys(REFUSED).sort())
  })

  it('lets in everyone a page does not refuse (the refusals below are of the right people)', async () => {
    const gets = consoleRoutes(web.fastify).filter((r) => r.access !== 'member' && r.method === 'GET' && !r.url.includes(':'))
    expect(gets.map((r) => r.access)).toContain('staffOrMentor')
    for (const route of gets) {
      for (const [who, session] of Object.entries(sessions())) {
        if (REFUSED[route.access].includes(who)) continue
        expect([who, route.url, (await session.get(route.url)).statusCode]).toEqual([who, route.url, 200])
      }
    }
  })

  it('offers each member in the menu exactly the pages that open for them', async () => {
    const gets = consoleRoutes(web.fastify).filter((r) => r.method === 'GET' && !r.url.includes(':'))
    for (const [who, session] of Object.entries(sessions())) {
      const nav = /<nav>([\s\S]*?)<\/nav>/.exec((await session.get('/console/me')).body)?.[1] ?? ''
      const offered = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)
      expect(offered.length).toBeGreaterThan(0)
      for (const url of offered) expect([who, url, (await session.get(url)).statusCode]).toEqual([who, url, 200])
      for (const route of gets.filter((r) => REFUSED[r.access].includes(who))) expect([who, route.url, offered.includes(route.url)]).toEqual([who, route.url, false])
    }
    expect((await mentor.get('/console/me')).body).toContain('href="/console/workshops"')
    expect((await teacher.get('/console/me')).body).not.toContain('href="/console/workshops"')
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

  it('refuses with 403 a teacher on every route but the members\' own, a mentor on every staff and admin route, an organizer on every admin route', async () => {
    const before = await snapshot()
    for (const route of consoleRoutes(web.fastify)) {
      const url = fill(route.url)
      const as = async (s: WebSession) => (route.method === 'GET' ? s.get(url) : s.post(url, {}, '/console/me'))
      for (const who of REFUSED[route.access]) {
        const session = sessions()[who as keyof ReturnType<typeof sessions>]
        expect([who, route.method, route.url, (await as(session)).statusCode]).toEqual([who, route.method, route.url, 403])
      }
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
