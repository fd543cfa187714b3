/**
 * The district the activity pages are tested on, set up in chat as an office
 * would: a term, a weekly series (#1) and a one-off with two places (#2),
 * teachers signed up in the console group, an admin (李主任) and an
 * organizer (周敏) on WeChat with their own direct chats, a teacher (陈静)
 * who spoke in the WeChat group. Sessions of #1 (双周一下午, 13:30): 9月7日,
 * 9月21日, 10月5日 (国庆节, paused), 10月19日, 11月2日, 11月16日, 11月30日,
 * 12月14日, 12月28日, 2027年1月11日.
 */
import { bindAsAdmin } from '../helpers/harness.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'

export const GROUP = { platform: 'wechat' as const, chat: 'g1', title: '语文组' }
export const ADMIN = { ...GROUP, as: '李主任', id: 'li', chat: 'dm-li', direct: true }
export const ORGANIZER = { ...GROUP, as: '周敏', id: 'zm', chat: 'dm-zm', direct: true }
export const TEACHER = { ...GROUP, as: '陈静', id: 'cj', chat: 'dm-cj', direct: true }

export interface Fixture {
  web: WebHarness
  /** The sessions of #1 by date (YYYY-MM-DD) → occurrence id. */
  sessions: Map<string, number>
}

export async function activityFixture(): Promise<Fixture> {
  const web = await createWebHarness('2026-09-01T09:00:00+08:00')
  await web.say('/学期 2026-09-01 2027-01-22 第一学期')
  await web.say('/排期 双周一下午 常态化联合教研 语文')
  await web.say('/排期 12月3日下午 名师讲堂 名额2')
  await web.say('/报名 1', { as: '王芳' })
  await web.say('/报名 1', { as: '李明' })
  await bindAsAdmin(web, GROUP, '李主任', 'li')
  await web.say('/活动', { ...GROUP, as: '陈静', id: 'cj' })
  await web.say('/活动', { ...GROUP, as: '周敏', id: 'zm' })
  await web.say('/授权 @周敏 组织者', { ...GROUP, as: '李主任', id: 'li', mentions: [{ id: 'zm', name: '周敏' }] })
  const rows = await web.app.db.occurrence.findMany({ where: { activityId: 1 } })
  return { web, sessions: new Map(rows.map((o) => [o.date, o.id])) }
}

/** A page's text as a person reads it: tags dropped, spaces folded. */
export function textOf(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ')
}

/** What the last action said, as shown at the top of the page the browser was sent back to. */
export async function flashOf(session: WebSession, id: number): Promise<string> {
  const page = await session.get(`/console/activities/${id}`)
  return textOf(/<div class="flash[\s\S]*?<\/div>/.exec(page.body)?.[0] ?? '').trim()
}

/** Everything a refused action must leave as it was. */
export async function snapshot(web: WebHarness): Promise<string> {
  const db = web.app.db
  return JSON.stringify(await Promise.all([
    db.activity.findMany({ orderBy: { id: 'asc' } }), db.occurrence.findMany({ orderBy: { id: 'asc' } }), db.signup.findMany({ orderBy: { id: 'asc' } }),
    db.leave.findMany({ orderBy: { id: 'asc' } }), db.attendance.findMany({ orderBy: { id: 'asc' } }),
  ]))
}
