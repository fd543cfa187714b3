import ical, { type VEvent } from 'node-ical'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/log.ts'
import { startHttpServer } from '../../src/platforms/http-server.ts'
import { CALENDAR_PATH, calendarRoute } from '../../src/services/feed-route.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'

const PUBLIC_URL = 'https://bot.example.cn'
let h: Harness
let http: Awaited<ReturnType<typeof startHttpServer>>
let base: string

beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00', { PUBLIC_URL })
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  http = await startHttpServer({ port: 0, host: '127.0.0.1', routes: { [CALENDAR_PATH]: calendarRoute(h.app.db) }, log: createLogger('silent') })
  base = `http://127.0.0.1:${http.port}`
})
afterEach(async () => {
  await http.close()
  await h.close()
})

/** The feed at the address the bot gave, fetched from the local server. */
async function fetchFeed(reply: string) {
  const url = new RegExp(`${PUBLIC_URL}(/calendar/\\S+\\.ics)`).exec(reply)![1]!
  const res = await fetch(`${base}${url}`)
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text(), path: url }
}

/** Every instance in the feed, recurring ones expanded by node-ical with their EXDATEs removed. */
function instances(body: string): { summary: string; start: string }[] {
  const events = Object.values(ical.sync.parseICS(body)).filter((c): c is VEvent => c?.type === 'VEVENT')
  return events
    .flatMap((event) =>
      ical.expandRecurringEvent(event, { from: new Date('2026-01-01'), to: new Date('2028-01-01') }).map((i) => ({
        summary: String(i.summary),
        start: new Date(i.start as Date).toISOString(),
      })),
    )
    .sort((a, b) => a.start.localeCompare(b.start))
}

describe('calendar feeds', () => {
  it('the district feed has recurring activities as RRULE with the holidays excluded, read back by node-ical', async () => {
    await h.say('/排期 双周一下午 常态化联合教研 语文')
    await h.say('/排期 12月3日 13:30-16:00 名师讲堂 @建平实验中学')
    const [reply] = await h.say('/日历')
    expect(reply).toContain('学区日历（全部活动，没有个人信息）')
    const feed = await fetchFeed(reply!)
    expect(feed.status).toBe(200)
    expect(feed.type).toBe('text/calendar; charset=utf-8')
    expect(feed.body).toMatch(/RRULE:FREQ=WEEKLY;INTERVAL=2;.*BYDAY=MO/)
    expect(feed.body).toContain('EXDATE')
    const live = await h.app.db.occurrence.findMany({ where: { skipReason: null }, include: { activity: true }, orderBy: { startAt: 'asc' } })
    expect(instances(feed.body)).toEqual(live.map((o) => ({ summary: `#${o.activityId} ${o.activity.title}`, start: o.startAt.toISOString() })))
    // 国庆: the even-week Monday 10月5日 is not in the feed.
    expect(instances(feed.body).map((i) => i.start)).not.toContain(new Date('2026-10-05T13:30:00+08:00').toISOString())
    expect(live).toHaveLength(9 + 1)
  })

  it('a session moved alone or cancelled alone is where the bot says it is', async () => {
    await h.say('/排期 双周一下午 常态化联合教研 语文')
    await h.say('/改期 1 11月16日 改到 11月17日下午')
    await h.say('/取消 1 11月30日 期中考试')
    const feed = await fetchFeed((await h.say('/日历'))[0]!)
    const starts = instances(feed.body).map((i) => i.start)
    expect(starts).toContain(new Date('2026-11-17T13:30:00+08:00').toISOString())
    expect(starts).not.toContain(new Date('2026-11-16T13:30:00+08:00').toISOString())
    expect(starts).not.toContain(new Date('2026-11-30T13:30:00+08:00').toISOString())
    // 9 sessions held (10月5日 is 国庆节), one of them cancelled.
    expect(starts).toHaveLength(8)
  })

  it('follows changes live: a cancelled activity leaves the feed', async () => {
    await h.say('/排期 12月3日 13:30 名师讲堂')
    const [reply] = await h.say('/日历')
    expect(instances((await fetchFeed(reply!)).body)).toHaveLength(1)
    await h.say('/取消 1')
    expect(instances((await fetchFeed(reply!)).body)).toHaveLength(0)
  })

  it('a member gets a personal feed in a direct chat: their districts only, their sign-ups marked', async () => {
    await h.say('/排期 12月3日 13:30 名师讲堂')
    await h.say('/排期 12月10日 13:30 联合教研')
    await h.say('/报名 2', { as: '王芳' })
    // Another district's activity must not appear.
    const code = await h.app.db.claimCode.create({ data: { code: 'ABCD-EFGH' } })
    await h.say(`/认领 ${code.code} 别的学区`, { platform: 'wechat', chat: 'other', title: '别的学区群', as: '陈主任', id: 'wx-chen' })
    await h.say('/学期 2026-09-01 2027-01-22 第一学期', { platform: 'wechat', chat: 'other', as: '陈主任', id: 'wx-chen' })
    await h.say('/排期 12月4日 13:30 别区教研', { platform: 'wechat', chat: 'other', as: '陈主任', id: 'wx-chen' })
    const [reply] = await h.say('/日历', { as: '王芳', direct: true, chat: 'dm-wangfang' })
    expect(reply).toContain('您的个人日历')
    expect(reply).toContain('设置 → 日历 → 账户')
    const feed = await fetchFeed(reply!)
    expect(instances(feed.body).map((i) => i.summary)).toEqual(['#1 名师讲堂', '✔已报名 #2 联合教研'])
  })

  it('a wrong token gets a bare 404; a reset address stops the old one', async () => {
    const [reply] = await h.say('/日历', { as: '王芳', direct: true, chat: 'dm-wangfang' })
    const first = await fetchFeed(reply!)
    expect(first.status).toBe(200)
    const wrong = await fetch(`${base}/calendar/${'x'.repeat(32)}.ics`)
    expect(wrong.status).toBe(404)
    expect(await wrong.text()).toBe('not found')
    expect((await fetch(`${base}/calendar/`)).status).toBe(404)
    const [again] = await h.say('/日历 重置', { as: '王芳', direct: true, chat: 'dm-wangfang' })
    expect(again).toContain('已换成新地址，旧地址不能再用。')
    expect((await fetch(`${base}${first.path}`)).status).toBe(404)
    expect((await fetchFeed(again!)).status).toBe(200)
    expect(first.path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{32}\.ics$/)
  })

  it('resetting the district address is for admins; without PUBLIC_URL it says how to turn feeds on', async () => {
    expect(await h.say('/日历 重置', { as: '王芳' })).toEqual(['只有学区管理员可以重置学区日历的地址。'])
    const plain = await createHarness('2026-09-01T09:00:00+08:00')
    try {
      expect((await plain.say('/日历'))[0]).toContain('PUBLIC_URL')
    } finally {
      await plain.close()
    }
  })
})
