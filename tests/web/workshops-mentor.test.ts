/**
 * 工作室与答疑 for a mentor (导师): exactly what the chat shows a mentor. The
 * workshops they mentor with their pairs (the 听课 count of their own pairs
 * only, as /听课 tells them) and applicants' names (as /工作室 N lists them);
 * the open questions they may answer, as their direct chat reads them, never
 * another workshop's private one, an anonymous asker never named. An answer
 * is /回答 run for them; a plain teacher is refused.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { bindAsAdmin, type SayOptions } from '../helpers/harness.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'

const ASKER = '葛秋菊'
const room = { platform: 'wechat' as const, chat: 'wx-ws', title: '英语工作室群' }
const at = (as: string, id: string, more: Partial<SayOptions> = {}): SayOptions => ({ ...room, as, id, ...more })
const dm = (as: string, id: string, more: Partial<SayOptions> = {}): SayOptions => ({ ...room, as, id, chat: `dm-${id}`, direct: true, ...more })
const wph = { id: 'wx-wph', name: '王佩红' }

let web: WebHarness
let mentor: WebSession
beforeAll(async () => {
  web = await createWebHarness('2026-11-23T09:00:00+08:00')
  await web.say('/学期 2026-09-01 2027-01-22 第一学期')
  await bindAsAdmin(web, room, '张主任', 'wx-zhang')
  await web.say('/工作室 创建 初中英语名师工作室 导师 王佩红', at('张主任', 'wx-zhang'))
  for (const [name, id] of [['王佩红', 'wx-wph'], ['李明', 'wx-lm'], [ASKER, 'wx-gqj'], ['赵丽', 'wx-zl'], ['周敏', 'wx-zm']]) await web.say('/ping', at(name!, id!))
  await web.say('/确认 王佩红')
  await web.say('/结对 1 王佩红 李明', at('张主任', 'wx-zhang'))
  await web.say('/听课 李明 11月20日 英语阅读课', at('王佩红', 'wx-wph'))
  await web.say('/拜师 1 王佩红', at('赵丽', 'wx-zl'))
  await web.say('/匿名提问 学生长期不交作业怎么办？', at(ASKER, 'wx-gqj'))
  await web.say('/提问 作文讲评课怎么上？', at('李明', 'wx-lm'))
  await web.say('/匿名提问 家长投诉怎么应对？', dm(ASKER, 'wx-gqj'))
  // Workshop 2: 王佩红 mentors it with 钱老师, whose pair with 周敏 has its own 听课. Workshop 3 is 孙老师's alone.
  expect((await web.say('/工作室 创建 初中数学名师工作室 导师 钱老师 @王佩红', dm('张主任', 'wx-zhang', { mentions: [wph] })))[0]).toContain('已创建工作室 2')
  expect((await web.say('/工作室 创建 初中物理名师工作室 导师 孙老师', dm('张主任', 'wx-zhang')))[0]).toContain('已创建工作室 3')
  await web.say('/结对 2 钱老师 周敏', at('张主任', 'wx-zhang'))
  await web.say('/提问 工作室3 浮力怎么教？', dm('赵丽', 'wx-zl'))
  await web.say('/提问 工作室3 实验课怎么组织？', at('李明', 'wx-lm'))
  mentor = await web.login(dm('王佩红', 'wx-wph'))
})
afterAll(async () => web.close())

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ')

/** Answers on the page, then reads the page the browser is sent back to. */
async function answer(session: WebSession, id: number, body: string): Promise<{ status: number; page: string }> {
  const res = await session.post(`/console/workshops/questions/${id}/answer`, { text: body }, '/console/workshops')
  if (res.statusCode !== 303) return { status: res.statusCode, page: res.body }
  return { status: 303, page: text((await session.get('/console/workshops')).body) }
}

describe('a mentor on the workshops page', () => {
  it('finds it in the menu, and sees their workshops, pairs and applicants as the chat shows them', async () => {
    expect((await mentor.get('/console/me')).body).toContain('href="/console/workshops"')
    const res = await mentor.get('/console/workshops')
    expect(res.statusCode).toBe(200)
    const page = text(res.body)
    expect(page).toContain('1. 初中英语名师工作室')
    expect(page).toContain('2. 初中数学名师工作室')
    expect(page).toContain('导师： 王佩红、钱老师')
    // Their own pair's 听课, as /听课 tells them; another mentor's pair named (as /工作室 2 names it), its count not.
    expect(page).toContain('王佩红 李明 1 / 2 次（未达要求）')
    expect(page).toContain('钱老师 周敏 —')
    expect(page).toContain('其他导师结对的听课次数不在这里显示')
    expect((await web.say('/工作室 2', dm('王佩红', 'wx-wph')))[0]).toContain('钱老师 — 周敏')
    // The applicant, as /工作室 1 names them: not whom they asked for.
    expect(page).toContain('赵丽')
    expect(page).not.toContain('想拜')
    // Nothing of a workshop they do not mentor.
    expect(page).not.toContain('物理')
    expect(page).not.toContain('孙老师')
  })

  it('lists the open questions they may answer, private ones of their workshop too, no anonymous asker named', async () => {
    const res = await mentor.get('/console/workshops')
    const page = text(res.body)
    expect(page).toContain('#1 学生长期不交作业怎么办？ 提问人：匿名')
    expect(page).toContain('#2 作文讲评课怎么上？ 提问人：李明')
    expect(page).toContain('#3 家长投诉怎么应对？ 提问人：匿名（不公开）')
    expect(res.body).not.toContain(ASKER)
    // Workshop 3's: the private one they may not read, the shared one they may read (in /问题) but not answer.
    expect(page).not.toContain('浮力')
    expect(page).not.toContain('实验课')
    const chat = (await web.say('/问题', dm('王佩红', 'wx-wph'))).join('\n')
    expect(chat).toContain('实验课怎么组织')
    expect(chat).not.toContain('浮力')
  })

  it('answers a question as /回答 does, posted where it was asked', async () => {
    const before = web.sent.length
    const { status, page } = await answer(mentor, 2, '先选典型习作。\r\n再请学生互评。')
    expect(status).toBe(303)
    const posted = web.sent.slice(before)
    expect(posted.map((m) => m.chat)).toEqual([{ platform: 'wechat', chatId: 'wx-ws' }])
    expect(posted[0]!.text).toBe('【答疑 #2】\n问：作文讲评课怎么上？\n答（王佩红）：先选典型习作。\n再请学生互评。')
    expect(posted[0]!.mentions).toEqual([{ id: 'wx-lm', name: '李明' }])
    expect(page).toContain('已完成 已回答 #2，回答已发到「英语工作室群」。')
    expect(page).not.toContain('#2 作文讲评课怎么上？')
    // The chat's own /回答 from the mentor's direct chat posts and says the same.
    const { sent } = await web.send('/回答 2 补充：先写评价标准。', dm('王佩红', 'wx-wph'))
    expect(sent.map((m) => [m.chat.chatId, m.text])).toEqual([
      ['wx-ws', '【答疑 #2】\n问：作文讲评课怎么上？\n答（王佩红）：补充：先写评价标准。'],
      ['dm-wx-wph', '已回答 #2，回答已发到「英语工作室群」。'],
    ])
    const answers = await web.app.db.answer.findMany({ where: { questionId: 2 }, include: { author: true }, orderBy: { id: 'asc' } })
    expect(answers.map((a) => [a.author.displayName, a.text])).toEqual([['王佩红', '先选典型习作。\n再请学生互评。'], ['王佩红', '补充：先写评价标准。']])
  })

  it('answers an anonymous private question without learning who asked it', async () => {
    const before = web.sent.length
    const { page } = await answer(mentor, 3, '先倾听，再解释。')
    expect(web.sent.slice(before).map((m) => m.chat.chatId)).toEqual(['dm-wx-gqj'])
    expect(page).toContain('已完成 已回答 #3，回答已私聊发给提问人。')
    expect(page).not.toContain(ASKER)
  })

  it('is refused what the chat refuses: another workshop\'s shared question by /回答, its private one as not found', async () => {
    const shared = (await web.app.db.question.findFirstOrThrow({ where: { text: '实验课怎么组织？' } })).id
    const hidden = (await web.app.db.question.findFirstOrThrow({ where: { text: '浮力怎么教？' } })).id
    const refused = await answer(mentor, shared, '分组做。')
    expect(refused.page).toContain('未完成 只有这个工作室的导师和学区管理员可以回答。')
    expect(await web.say(`/回答 ${shared} 分组做。`, dm('王佩红', 'wx-wph'))).toEqual(['只有这个工作室的导师和学区管理员可以回答。'])
    expect((await answer(mentor, hidden, '好')).status).toBe(404)
    expect(await web.app.db.answer.count({ where: { questionId: { in: [shared, hidden] } } })).toBe(0)
  })
})

describe('a plain teacher', () => {
  it('is refused the page and its answers (403), and is not offered it in the menu', async () => {
    const teacher = await web.login(dm('李明', 'wx-lm'))
    expect((await teacher.get('/console/me')).body).not.toContain('href="/console/workshops"')
    const page = await teacher.get('/console/workshops')
    expect(page.statusCode).toBe(403)
    expect(text(page.body)).toContain('这个页面只有管理员、组织者或导师可以查看。')
    expect(page.body).not.toContain('作文讲评课')
    expect((await teacher.post('/console/workshops/questions/1/answer', { text: '好' })).statusCode).toBe(403)
    expect(await web.app.db.answer.count({ where: { questionId: 1 } })).toBe(0)
  })

  it('is told by /后台 what the console shows them; a mentor also of 工作室与答疑', async () => {
    expect((await web.say('/后台', dm('李明', 'wx-lm')))[0]).toContain('您可以查看自己的报名、出席和学时。')
    expect((await web.say('/后台', dm('王佩红', 'wx-wph')))[0]).toContain('并在「工作室与答疑」查看您的工作室、回答老师们的问题。')
  })
})
