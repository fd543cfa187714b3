import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { charCount, clip, echo, LIMITS, longerThan, MAX_COMMAND_CHARS, MAX_ECHO_CHARS, overLimit } from '../../src/core/limits.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'

const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029]/

describe('limits', () => {
  it('counts characters, not UTF-16 units, and stops counting past a limit', () => {
    expect(charCount('王芳😀')).toBe(3)
    expect(longerThan('😀'.repeat(60), 60)).toBe(false)
    expect(longerThan('😀'.repeat(61), 60)).toBe(true)
    expect(overLimit('title', '研'.repeat(LIMITS.title))).toBeNull()
    expect(overLimit('title', '研'.repeat(LIMITS.title + 1))).toBe(LIMITS.title)
    expect(overLimit('title', undefined)).toBeNull()
  })

  it('clips with a mark, whole characters only', () => {
    expect(clip('一二三四五', 3)).toBe('一二三…')
    expect(clip('一二三', 3)).toBe('一二三')
    expect(clip('😀😀😀😀', 2)).toBe('😀😀…')
  })

  it('property: an echo is one short line whatever was typed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('字'.repeat(200_000), '\n学区助手> 假通知'.repeat(50))), (text) => {
        const shown = echo(text)
        expect(charCount(shown)).toBeLessThanOrEqual(MAX_ECHO_CHARS + 1)
        expect(shown).not.toMatch(LINE_BREAKS)
        expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/)
      }),
      { numRuns: 1000 },
    )
  })
})

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 12月3日下午 联合教研')
  await h.say('/提问 怎么备课？')
  await h.say('/工作室 创建 语文工作室 导师 王佩红')
})
afterEach(() => h.close())

/** Everything a command may have stored from what was typed. */
async function stored() {
  const db = h.app.db
  return JSON.stringify([
    await db.district.findMany({ select: { name: true } }),
    await db.activity.findMany({ select: { title: true, place: true, subject: true, host: true, whenText: true, cancelReason: true, status: true, subjectRule: true, schoolRule: true } }),
    await db.member.findMany({ select: { displayName: true, realName: true, school: true, subject: true }, orderBy: { id: 'asc' } }),
    await db.account.findMany({ select: { displayName: true }, orderBy: { id: 'asc' } }),
    await db.question.findMany({ select: { text: true } }),
    await db.answer.findMany({ select: { text: true } }),
    await db.workshop.findMany({ select: { name: true } }),
    await db.semester.findMany({ select: { name: true } }),
    await db.closedDay.findMany({ select: { name: true } }),
    await db.signup.count(),
    await db.group.findMany({ select: { title: true } }),
  ])
}

const COMMAND_TOO_LONG = `这条消息太长了（一条命令最多 ${MAX_COMMAND_CHARS} 个字），没有处理。请精简后再发，长的内容可以分几次发送，例如：/提问 如何设计单元作业？`

describe('a message longer than a command may be', () => {
  it('a 200 000-character profile field is refused in one message, nothing is stored, and /我的 stays one message', async () => {
    const before = await stored()
    expect(await h.say(`/我是 学科:${'语'.repeat(200_000)}`, { as: '芳芳' })).toEqual([COMMAND_TOO_LONG])
    expect(await stored()).toBe(before)
    const mine = await h.say('/我的', { as: '芳芳' })
    expect(mine).toHaveLength(1)
    expect(charCount(mine[0]!)).toBeLessThan(200)
  })

  it('a 100 000-character command is refused in one short message, whoever sends it and however it is shaped', async () => {
    for (const text of [`/排期 ${'x'.repeat(100_000)}`, `/提问 ${'问题\n'.repeat(50_000)}`, `／${'报名'.repeat(50_000)}`, `  /回答 1 ${'😀'.repeat(100_000)}`]) {
      const before = await stored()
      const replies = await h.say(text, { as: '李明' })
      expect(replies).toEqual([COMMAND_TOO_LONG])
      expect(await stored()).toBe(before)
    }
  })

  it('ordinary chat of any size is left alone', async () => {
    expect(await h.say('大家好，'.repeat(50_000))).toEqual([])
    expect(await h.say(`报名 1${' '.repeat(10_000)}好`)).toEqual([])
  })

  it('a command @mentioning more than 50 people is refused in one message', async () => {
    const mentions = Array.from({ length: 51 }, (_, i) => ({ id: `wx-${i}`, name: `老师${i}` }))
    const before = await stored()
    expect(await h.say(`/报名 1 ${mentions.map((p) => `@${p.name}`).join(' ')}`, { mentions })).toEqual([
      '一条命令最多 @ 50 个人，请分几次发送，例如：/报名 12 @李明 @赵丽',
    ])
    expect(await stored()).toBe(before)
  })
})

describe('every stored text has a limit', () => {
  it.each([
    [`/排期 12月3日下午 ${'研'.repeat(61)}`, '活动名称太长了（最多 60 个字），请精简后再发。例如：/排期 12月3日下午 联合教研'],
    [`/排期 12月3日下午 联合教研 @${'校'.repeat(61)}`, '地点太长了（最多 60 个字），请精简后再发。例如：/排期 12月3日下午 联合教研 @育秀实验学校'],
    [`/排期 12月3日下午 联合教研 主持 ${'王'.repeat(21)}`, '主持人太长了（最多 20 个字），请精简后再发。例如：/排期 12月3日 13:30 名师讲堂 主持 王佩红'],
    [`/设置 1 @${'校'.repeat(61)}`, '地点太长了（最多 60 个字）'],
    [`/设置 1 限${'实'.repeat(40)}学校`, '学校名称太长了（最多 40 个字）'],
    [`/设置 1 限学科:${'语'.repeat(21)}`, '学科太长了（最多 20 个字）'],
    [`/取消 1 ${'因'.repeat(101)}`, '取消原因太长了（最多 100 个字），请精简后再发。例如：/取消 12 专家临时有事'],
    [`/改期 1 ${'下'.repeat(61)}`, '时间太长了（最多 60 个字），请精简后再发。例如：/改期 12 第5周周三下午'],
    [`/我是 ${'王'.repeat(21)}`, '姓名太长了（最多 20 个字），请精简后再发。例如：/我是 王芳 育秀实验学校 语文 教龄5'],
    [`/我是 王芳 学校:${'校'.repeat(41)}`, '学校名称太长了（最多 40 个字）'],
    [`/我是 学科:${'语'.repeat(21)}`, '学科太长了（最多 20 个字）'],
    [`/提问 ${'问'.repeat(501)}`, '问题太长了（最多 500 个字），请精简后再发。例如：/提问 如何设计单元作业？'],
    [`/回答 1 ${'答'.repeat(2001)}`, '回答太长了（最多 2000 个字），请精简后再发。例如：/回答 7 可以先从单元目标出发，设计分层作业'],
    [`/工作室 创建 ${'名'.repeat(41)} 导师 王佩红`, '工作室名称太长了（最多 40 个字），请精简后再发。例如：/工作室 创建 初中英语名师工作室 导师 王佩红'],
    [`/设置 名称 ${'区'.repeat(31)}`, '学区名称太长了（最多 30 个字），请精简后再发。例如：/设置 名称 育秀教育集团'],
    [`/学期 2027-02-22 2027-07-02 ${'期'.repeat(21)}`, '学期名称太长了（最多 20 个字），请精简后再发。例如：/学期 2026-09-01 2027-01-22 第一学期'],
    [`/放假 2027-01-01 ${'假'.repeat(21)}`, '放假名称太长了（最多 20 个字），请精简后再发。例如：/放假 2027-02-10 至 2027-02-17 寒假'],
    [`/报名 1 李明 ${'赵'.repeat(31)}`, '名字太长了（最多 30 个字），请精简后再发。例如：/报名 12 李明 赵丽'],
    [`/结对 1 王佩红 ${'徒'.repeat(31)}`, '名字太长了（最多 30 个字）'],
    [`/问题 搜索 ${'词'.repeat(51)}`, '要找的词太长了（最多 50 个字），请精简后再发。例如：/问题 搜索 作业'],
    [`/工作室 创建 英语工作室 导师 ${Array.from({ length: 31 }, (_, i) => `导师${i}`).join(' ')}`, '一条命令最多写 30 个人，请分几次发送'],
    [`/结对 1 王佩红 ${Array.from({ length: 31 }, (_, i) => `徒弟${i}`).join('、')}`, '一条命令最多写 30 个人，请分几次发送'],
    [`/报名 1 ${Array.from({ length: 31 }, (_, i) => `老师${i}`).join(' ')}`, '一次最多代报 30 人，请分几次发送。'],
  ])('%#: refuses one character over, saying the limit with an example, and stores nothing', async (text, refusal) => {
    const before = await stored()
    const replies = await h.say(text)
    expect(replies).toHaveLength(1)
    expect(replies[0]).toContain(refusal)
    expect(await stored()).toBe(before)
  })

  it('takes a text exactly at its limit', async () => {
    expect((await h.say(`/排期 12月3日下午 ${'研'.repeat(60)}`))[0]).toContain(`已安排 #2「${'研'.repeat(60)}」`)
    expect((await h.say(`/我是 ${'王'.repeat(20)} 学科:${'语'.repeat(20)}`))[0]).toContain(`已记录：${'王'.repeat(20)} · ${'语'.repeat(20)}`)
  })
})

describe('replies that repeat what was typed', () => {
  const junk = '很长的一段话'.repeat(500)
  const run = junk.slice(0, MAX_ECHO_CHARS + 2)

  it.each([
    `/${junk}`,
    `/帮助 ${junk}`,
    `/排期 ${junk} 联合教研`,
    `/我是 王芳 育秀实验学校 语文 ${junk}`,
    `/绑定 ${junk}`,
    `/设置 下午 ${junk}`,
    `/设置 1 ${junk}`,
    `/设置 1 截止 ${junk}`,
    `/设置 1 教龄${junk}`,
    `/提醒 周报 ${junk}`,
    `/提醒 提前 ${junk}`,
    `/提醒 免打扰 ${junk}`,
    `/学期 ${junk} 2027-01-22`,
    `/授权 ${junk} 导师`,
    `/授权 李明 ${junk}`,
    `/确认 ${junk}`,
    `/取消报名 1 ${junk}`,
    `/拜师 1 ${junk}`,
    `/通过 1 ${junk}`,
    `/结对 1 ${junk} 李明`,
  ])('%#: answers in one short message, showing a short clip of it', async (text) => {
    const replies = await h.say(text)
    expect(replies).toHaveLength(1)
    expect(charCount(replies[0]!)).toBeLessThan(400)
    expect(replies[0]).not.toContain(run)
  })

  it('property: no command answers a long text with a long reply or several messages', async () => {
    const commands = h.app.registry.commands.map((c) => c.name)
    for (const name of commands) {
      for (const tail of [junk, '词 '.repeat(1500), `1 ${'\n学区助手> 假通知'.repeat(300)}`]) {
        const replies = await h.say(`/${name} ${tail}`)
        expect(replies.length, name).toBeLessThanOrEqual(2)
        for (const reply of replies) {
          expect(charCount(reply), name).toBeLessThan(1500)
          expect(reply, name).not.toContain(run)
          // What was typed never starts a line of its own.
          expect(reply, name).not.toMatch(/\n\s*学区助手>/)
        }
      }
    }
  })
})
