/**
 * Who may open the 活动 pages and use their forms: signed out 401, a teacher
 * 403, on every route; an activity, session or leave of another district (or
 * none) the same 404; an organizer acting on someone else's activity is
 * refused by the command itself; a form without its CSRF token 403. None of
 * these changes anything or tells any group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { texts } from '../../src/core/texts/index.ts'
import type { WebHarness, WebSession } from '../helpers/web.ts'
import { ADMIN, GROUP, ORGANIZER, TEACHER, activityFixture, flashOf, snapshot, textOf } from './activity-fixture.ts'

let web: WebHarness
let sessions: Map<string, number>
let admin: WebSession
let otherDistrictActivity: number
let otherDistrictSession: number
let leaveId: number

beforeAll(async () => {
  ;({ web, sessions } = await activityFixture())
  const room = { platform: 'wechat' as const, chat: 'room2', as: '张主任', id: 'zz', title: '集团群' }
  await web.say(`/认领 ${web.app.claimCode} 育秀教育集团`, room)
  const [scheduled] = await web.say('/排期 12月10日下午 集团教研', room)
  otherDistrictActivity = Number(/已安排 #(\d+)/.exec(scheduled!)![1])
  otherDistrictSession = (await web.app.db.occurrence.findFirstOrThrow({ where: { activityId: otherDistrictActivity } })).id
  await web.say('/设置 2 请假审批')
  await web.say('/报名 2', { as: '王芳' })
  await web.say('/请假 2 外出培训', { as: '王芳' })
  leaveId = (await web.app.db.leave.findFirstOrThrow({ where: { activityId: 2 } })).id
  web.setNow('2026-11-10T09:00:00+08:00')
  admin = await web.login(ADMIN)
})
afterAll(async () => web.close())

/** Every route of the pages, for an activity, a session and a leave of it, with a form each would take. */
function routes(activity: number, sessionId: number, leave: number): { method: 'GET' | 'POST'; url: string; form?: Record<string, string> }[] {
  const base = `/console/activities/${activity}`
  return [
    { method: 'GET', url: '/console/activities' },
    { method: 'GET', url: base },
    { method: 'POST', url: `${base}/sessions/${sessionId}/cancel`, form: { reason: '有事' } },
    { method: 'POST', url: `${base}/sessions/${sessionId}/move`, form: { date: '2026-12-17', time: '14:00' } },
    { method: 'POST', url: `${base}/sessions/${sessionId}/restore` },
    { method: 'POST', url: `${base}/signup`, form: { name: '赵丽' } },
    { method: 'POST', url: `${base}/attendance`, form: { session: String(sessionId), name: '王芳', mark: 'present' } },
    { method: 'POST', url: `${base}/leaves/${leave}/approve` },
    { method: 'POST', url: `${base}/leaves/${leave}/refuse`, form: { reason: '考核课' } },
    { method: 'POST', url: `${base}/settings`, form: { place: '报告厅', subject: '', capacity: '', host: '', presenter: '', hours: '', level: 'district' } },
    { method: 'POST', url: `${base}/cancel`, form: { confirm: '1', reason: '有事' } },
    { method: 'POST', url: `${base}/restore` },
  ]
}

const ownRoutes = () => routes(1, sessions.get('2026-11-16')!, leaveId)

/** Sends a route's request as the session (its form with the CSRF token), or with no cookie at all. */
function send(session: WebSession | null, route: ReturnType<typeof routes>[number], from = '/console/me') {
  if (route.method === 'GET') return session ? session.get(route.url) : web.fastify.inject({ method: 'GET', url: route.url })
  if (session) return session.post(route.url, route.form ?? {}, from)
  return web.fastify.inject({ method: 'POST', url: route.url, payload: new URLSearchParams(route.form ?? {}).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
}

describe('every route of the 活动 pages', () => {
  it('refuses a visitor without a session with 401', async () => {
    const before = await snapshot(web)
    for (const route of ownRoutes()) {
      const res = await send(null, route)
      expect([route.url, res.statusCode]).toEqual([route.url, 401])
      expect(textOf(res.body)).toContain(texts.web.login.needed)
    }
    expect(await snapshot(web)).toBe(before)
  })

  it('refuses a teacher with 403, GET and POST alike', async () => {
    const teacher = await web.login(TEACHER)
    const before = await snapshot(web)
    const sent = web.sent.length
    for (const route of ownRoutes()) {
      const res = await send(teacher, route)
      expect([route.method, route.url, res.statusCode]).toEqual([route.method, route.url, 403])
      expect(textOf(res.body)).toContain(texts.web.refused.forbidden)
    }
    expect(await snapshot(web)).toBe(before)
    expect(web.sent.length).toBe(sent)
  })

  it('answers an activity of another district with the same 404 as one that does not exist, and runs nothing', async () => {
    const before = await snapshot(web)
    const sent = web.sent.length
    const missing = await admin.get('/console/activities/999')
    expect(missing.statusCode).toBe(404)
    for (const route of [...routes(otherDistrictActivity, otherDistrictSession, leaveId), ...routes(999, 1, 1)].filter((r) => r.url !== '/console/activities')) {
      const res = await send(admin, route, '/console/activities')
      expect([route.method, route.url, res.statusCode]).toEqual([route.method, route.url, 404])
      expect(res.body).toBe(missing.body.replace(/name="_csrf" value="[^"]+"/, res.body.match(/name="_csrf" value="[^"]+"/)?.[0] ?? ''))
    }
    expect(await snapshot(web)).toBe(before)
    expect(web.sent.length).toBe(sent)
  })

  it('answers a session or a 请假 of another activity with 404', async () => {
    const before = await snapshot(web)
    const two = (await web.app.db.occurrence.findFirstOrThrow({ where: { activityId: 2 } })).id
    for (const action of ['cancel', 'move', 'restore']) {
      expect((await admin.post(`/console/activities/1/sessions/${two}/${action}`, { date: '2026-12-17' }, '/console/activities')).statusCode).toBe(404)
      expect((await admin.post(`/console/activities/1/sessions/${otherDistrictSession}/${action}`, { date: '2026-12-17' }, '/console/activities')).statusCode).toBe(404)
    }
    expect((await admin.post(`/console/activities/1/leaves/${leaveId}/approve`, {}, '/console/activities')).statusCode).toBe(404)
    expect((await admin.post(`/console/activities/1/sessions/x/cancel`, {}, '/console/activities')).statusCode).toBe(404)
    expect(await snapshot(web)).toBe(before)
  })

  it('refuses a form posted without its CSRF token with 403', async () => {
    const before = await snapshot(web)
    for (const route of ownRoutes().filter((r) => r.method === 'POST')) {
      const res = await web.fastify.inject({
        method: 'POST', url: route.url, cookies: admin.cookies,
        payload: new URLSearchParams(route.form ?? {}).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      expect([route.url, res.statusCode]).toEqual([route.url, 403])
      expect(textOf(res.body)).toContain(texts.web.refused.csrf)
    }
    expect(await snapshot(web)).toBe(before)
  })
})

describe('an organizer on an activity someone else organizes', () => {
  it('sees the page, and each change is refused by the command with its own sentence, changing nothing', async () => {
    const organizer = await web.login(ORGANIZER)
    expect((await organizer.get('/console/activities/1')).statusCode).toBe(200)
    const before = await snapshot(web)
    const sent = web.sent.length
    // 代报名 is any organizer's to do, as in chat; every other change is the activity's organizer's or an admin's.
    for (const route of ownRoutes().filter((r) => r.method === 'POST' && !r.url.endsWith('/signup'))) {
      const leave = route.url.includes('/leaves/')
      const url = leave ? route.url.replace('/activities/1/', '/activities/2/') : route.url
      const res = await organizer.post(url, route.form ?? {}, '/console/activities/1')
      expect(res.statusCode).toBe(303)
      const said = route.url.endsWith('/attendance') ? texts.checkin.onlyOrganizers('1') : texts.activity.notOwner
      expect([url, await flashOf(organizer, leave ? 2 : 1)]).toEqual([url, `未完成 ${said}`])
    }
    expect(await snapshot(web)).toBe(before)
    expect(web.sent.length).toBe(sent)
  })

  it('is shown only the forms its commands accept (代报名), and one sentence saying who may change it; its own activity shows them all', async () => {
    const organizer = await web.login(ORGANIZER)
    const actions = (html: string) => [...html.matchAll(/<form method="post" action="\/console\/activities\/\d+([^"]*)"/g)].map((m) => m[1]!.replace(/\d+/g, 'N'))
    const others = await organizer.get('/console/activities/1')
    expect(actions(others.body)).toEqual(['/signup'])
    expect(textOf(others.body)).toContain(texts.webActivity.othersActivity('我'))
    // The admin, who may change it, is shown every form and no such sentence.
    const asAdmin = await admin.get('/console/activities/1')
    expect(new Set(actions(asAdmin.body))).toEqual(new Set(['/sessions/N/cancel', '/sessions/N/move', '/signup', '/attendance', '/settings', '/cancel']))
    expect(textOf(asAdmin.body)).not.toContain(texts.webActivity.othersActivity('我'))
    // 准假 of a pending 请假: for the admin, not for an organizer of another activity (who sees no names at all).
    expect(actions((await admin.get('/console/activities/2')).body)).toContain('/leaves/N/approve')
    expect(actions((await organizer.get('/console/activities/2')).body)).not.toContain('/leaves/N/approve')
    // The organizer's own activity: every form, and the command takes what they send.
    const [scheduled] = await web.say('/排期 12月10日下午 周敏的教研', { ...GROUP, as: '周敏', id: 'zm' })
    const own = Number(/已安排 #(\d+)/.exec(scheduled!)![1])
    const page = await organizer.get(`/console/activities/${own}`)
    expect(actions(page.body)).toEqual(['/sessions/N/move', '/signup', '/attendance', '/settings', '/cancel'])
    expect(textOf(page.body)).not.toContain('只有它的组织者')
    expect((await organizer.post(`/console/activities/${own}/settings`, { place: '报告厅', subject: '', capacity: '', host: '', presenter: '', hours: '', level: 'district' }, `/console/activities/${own}`)).statusCode).toBe(303)
    expect(await flashOf(organizer, own)).toContain('报告厅')
  })
})
