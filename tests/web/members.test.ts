/**
 * 成员 (/console/members): the district's members, one member's page with
 * roles, sign-ups, attendance and 学时 as the chat tells them, and roles
 * granted and revoked through /授权 and /撤销 for the admin, never to a
 * member who only shares the name.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { texts } from '../../src/core/texts/index.ts'
import { bindAsAdmin } from '../helpers/harness.ts'
import { AFTER_TERM_SESSIONS, seedHoursTerm, TERM_START } from '../helpers/hours-term.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'

let web: WebHarness
beforeEach(async () => {
  web = await createWebHarness(TERM_START)
})
afterEach(async () => web.close())

/** The page's text as a reader sees it: tags dropped, entities read, spaces folded. */
const text = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ')

const memberId = async (name: string, userId?: string) =>
  userId
    ? (await web.app.db.account.findFirstOrThrow({ where: { userId } })).memberId
    : (await web.app.db.member.findFirstOrThrow({ where: { displayName: name } })).id

const rolesOf = async (id: number) => (await web.app.db.memberRole.findMany({ where: { memberId: id } })).map((r) => r.role).sort()

/** Posts a form from the member's own page, then reads the page the browser is sent back to. */
async function act(session: WebSession, id: number, action: 'grant' | 'revoke', role: string): Promise<string> {
  const res = await session.post(`/console/members/${id}/${action}`, { role }, `/console/members/${id}`)
  expect(res.statusCode).toBe(303)
  expect(res.headers.location).toBe(`/console/members/${id}`)
  return text((await session.get(`/console/members/${id}`)).body)
}

describe('the members list and a member\'s page', () => {
  beforeEach(async () => {
    await seedHoursTerm(web)
    await web.say('/我是 王芳 育秀实验学校 语文 教龄5', { as: '王芳', direct: true, chat: 'dm-王芳' })
    await web.say('/排期 12月9日 14:00-16:00 读书会')
    await web.say('/排期 12月16日 14:00-16:00 教学沙龙')
    await web.say('/报名 4', { as: '王芳' })
    await web.say('/报名 5', { as: '王芳' })
    expect((await web.say('/请假 5 外出培训', { as: '王芳' }))[0]).toContain('请假')
    web.setNow(AFTER_TERM_SESSIONS)
  })

  it('lists the members with school, subject, 教龄, roles and where they were seen; searches by name or school', async () => {
    const admin = await web.login()
    const res = await admin.get('/console/members')
    expect(res.statusCode).toBe(200)
    const page = text(res.body)
    expect(page).toContain('王芳 育秀实验学校 语文 5 年 老师 控制台 · 控制台群')
    expect(page).toContain('王佩红 导师 控制台 · 控制台群')
    expect(page).toContain('我 管理员')
    const wang = await memberId('王芳')
    expect(res.body).toContain(`href="/console/members/${wang}"`)
    const found = text((await admin.get(`/console/members?q=${encodeURIComponent('育秀')}`)).body)
    expect(found).toContain('「育秀」找到 1 位成员')
    expect(found).toContain('王芳')
    expect(found).not.toContain('李明')
    const tooLong = await admin.get(`/console/members?q=${encodeURIComponent('育'.repeat(21))}`)
    expect(tooLong.statusCode).toBe(400)
    expect(text(tooLong.body)).toContain('最多 20 个字，例如「王芳」')
    expect((await admin.get('/console/members?page=x')).statusCode).toBe(400)
  })

  it('shows a member\'s sign-ups with 请假, attendance this term and the 学时 /学时 gives', async () => {
    const admin = await web.login()
    const wang = await memberId('王芳')
    const page = text((await admin.get(`/console/members/${wang}`)).body)
    const [chat] = await web.say('/学时 王芳', { as: '我', direct: true, chat: 'dm-我' })
    // The totals, word for word as the chat says them.
    for (const line of chat!.split('\n').slice(1, 3)) expect(page).toContain(line)
    expect(page).toContain('本学期（第一学期）共 5.5 学时：学区级（集团级） 2.5、区级 3')
    expect(page).toContain('#4 读书会 12月9日(周三) 14:00-16:00 已报名，第 1 位')
    expect(page).toContain('#5 教学沙龙 12月16日(周三) 14:00-16:00 这一次请假')
    expect(page).toContain('11月25日(周三) 14:00 #1 联合教研 学区级（集团级） 出席 2.5 学时')
    expect(page).toContain('12月2日(周三) 14:00 #2 区级教研 区级 出席 3 学时')
    expect(page).toContain('12月3日(周四) #3 读书交流 学区级（集团级） 出席 学时未定')
    const late = text((await admin.get(`/console/members/${await memberId('李明')}`)).body)
    expect(late).toContain('#1 联合教研 学区级（集团级） 迟到 40 分钟 0 学时（迟到 40 分钟）')
    const leave = text((await admin.get(`/console/members/${await memberId('孙丽')}`)).body)
    expect(leave).toContain('#1 联合教研 学区级（集团级） 请假 0 学时（请假）')
    const absent = text((await admin.get(`/console/members/${await memberId('周强')}`)).body)
    expect(absent).toContain('#1 联合教研 学区级（集团级） 缺席 0 学时（缺席）')
  })

  it('grants a role as /授权 does, and revokes it as /撤销 does', async () => {
    const admin = await web.login()
    const wang = await memberId('王芳')
    const page = (await admin.get(`/console/members/${wang}`)).body
    expect(page).toContain('<option value="organizer">组织者</option>')
    const granted = await act(admin, wang, 'grant', 'organizer')
    expect(granted).toContain('已完成 已授予 王芳「组织者」角色。')
    expect(granted).toContain('撤销「组织者」')
    expect(await rolesOf(wang)).toEqual(['organizer'])
    // The chat agrees: 王芳 may now do what an organizer does.
    expect((await web.say('/排期 12月23日下午 语文教研', { as: '王芳' }))[0]).toContain('已安排 #6「语文教研」')
    const revoked = await act(admin, wang, 'revoke', 'organizer')
    expect(revoked).toContain('已撤销 王芳 的「组织者」角色。')
    expect(await rolesOf(wang)).toEqual([])
    const again = await act(admin, wang, 'revoke', 'organizer')
    expect(again).toContain('未完成')
    expect(await rolesOf(wang)).toEqual([])
  })

  it('refuses a role that is not one, changing nothing', async () => {
    const admin = await web.login()
    const wang = await memberId('王芳')
    for (const role of ['teacher', 'superuser', '']) {
      expect(await act(admin, wang, 'grant', role)).toContain('请选择要授予的角色：管理员、组织者或导师。')
    }
    expect(await rolesOf(wang)).toEqual([])
  })
})

describe('a member whose account is named otherwise than their /我是 name', () => {
  it('grants and revokes naming them as the page does, the account\'s own name left as the platform gave it', async () => {
    await web.say('/我是 李明 育秀实验学校 数学', { as: '李老师', id: 'li-t' })
    const admin = await web.login()
    const li = await memberId('李老师', 'li-t')
    const page = (await admin.get(`/console/members/${li}`)).body
    expect(page).toContain('<h1>李明</h1>')
    expect(await act(admin, li, 'grant', 'organizer')).toContain('已完成 已授予 李明「组织者」角色。')
    expect(await rolesOf(li)).toEqual(['organizer'])
    expect(await act(admin, li, 'revoke', 'organizer')).toContain('已完成 已撤销 李明 的「组织者」角色。')
    expect(await rolesOf(li)).toEqual([])
    // The @mention is the account as the platform names it: granting renames nobody.
    const account = await web.app.db.account.findFirstOrThrow({ where: { userId: 'li-t' }, include: { member: true } })
    expect([account.displayName, account.member.displayName, account.member.realName]).toEqual(['李老师', '李老师', '李明'])
    // In chat, @李老师 is answered with the same name.
    expect(await web.say('/授权 @李老师 导师', { mentions: [{ id: 'li-t', name: '李老师' }] })).toEqual(['已授予 李明「导师」角色。'])
    expect(await web.say('/撤销 @李老师 导师', { mentions: [{ id: 'li-t', name: '李老师' }] })).toEqual(['已撤销 李明 的「导师」角色。'])
  })
})

describe('a long list', () => {
  it('shows 100 members a page, with links to the next and previous pages', async () => {
    for (let i = 1; i <= 101; i++) await web.say('/ping', { as: `老师${i}` })
    const admin = await web.login()
    const first = await admin.get('/console/members')
    expect(first.body.match(/href="\/console\/members\/\d+"/g)).toHaveLength(100)
    expect(text(first.body)).toContain('第 1 / 2 页')
    expect(first.body).toContain('href="/console/members?page=2"')
    const second = await admin.get('/console/members?page=2')
    expect(second.body.match(/href="\/console\/members\/\d+"/g)).toHaveLength(2)
    expect(second.body).toContain('href="/console/members?page=1"')
    const searched = await admin.get(`/console/members?q=${encodeURIComponent('老师10')}`)
    expect(text(searched.body)).toContain('「老师10」找到 3 位成员')
  })
})

describe('two members of the same name', () => {
  const room = { platform: 'wechat' as const, chat: 'wx-room', title: '育秀语文群' }

  beforeEach(async () => {
    await bindAsAdmin(web, room, '张主任', 'wx-zhang')
    await web.say('/活动', { ...room, as: '王芳', id: 'wx-wf-a' })
    await web.say('/活动', { ...room, as: '王芳', id: 'wx-wf-b' })
  })

  it('grants the role to exactly the member whose page it is', async () => {
    const admin = await web.login({ ...room, as: '张主任', id: 'wx-zhang', chat: 'dm-zhang', direct: true })
    const a = await memberId('王芳', 'wx-wf-a')
    const b = await memberId('王芳', 'wx-wf-b')
    expect(a).not.toBe(b)
    const list = text((await admin.get('/console/members')).body)
    expect(list.match(/王芳/g)).toHaveLength(2)
    expect(await act(admin, b, 'grant', 'mentor')).toContain('已授予 王芳「导师」角色。')
    expect(await rolesOf(b)).toEqual(['mentor'])
    expect(await rolesOf(a)).toEqual([])
    expect(await act(admin, b, 'revoke', 'mentor')).toContain('已撤销 王芳 的「导师」角色。')
    expect(await rolesOf(b)).toEqual([])
  })

  it('grants nothing by the name alone when the admin acts where the member has no account', async () => {
    // The console group's admin acts on the console: neither 王芳 has an account there.
    const admin = await web.login()
    const b = await memberId('王芳', 'wx-wf-b')
    const page = text((await admin.get(`/console/members/${b}`)).body)
    expect(page).toContain('这位成员在控制台上没有账号')
    const said = await act(admin, b, 'grant', 'organizer')
    expect(said).toContain('未完成 本学区有 2 位「王芳」，请直接 @ 要授权的那一位。')
    const a = await memberId('王芳', 'wx-wf-a')
    expect(await rolesOf(a)).toEqual([])
    expect(await rolesOf(b)).toEqual([])
  })
})

describe('who may open the members pages', () => {
  const room = { platform: 'wechat' as const, chat: 'wx-room', title: '育秀语文群' }

  it('refuses a visitor (401), a teacher and an organizer (403), and answers 404 for another district\'s member', async () => {
    await bindAsAdmin(web, room, '张主任', 'wx-zhang')
    await web.say('/活动', { ...room, as: '王芳', id: 'wx-wf' })
    await web.say('/活动', { ...room, as: '周敏', id: 'wx-zm' })
    await web.say('/授权 @周敏 组织者', { ...room, as: '张主任', id: 'wx-zhang', mentions: [{ id: 'wx-zm', name: '周敏' }] })
    const code = await web.app.db.claimCode.create({ data: { code: 'ABCD-EFGH' } })
    await web.say(`/认领 ${code.code} 别的学区`, { platform: 'wechat', chat: 'other-room', title: '别的学区群', as: '陈主任', id: 'wx-chen' })
    const wang = await memberId('王芳', 'wx-wf')
    const chen = await memberId('陈主任', 'wx-chen')
    const admin = await web.login()
    const teacher = await web.login({ ...room, as: '王芳', id: 'wx-wf', chat: 'dm-wf', direct: true })
    const organizer = await web.login({ ...room, as: '周敏', id: 'wx-zm', chat: 'dm-zm', direct: true })
    const before = JSON.stringify(await web.app.db.memberRole.findMany({ orderBy: [{ memberId: 'asc' }, { role: 'asc' }] }))

    for (const url of ['/console/members', `/console/members/${wang}`]) {
      const out = await web.fastify.inject({ method: 'GET', url })
      expect([url, out.statusCode]).toEqual([url, 401])
      for (const [who, session] of [['teacher', teacher], ['organizer', organizer]] as const) {
        const res = await session.get(url)
        expect([who, url, res.statusCode]).toEqual([who, url, 403])
        expect(res.body).not.toContain('育秀语文群')
      }
    }
    for (const action of ['grant', 'revoke']) {
      const url = `/console/members/${wang}/${action}`
      expect((await teacher.post(url, { role: 'admin' })).statusCode).toBe(403)
      expect((await organizer.post(url, { role: 'admin' })).statusCode).toBe(403)
      expect((await web.fastify.inject({ method: 'POST', url, payload: 'role=admin', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(401)
      // A form without its CSRF token, from the admin.
      const forged = await web.fastify.inject({ method: 'POST', url, cookies: admin.cookies, payload: 'role=admin', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      expect(forged.statusCode).toBe(403)
    }
    for (const url of [`/console/members/${chen}`, '/console/members/99999', '/console/members/abc']) {
      const res = await admin.get(url)
      expect([url, res.statusCode]).toEqual([url, 404])
      expect(res.body).not.toContain('陈主任')
    }
    expect((await admin.post(`/console/members/${chen}/grant`, { role: 'admin' })).statusCode).toBe(404)
    expect(text((await admin.get('/console/members')).body)).not.toContain('陈主任')
    expect(JSON.stringify(await web.app.db.memberRole.findMany({ orderBy: [{ memberId: 'asc' }, { role: 'asc' }] }))).toBe(before)
  })
})

describe('revoking the admin role', () => {
  const room = { platform: 'wechat' as const, chat: 'wx-room', title: '育秀语文群' }
  const B = texts.webPeople.member

  it('offers 撤销「管理员」 only where /撤销 would take it, says why elsewhere, and a forged form is still refused', async () => {
    const first = await web.login()
    const me = (await web.app.db.memberRole.findFirstOrThrow({ where: { role: 'admin' }, orderBy: { grantedAt: 'asc' } })).memberId
    // Alone, the first admin may not give up the role: the district would have no admin.
    let page = text((await first.get(`/console/members/${me}`)).body)
    expect(page).not.toContain('撤销「管理员」')
    expect(page).toContain(B.lastAdmin)
    await bindAsAdmin(web, room, '张主任', 'wx-zhang')
    const zhang = await memberId('张主任', 'wx-zhang')
    const later = await web.login({ ...room, as: '张主任', id: 'wx-zhang', chat: 'dm-zhang', direct: true })
    // The later admin: not the earlier admin's role, but their own.
    page = text((await later.get(`/console/members/${me}`)).body)
    expect(page).not.toContain('撤销「管理员」')
    expect(page).toContain(B.seniorAdmin)
    expect(text((await later.get(`/console/members/${zhang}`)).body)).toContain('撤销「管理员」')
    // The first admin, now one of two: both.
    for (const id of [me, zhang]) {
      page = text((await first.get(`/console/members/${id}`)).body)
      expect(page).toContain('撤销「管理员」')
      expect(page).not.toContain(B.seniorAdmin)
      expect(page).not.toContain(B.lastAdmin)
    }
    // The form posted anyway is refused by /撤销 itself, changing nothing.
    const refused = await act(later, me, 'revoke', 'admin')
    expect(refused).toContain('未完成')
    expect(refused).toContain('成为管理员比您早，不能由您撤销')
    expect(await rolesOf(me)).toEqual(['admin'])
  })
})
