/**
 * 我的 (/console/me): every signed-in member's own sign-ups, attendance and
 * 学时, as /我的 and /学时 tell them in chat, and nobody else's; a teacher is
 * refused every staff and admin page and form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AFTER_TERM_SESSIONS, seedHoursTerm, TERM_START } from '../helpers/hours-term.ts'
import { createWebHarness, type WebHarness } from '../helpers/web.ts'

let web: WebHarness
beforeEach(async () => {
  web = await createWebHarness(TERM_START)
  await seedHoursTerm(web)
  await web.say('/我是 王芳 育秀实验学校 语文 教龄5', { as: '王芳', direct: true, chat: 'dm-王芳' })
  await web.say('/排期 12月9日 14:00-16:00 读书会')
  await web.say('/排期 12月16日 14:00-16:00 教学沙龙')
  for (const who of ['王芳', '李明']) {
    await web.say('/报名 4', { as: who })
    await web.say('/报名 5', { as: who })
  }
  await web.say('/请假 5 外出培训', { as: '王芳' })
  await web.say('/请假 4 孩子生病', { as: '李明' })
  web.setNow(AFTER_TERM_SESSIONS)
})
afterEach(async () => web.close())

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ')

describe('/console/me', () => {
  it('shows a teacher their own sign-ups, 请假, attendance and 学时, as the chat does', async () => {
    const teacher = await web.login({ as: '王芳' })
    const res = await teacher.get('/console/me')
    expect(res.statusCode).toBe(200)
    const page = text(res.body)
    const [hours] = await web.say('/学时', { as: '王芳', direct: true, chat: 'dm-王芳' })
    for (const line of hours!.split('\n').slice(1, 3)) expect(page).toContain(line)
    const [mine] = await web.say('/我的', { as: '王芳', direct: true, chat: 'dm-王芳' })
    expect(mine).toContain('#4 读书会 12月9日(周三) 14:00-16:00 已报名，第 1 位')
    expect(page).toContain('#4 读书会 12月9日(周三) 14:00-16:00 已报名，第 1 位')
    expect(page).toContain('#5 教学沙龙 12月16日(周三) 14:00-16:00 这一次请假')
    expect(page).toContain('11月25日(周三) 14:00 #1 联合教研 学区级（集团级） 出席 2.5 学时')
    expect(page).toContain('学校 育秀实验学校 学科 语文 教龄 5 年')
  })

  it('lists the coming sign-ups by their next session, undated last, as /我的 does', async () => {
    const [pending] = await web.say('/排期 12月第3周 待定的课')
    const [soon] = await web.say('/排期 12月7日 14:00-16:00 最近的课')
    const pendingId = /已安排 #(\d+)/.exec(pending!)![1]
    const soonId = /已安排 #(\d+)/.exec(soon!)![1]
    // Signed up after #4 and #5, the undated one first: the order is still by date.
    expect((await web.say(`/报名 ${pendingId}`, { as: '王芳' }))[0]).toContain('报名')
    expect((await web.say(`/报名 ${soonId}`, { as: '王芳' }))[0]).toContain('报名')
    const order = (said: string) => [...said.matchAll(/#(\d+) (?:最近的课|读书会|教学沙龙|待定的课)/g)].map((m) => m[1])
    const expected = [soonId, '4', '5', pendingId]
    const page = text((await (await web.login({ as: '王芳' })).get('/console/me')).body)
    expect(order(page.slice(page.indexOf('报名的活动（还没结束的）'), page.indexOf('本学期参加的活动')))).toEqual(expected)
    const [mine] = await web.say('/我的', { as: '王芳', direct: true, chat: 'dm-王芳' })
    expect(order(mine!)).toEqual(expected)
  })

  it('shows nobody else\'s name, attendance or 请假', async () => {
    const teacher = await web.login({ as: '王芳' })
    const body = (await teacher.get('/console/me')).body
    for (const other of ['李明', '赵丽', '陈刚', '周强', '孙丽', '吴敏', '王佩红', '孩子生病', '迟到']) expect([other, body.includes(other)]).toEqual([other, false])
    const late = text((await (await web.login({ as: '李明' })).get('/console/me')).body)
    expect(late).toContain('#1 联合教研 学区级（集团级） 迟到 40 分钟 0 学时（迟到 40 分钟）')
    expect(late).toContain('#4 读书会 12月9日(周三) 14:00-16:00 这一次请假')
    // 王芳's sessions and totals are hers alone.
    expect(late).not.toContain('#2 区级教研')
    expect(late).not.toContain('5.5')
  })

  it('says what to do when a member has no profile, sign-up or attendance yet', async () => {
    await web.say('/ping', { as: '新老师' })
    const page = text((await (await web.login({ as: '新老师' })).get('/console/me')).body)
    expect(page).toContain('还没有登记个人资料')
    expect(page).toContain('近期没有报名的活动。')
    expect(page).toContain('本学年还没有参加活动的记录')
  })

  it('is for signed-in members only; a teacher is refused every staff and admin page and form', async () => {
    expect((await web.fastify.inject({ method: 'GET', url: '/console/me' })).statusCode).toBe(401)
    const teacher = await web.login({ as: '王芳' })
    const other = (await web.app.db.member.findFirstOrThrow({ where: { displayName: '李明' } })).id
    const own = (await web.app.db.member.findFirstOrThrow({ where: { displayName: '王芳' } })).id
    for (const url of ['/console/members', `/console/members/${other}`, `/console/members/${own}`, '/console/workshops']) {
      const res = await teacher.get(url)
      expect([url, res.statusCode]).toEqual([url, 403])
      expect(res.body).not.toContain('李明')
    }
    const roles = await web.app.db.memberRole.count()
    for (const url of [`/console/members/${own}/grant`, `/console/members/${other}/revoke`, '/console/workshops/questions/1/answer']) {
      const res = await teacher.post(url, { role: 'admin', text: '好' })
      expect([url, res.statusCode]).toEqual([url, 403])
    }
    expect(await web.app.db.memberRole.count()).toBe(roles)
    expect(await web.app.db.answer.count()).toBe(0)
  })
})
