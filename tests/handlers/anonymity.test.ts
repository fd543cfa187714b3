import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OutgoingMessage } from '../../src/core/message.ts'
import { createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'

/**
 * An anonymous asker is named to admins in a direct chat and nowhere else.
 * The sweep below asks anonymously every way there is, then runs every
 * command and tick that shows questions, workshops, sign-ups or a member, in
 * the group and in direct chats, as the admin, the mentor, another teacher and
 * the asker; no message to a group and no message to anyone but an admin in a
 * direct chat may carry the asker's name (in its text or as an @mention),
 * but what the asker reads in their own direct chat.
 */
const ASKER = '葛秋菊'
const dm = (as: string): SayOptions => ({ as, direct: true, chat: `dm-${as}` })
const inGroup = (as: string): SayOptions => ({ as })

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/工作室 创建 初中英语名师工作室 导师 王佩红')
  for (const who of ['王佩红', ASKER, '李明']) await h.say('/ping', { as: who })
  await h.say('/确认 王佩红')
  await h.say(`/我是 ${ASKER} 育秀实验学校 英语 教龄3`, dm(ASKER))
})
afterEach(() => h.close())

/** Who may read the asker's name: an admin, in a direct chat. */
function leaks(messages: readonly OutgoingMessage[]): string[] {
  return messages
    .filter((m) => m.chat.chatId !== 'dm-我' && m.chat.chatId !== `dm-${ASKER}`)
    .filter((m) => m.text.includes(ASKER) || (m.mentions ?? []).some((p) => p.name === ASKER))
    .map((m) => `${m.chat.chatId}: ${m.text.slice(0, 80)}`)
}

describe('an anonymous asker reaches no group and no one but an admin in a direct chat', () => {
  it('asked in a group, shared from a direct chat, and kept private: every listing, answer, digest and reminder', async () => {
    await h.say('/匿名提问 学生长期不交作业怎么办？', inGroup(ASKER))
    await h.say('/匿名提问 公开 课堂纪律怎么抓？', dm(ASKER))
    await h.say('/匿名提问 家长投诉怎么应对？', dm(ASKER))
    expect((await h.say('/排期 11月25日下午 工作室研讨课 工作室1'))[0]).toContain('工作室研讨课')
    expect((await h.say('/报名 1', inGroup('李明')))[0]).toContain('报名成功')
    const start = h.sent.length

    const readers = ['我', '王佩红', '李明', ASKER]
    const commands = ['/问题', '/问题 全部', '/问题 1', '/问题 2', '/问题 3', '/问题 搜索 怎么', '/工作室', '/工作室 1', '/名单 1', '/活动', '/本周', '/我的']
    for (const who of readers) {
      for (const command of commands) {
        // The asker's own profile in a group names them, and lists no anonymous question (the next test).
        if (!(who === ASKER && command === '/我的')) await h.say(command, inGroup(who))
        await h.say(command, dm(who))
      }
    }
    // Answers given in the group and in a direct chat; an export asked for in the group.
    await h.say('/回答 1 先了解原因。', inGroup('王佩红'))
    await h.say('/回答 2 定好规矩。', dm('王佩红'))
    await h.say('/回答 3 先倾听。', inGroup('我'))
    await h.say('/导出', inGroup('我'))
    await h.say('/导出', inGroup('王佩红'))
    // The week's digest, the day-before reminder of the workshop session, and the session's list for its mentor.
    for (const at of ['2026-11-23T07:30:00+08:00', '2026-11-24T16:00:00+08:00', '2026-11-25T12:30:00+08:00', '2026-11-30T07:30:00+08:00']) {
      h.setNow(at)
      await h.tick()
    }
    const said = h.sent.slice(start)
    expect(said.length).toBeGreaterThan(100)
    expect(leaks(said)).toEqual([])
    // The admin does read the asker in a direct chat, so the sweep would have seen a leak.
    expect(said.some((m) => m.chat.chatId === 'dm-我' && m.text.includes(`匿名·${ASKER}`))).toBe(true)
  })

  it('the asker\'s own /我的 in a group lists no anonymous question; in a direct chat it does, unnamed to others', async () => {
    await h.say('/匿名提问 学生长期不交作业怎么办？', inGroup(ASKER))
    const [mine] = await h.say('/我的', inGroup(ASKER))
    expect(mine).not.toContain('学生长期不交作业')
    const [own] = await h.say('/我的', dm(ASKER))
    expect(own).toContain('学生长期不交作业怎么办？')
  })
})
