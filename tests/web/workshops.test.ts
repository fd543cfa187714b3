/**
 * 工作室与答疑 (/console/workshops): workshops with mentors, pairs and their
 * 听课 this term, pending applications and open questions; an answer given
 * on the page is /回答 run for the viewer, posted where /回答 posts it; an
 * anonymous asker is named nowhere on any page, to anyone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bindAsAdmin, type SayOptions } from '../helpers/harness.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'

const ASKER = '葛秋菊'
const room = { platform: 'wechat' as const, chat: 'wx-ws', title: '英语工作室群' }
const at = (as: string, id: string): SayOptions => ({ ...room, as, id })
const dm = (as: string, id: string): SayOptions => ({ ...room, as, id, chat: `dm-${id}`, direct: true })

let web: WebHarness
beforeEach(async () => {
  web = await createWebHarness('2026-11-23T09:00:00+08:00')
  await web.say('/学期 2026-09-01 2027-01-22 第一学期')
  await bindAsAdmin(web, room, '张主任', 'wx-zhang')
  await web.say('/工作室 创建 初中英语名师工作室 导师 王佩红', at('张主任', 'wx-zhang'))
  for (const [name, id] of [['王佩红', 'wx-wph'], ['李明', 'wx-lm'], [ASKER, 'wx-gqj'], ['赵丽', 'wx-zl'], ['周敏', 'wx-zm']]) await web.say('/ping', at(name!, id!))
  await web.say('/确认 王佩红')
  await web.say('/授权 @周敏 组织者', { ...at('张主任', 'wx-zhang'), mentions: [{ id: 'wx-zm', name: '周敏' }] })
  await web.say('/结对 1 王佩红 李明', at('张主任', 'wx-zhang'))
  expect((await web.say('/听课 李明 11月20日 英语阅读课', at('王佩红', 'wx-wph')))[0]).toContain('本学期')
  await web.say('/拜师 1 王佩红', at('赵丽', 'wx-zl'))
  await web.say('/匿名提问 学生长期不交作业怎么办？', at(ASKER, 'wx-gqj'))
  await web.say('/提问 作文讲评课怎么上？', at('李明', 'wx-lm'))
  await web.say('/匿名提问 家长投诉怎么应对？', dm(ASKER, 'wx-gqj'))
})
afterEach(async () => web.close())

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ')
const adminInDirect = () => web.login(dm('张主任', 'wx-zhang'))

/** Answers on the page, then reads the page the browser is sent back to. */
async function answer(session: WebSession, id: number | string, body: string): Promise<{ status: number; page: string }> {
  const res = await session.post(`/console/workshops/questions/${id}/answer`, { text: body }, '/console/workshops')
  if (res.statusCode !== 303) return { status: res.statusCode, page: res.body }
  expect(res.headers.location).toBe('/console/workshops')
  return { status: 303, page: (await session.get('/console/workshops')).body }
}

describe('the workshops page', () => {
  it('shows mentors, pairs with their 听课 against the minimum, applications and open questions, naming no anonymous asker', async () => {
    for (const [session, answers] of [[await web.login(), true], [await adminInDirect(), true], [await web.login(dm('周敏', 'wx-zm')), false]] as const) {
      const res = await session.get('/console/workshops')
      expect(res.statusCode).toBe(200)
      const page = text(res.body)
      expect(page).toContain('1. 初中英语名师工作室')
      expect(page).toContain('导师： 王佩红')
      expect(page).toContain('王佩红 李明 1 / 2 次（未达要求）')
      expect(page).toContain('赵丽（想拜 王佩红 为师）')
      expect(page).toContain('#1 学生长期不交作业怎么办？ 提问人：匿名')
      expect(page).toContain('#2 作文讲评课怎么上？ 提问人：李明')
      // The answer form only for one /回答 accepts (admins, mentors); an organizer is told who may answer instead.
      if (answers) expect(res.body).toContain('<label for="answer-1">回答 #1</label>')
      else {
        expect(res.body).not.toContain('/answer"')
        expect(page).toContain('#1 学生长期不交作业怎么办？ 提问人：匿名 · 提问时间')
        expect(page.match(/只有这个工作室的导师和学区管理员可以回答。/g)).toHaveLength(2)
      }
      expect(res.body).not.toContain(ASKER)
    }
    // The private question asked in a direct chat: an admin reads it (still unnamed), an organizer who may not answer it does not.
    const direct = (await (await adminInDirect()).get('/console/workshops')).body
    expect(text(direct)).toContain('#3 家长投诉怎么应对？ 提问人：匿名（不公开）')
    expect(direct).not.toContain(ASKER)
    expect((await (await web.login(dm('周敏', 'wx-zm'))).get('/console/workshops')).body).not.toContain('家长投诉')
  })

  it('posts an answer to the question\'s group exactly as /回答 does, line breaks kept', async () => {
    const admin = await web.login()
    const before = web.sent.length
    const { page } = await answer(admin, 1, '先了解原因。\r\n再和家长一起定规矩。')
    // Posted to the workshop's group; and, the session being the console group's, /回答's answer to that group as typed there.
    const posted = web.sent.slice(before)
    expect(posted.map((m) => m.chat.platform).sort()).toEqual(['console', 'wechat'])
    posted.sort((a, b) => (a.chat.platform === 'wechat' ? -1 : b.chat.platform === 'wechat' ? 1 : 0))
    expect(posted[0]!.chat).toEqual({ platform: 'wechat', chatId: 'wx-ws' })
    expect(posted[1]!.text).toBe(posted[0]!.text)
    expect(posted[0]!.text).toBe('【答疑 #1】\n问：学生长期不交作业怎么办？\n答（我）：先了解原因。\n再和家长一起定规矩。')
    expect(posted[0]!.mentions ?? []).toEqual([])
    // What /回答 says to its sender in the console group: the answer as posted.
    expect(text(page)).toContain('已完成 【答疑 #1】 问：学生长期不交作业怎么办？ 答（我）：先了解原因。 再和家长一起定规矩。')
    expect(page).not.toContain('#1 学生长期不交作业怎么办？')
    expect(page).not.toContain(ASKER)
    // The chat's own /回答 posts the same shape, with the named asker @mentioned.
    const { sent } = await web.send('/回答 2 先选典型习作。', at('王佩红', 'wx-wph'))
    expect(sent[0]!.text).toBe('【答疑 #2】\n问：作文讲评课怎么上？\n答（王佩红）：先选典型习作。')
    const answers = await web.app.db.answer.findMany({ orderBy: { id: 'asc' } })
    expect(answers.map((a) => a.text)).toEqual(['先了解原因。\n再和家长一起定规矩。', '先选典型习作。'])
  })

  it('answers an anonymous question asked in a direct chat without naming its asker, even to an admin', async () => {
    const admin = await adminInDirect()
    const before = web.sent.length
    const { page } = await answer(admin, 3, '先倾听，再解释。')
    const posted = web.sent.slice(before)
    expect(posted.map((m) => m.chat.chatId)).toEqual(['dm-wx-gqj'])
    expect(text(page)).toContain('已回答 #3，回答已私聊发给提问人（匿名）。')
    expect(page).not.toContain(ASKER)
    // In chat the admin reads the name in their direct chat: the page does not.
    expect(await web.say('/问题 3', dm('张主任', 'wx-zhang'))).toEqual([expect.stringContaining(`匿名·${ASKER}`)])
  })

  it('shows the command\'s refusal to one who may not answer, and refuses empty or over-long answers, changing nothing', async () => {
    const organizer = await web.login(dm('周敏', 'wx-zm'))
    const refused = await answer(organizer, 2, '我觉得……')
    expect(text(refused.page)).toContain('未完成 抱歉，/回答 只有学区管理员和导师可以使用。')
    // A question the organizer may not read is one that does not exist.
    expect((await answer(organizer, 3, '好')).status).toBe(404)
    const admin = await web.login()
    expect(text((await answer(admin, 1, '  \r\n ')).page)).toContain('请写上回答内容')
    const long = await answer(admin, 1, '好'.repeat(2001))
    expect(text(long.page)).toContain('回答太长：最多 2000 字，现在有 2001 字。')
    expect(await web.app.db.answer.count()).toBe(0)
    expect(await web.app.db.question.count({ where: { answeredAt: { not: null } } })).toBe(0)
  })
})

describe('who may open the workshops page', () => {
  it('refuses a visitor (401), a teacher (403), a form without its token (403), and another district\'s question (404)', async () => {
    const code = await web.app.db.claimCode.create({ data: { code: 'ABCD-EFGH' } })
    const other = { platform: 'wechat' as const, chat: 'other-room', title: '别的学区群', as: '陈主任', id: 'wx-chen' }
    await web.say(`/认领 ${code.code} 别的学区`, other)
    await web.say('/工作室 创建 别区工作室 导师 钱老师', other)
    await web.say('/提问 别区的秘密问题', other)
    const theirs = (await web.app.db.question.findFirstOrThrow({ where: { text: '别区的秘密问题' } })).id
    const admin = await web.login()
    expect((await admin.get('/console/workshops')).body).not.toContain('别区')

    expect((await web.fastify.inject({ method: 'GET', url: '/console/workshops' })).statusCode).toBe(401)
    const post = { method: 'POST' as const, url: '/console/workshops/questions/1/answer', payload: 'text=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }
    expect((await web.fastify.inject(post)).statusCode).toBe(401)
    expect((await web.fastify.inject({ ...post, cookies: admin.cookies })).statusCode).toBe(403)
    // A mentor may open it (workshops-mentor.test.ts); a teacher who is neither staff nor mentor may not.
    const teacher = await web.login(dm('李明', 'wx-lm'))
    const page = await teacher.get('/console/workshops')
    expect(page.statusCode).toBe(403)
    expect(page.body).not.toContain('学生长期不交作业')
    expect((await teacher.post('/console/workshops/questions/1/answer', { text: '好' })).statusCode).toBe(403)
    // A mentor reads only their own district's, as an admin does.
    const mentorPage = await (await web.login(dm('王佩红', 'wx-wph'))).get('/console/workshops')
    expect(mentorPage.statusCode).toBe(200)
    expect(mentorPage.body).not.toContain('别区')
    for (const id of [String(theirs), '999', 'x']) expect([id, (await answer(admin, id, '好')).status]).toEqual([id, 404])
    expect(await web.app.db.answer.count()).toBe(0)
  })
})
