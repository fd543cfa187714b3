/**
 * What an outside tester found wrong in the data the console shows: a
 * correction putting the 签退 before the 签到 was taken, and `%` or `_` typed
 * in the 活动 or 成员 search matched everything (LIKE wildcards). The page
 * runs the chat's own command, so it refuses as the chat does; the search
 * finds the words as typed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { texts } from '../../src/core/texts/index.ts'
import type { WebHarness, WebSession } from '../helpers/web.ts'
import { ADMIN, activityFixture, flashOf, snapshot, textOf } from './activity-fixture.ts'

let web: WebHarness
let sessions: Map<string, number>
let admin: WebSession
beforeEach(async () => {
  ;({ web, sessions } = await activityFixture())
  web.setNow('2026-11-10T09:00:00+08:00')
  admin = await web.login(ADMIN)
})
afterEach(async () => web.close())

describe('an attendance correction on the activity page', () => {
  it('refuses a 签退 before the 签到 and a 签到 after the 签退, as the chat does, and changes nothing', async () => {
    web.setNow('2026-11-16T16:00:00+08:00')
    admin = await web.login(ADMIN)
    const s = String(sessions.get('2026-11-16'))
    await admin.post('/console/activities/1/attendance', { session: s, name: '王芳', mark: 'checkIn', time: '13:40' }, '/console/activities/1')
    expect(await flashOf(admin, 1)).toContain('已更正：王芳 在 13:40 签到')
    const before = await snapshot(web)
    await admin.post('/console/activities/1/attendance', { session: s, name: '王芳', mark: 'checkOut', time: '13:10' }, '/console/activities/1')
    expect(await flashOf(admin, 1)).toBe(`未完成 ${texts.checkin.outNotAfterIn('13:10', '13:40', '王芳', '/签退 1 2026年11月16日', '王芳', '15:30')}`)
    expect(await snapshot(web)).toBe(before)
    const page = textOf((await admin.get('/console/activities/1')).body)
    expect(page).toContain('王芳（代签） 13:40 10 分钟')
    expect(page).not.toContain('13:10')
    await admin.post('/console/activities/1/attendance', { session: s, name: '王芳', mark: 'checkOut', time: '15:20' }, '/console/activities/1')
    expect(await flashOf(admin, 1)).toContain('已更正：王芳 在 15:20 签退')
    const after = await snapshot(web)
    await admin.post('/console/activities/1/attendance', { session: s, name: '王芳', mark: 'checkIn', time: '15:25' }, '/console/activities/1')
    expect(await flashOf(admin, 1)).toBe(`未完成 ${texts.checkin.inNotBeforeOut('15:25', '15:20', '王芳', '/签到 1 2026年11月16日', '王芳', '13:30')}`)
    expect(await snapshot(web)).toBe(after)
    expect(textOf((await admin.get('/console/activities/1')).body)).toContain('王芳（代签） 13:40 15:20 10 分钟')
  })
})

describe('the searches find the words as typed', () => {
  const titles = ['100%参与读书会', '小学_语文教研', '小%学科组会', '中小学衔接教研']

  it('in the 活动 list: % and _ are characters, not wildcards', async () => {
    for (const title of titles) await web.say(`/排期 12月10日 14:00-16:00 ${title}`)
    const found = async (q: string) => {
      const page = textOf((await admin.get(`/console/activities?when=all&q=${encodeURIComponent(q)}`)).body)
      return titles.filter((t) => page.includes(t))
    }
    expect(await found('%')).toEqual(['100%参与读书会', '小%学科组会'])
    expect(await found('_')).toEqual(['小学_语文教研'])
    expect(await found('小%学')).toEqual(['小%学科组会'])
    expect(await found('小_')).toEqual([])
    expect(await found('学_语')).toEqual(['小学_语文教研'])
    expect(await found('小学')).toEqual(['小学_语文教研', '中小学衔接教研'])
    const none = textOf((await admin.get(`/console/activities?when=all&q=${encodeURIComponent('%%')}`)).body)
    expect(none).not.toContain('常态化联合教研')
    expect(none).not.toContain('名师讲堂')
  })

  it('in the 成员 list: % and _ are characters, not wildcards', async () => {
    await web.say('/我是 赵丽 第_中学 数学', { as: '赵丽' })
    await web.say('/我是 钱红 100%学校 英语', { as: '钱红' })
    const members = async (q: string) => textOf((await admin.get(`/console/members?q=${encodeURIComponent(q)}`)).body)
    const all = await members('')
    expect(all).toContain('第_中学')
    expect(all).toContain('100%学校')
    const underscore = await members('_')
    expect(underscore).toContain('「_」找到 1 位成员。')
    expect(underscore).toContain('赵丽')
    const percent = await members('%')
    expect(percent).toContain('「%」找到 1 位成员。')
    expect(percent).toContain('钱红')
    expect(await members('第%学')).toContain('没有找到成员。')
    expect(await members('王_')).toContain('没有找到成员。')
    expect(await members('第_中')).toContain('「第_中」找到 1 位成员。')
  })
})
