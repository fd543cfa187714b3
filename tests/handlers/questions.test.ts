import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/工作室 创建 初中英语名师工作室 导师 王佩红')
  await h.say('/ping', { as: '王佩红' })
  await h.say('/确认 王佩红')
})
afterEach(() => h.close())

describe('/提问 and /回答', () => {
  it('records a question for the workshop and answers it quoting the question and @mentioning the asker', async () => {
    expect(await h.say('/提问 如何设计单元作业？', { as: '李明' })).toEqual([
      '已收到问题 #1（初中英语名师工作室），导师回答后会在这里通知您。',
    ])
    const { sent } = await h.send('/回答 1 先定单元目标，再分层设计基础题和拓展题。', { as: '王佩红' })
    expect(sent).toHaveLength(1)
    expect(sent[0]!.text).toBe('【答疑 #1】\n问：如何设计单元作业？\n答（王佩红）：先定单元目标，再分层设计基础题和拓展题。')
    expect(sent[0]!.mentions).toEqual([{ id: '李明', name: '李明' }])
    expect(sent[0]!.replyToId).toBeDefined()
    // A second answer is welcome.
    await h.say('/回答 1 也可以参考区里的作业设计案例集。')
    expect(await h.say('/问题 1', { as: '赵丽' })).toEqual([
      ['#1 如何设计单元作业？（李明）', '  工作室：初中英语名师工作室', '  答（王佩红）：先定单元目标，再分层设计基础题和拓展题。', '  答（我）：也可以参考区里的作业设计案例集。'].join('\n'),
    ])
  })

  it('refuses a teacher answering, an unknown number, empty text and a number that is not one', async () => {
    await h.say('/提问 如何设计单元作业？', { as: '李明' })
    expect(await h.say('/回答 1 我觉得……', { as: '赵丽' })).toEqual(['抱歉，/回答 只有学区管理员和导师可以使用。如需权限，请联系学区管理员。'])
    expect(await h.say('/回答 9 好', { as: '王佩红' })).toEqual(['没有找到编号为 #9 的问题。发送 /问题 查看。'])
    expect(await h.say('/回答 1', { as: '王佩红' })).toEqual(['请写上回答内容，例如：/回答 1 可以先从单元目标出发……'])
    expect(await h.say('/回答 一 好', { as: '王佩红' })).toEqual(['请这样写：/回答 7 您的回答（7 是问题编号，发送 /问题 查看）'])
    expect(await h.say('/提问', { as: '李明' })).toEqual(['请写上问题，例如：/提问 如何设计单元作业？'])
    expect(await h.app.db.answer.count()).toBe(0)
    expect(await h.app.db.question.count()).toBe(1)
  })

  it('asks which workshop when the district has several and the group has none of its own', async () => {
    await h.say('/工作室 创建 小学数学名师工作室 导师 曹益君', { platform: 'console', chat: 'console' })
    expect(await h.say('/提问 怎么上好复习课？', { as: '李明' })).toEqual([
      '本学区有多个工作室，请写明问哪个，例如：/提问 工作室1 如何设计单元作业？\n1 初中英语名师工作室\n2 小学数学名师工作室',
    ])
    expect(await h.say('/提问 工作室2 怎么上好复习课？', { as: '李明' })).toEqual(['已收到问题 #1（小学数学名师工作室），导师回答后会在这里通知您。'])
    // 王佩红 mentors workshop 1 only.
    expect(await h.say('/回答 1 好', { as: '王佩红' })).toEqual(['只有这个工作室的导师和学区管理员可以回答。'])
  })
})

const dm = (as: string) => ({ as, direct: true, chat: `dm-${as}` })

describe('/匿名提问', () => {
  it('in a direct chat: private, the asker named to an admin in a direct chat only, the answer @mentions nobody', async () => {
    await h.say('/ping', { as: '李明' })
    expect(await h.say('/匿名提问 学生长期不交作业怎么办？', dm('李明'))).toEqual([
      '已匿名记录问题 #1（初中英语名师工作室）。这个问题不公开：只有您、导师和管理员能看到，不会出现在群里；除管理员外没有人能看到提问人。回答会发到这里。想让群里也看到（仍不显示提问人），提问时在问题前写「公开」，例如：/匿名提问 公开 学生不交作业怎么办？',
    ])
    // In the group, not even the admin or the mentor sees it.
    expect(await h.say('/问题', { as: '王佩红' })).toEqual(['目前没有待回答的问题。发送 /问题 全部 查看以往的问答。'])
    expect(await h.say('/问题')).toEqual(['目前没有待回答的问题。发送 /问题 全部 查看以往的问答。'])
    expect(await h.say('/问题 1')).toEqual(['没有找到编号为 #1 的问题。发送 /问题 查看。'])
    // In direct chats: the mentor without a name, the admin with it.
    expect((await h.say('/问题', dm('王佩红')))[0]).toContain('#1 学生长期不交作业怎么办？（匿名，不公开）')
    expect((await h.say('/问题', dm('我')))[0]).toContain('#1 学生长期不交作业怎么办？（匿名·李明，不公开）')
    const { sent } = await h.send('/回答 1 先了解原因，再和家长沟通。', dm('王佩红'))
    expect(sent.map((m) => [m.chat.chatId, m.text, m.mentions ?? [], m.replyToId])).toEqual([
      ['dm-李明', '【答疑 #1】\n问：学生长期不交作业怎么办？\n答（王佩红）：先了解原因，再和家长沟通。', [], undefined],
      ['dm-王佩红', '已回答 #1，回答已私聊发给提问人。', [], expect.any(String)],
    ])
  })

  it('in a group, says the message itself was seen', async () => {
    expect(await h.say('/匿名提问 学生长期不交作业怎么办？', { as: '李明' })).toEqual([
      '已匿名记录问题 #1，问题列表中不显示提问人。提示：在群里发的消息大家都能看到，下次可以私聊我发送 /匿名提问。',
    ])
  })

  it('asked in a group, the asker is named to an admin in a direct chat, never in a group', async () => {
    await h.say('/匿名提问 学生长期不交作业怎么办？', { as: '李明' })
    await h.say('/回答 1 先了解原因。', { as: '王佩红' })
    for (const command of ['/问题 全部', '/问题 1', '/问题 搜索 作业']) {
      const [inGroup] = await h.say(command)
      expect(inGroup, command).toContain('学生长期不交作业怎么办？（匿名）')
      expect(inGroup, command).not.toContain('李明')
      expect((await h.say(command, dm('我')))[0], command).toContain('学生长期不交作业怎么办？（匿名·李明）')
      expect((await h.say(command, dm('王佩红')))[0], command).not.toContain('李明')
    }
  })
})

describe('a question asked in a direct chat', () => {
  beforeEach(async () => {
    for (const who of ['李明', '赵丽', '陈刚']) await h.say('/ping', { as: who })
    await h.say('/工作室 创建 小学数学名师工作室 导师 曹益君')
    await h.say('/ping', { as: '曹益君' })
    await h.say('/确认 曹益君')
  })

  it('is shown only in the direct chats of its asker, its workshop\'s mentors and admins', async () => {
    expect(await h.say('/提问 工作室1 作业分层怎么做？', dm('李明'))).toEqual([
      '已收到问题 #1（初中英语名师工作室）。这个问题不公开：只有您、导师和管理员能看到，不会出现在群里；导师回答后会在这里通知您。想让学区的群里也看到，提问时在问题前写「公开」，例如：/提问 公开 如何设计单元作业？',
    ])
    const sees = async (as: string, direct: boolean) => {
      const where = direct ? dm(as) : { as }
      const lists = [await h.say('/问题', where), await h.say('/问题 全部', where), await h.say('/问题 搜索 分层', where), await h.say('/问题 1', where)]
      return lists.every((l) => l[0]!.includes('作业分层怎么做'))
        ? true
        : lists.every((l) => !l[0]!.includes('作业分层怎么做')) ? false : lists.map((l) => l[0])
    }
    expect(await sees('李明', true)).toBe(true)
    expect(await sees('王佩红', true)).toBe(true)
    expect(await sees('我', true)).toBe(true)
    // Another teacher, the mentor of another workshop, and anyone in a group: not at all.
    expect(await sees('赵丽', true)).toBe(false)
    expect(await sees('曹益君', true)).toBe(false)
    for (const who of ['李明', '王佩红', '我', '赵丽']) expect(await sees(who, false), who).toBe(false)
    expect(await h.say('/回答 1 好', dm('曹益君'))).toEqual(['只有这个工作室的导师和学区管理员可以回答。'])
    // /我的 and /工作室 in a group leave it out as well.
    expect((await h.say('/我的', { as: '李明' }))[0]).not.toContain('作业分层怎么做')
    expect((await h.say('/我的', dm('李明')))[0]).toContain('#1 作业分层怎么做？ — 待回答')
    expect((await h.say('/工作室 1'))[0]).not.toContain('待回答的问题')
    expect((await h.say('/工作室 1', dm('王佩红')))[0]).toContain('待回答的问题')
  })

  it('answered from a group, the group reads neither the question nor who asked it', async () => {
    await h.say('/提问 工作室1 如何设计单元作业？', dm('李明'))
    const { sent } = await h.send('/回答 1 先定单元目标。', { as: '王佩红' })
    expect(sent.map((m) => [m.chat.chatId, m.text, m.mentions ?? []])).toEqual([
      ['dm-李明', '【答疑 #1】\n问：如何设计单元作业？\n答（王佩红）：先定单元目标。', [{ id: '李明', name: '李明' }]],
      ['console', '已回答 #1，回答已私聊发给提问人。', []],
    ])
    // Answered from the mentor's direct chat, the asker who is not anonymous is named there.
    expect(await h.say('/回答 1 再分层设计作业。', dm('王佩红'))).toEqual([
      '【答疑 #1】\n问：如何设计单元作业？\n答（王佩红）：再分层设计作业。',
      '已回答 #1，回答已私聊发给提问人（李明）。',
    ])
  })

  it('is shown in the groups when the asker chose to share it, and the reply says so', async () => {
    expect(await h.say('/提问 公开 工作室1 如何设计单元作业？', dm('李明'))).toEqual([
      '已收到问题 #1（初中英语名师工作室），已公开：学区的群里也能看到这个问题和提问人（问题列表、周报）。导师回答后会在这里通知您。不想公开时，提问时不写「公开」，例如：/提问 如何设计单元作业？',
    ])
    expect((await h.say('/匿名提问 工作室1 （公开） 怎么和家长沟通？', dm('陈刚')))[0]).toContain('已公开：学区的群里也能看到这个问题，但不显示提问人')
    const [list] = await h.say('/问题', { as: '赵丽' })
    expect(list).toContain('#1 如何设计单元作业？（李明）')
    expect(list).toContain('#2 怎么和家长沟通？（匿名）')
    expect(list).not.toContain('陈刚')
    // "公开课" is a word of the question, not the choice.
    expect((await h.say('/提问 工作室1 公开课怎么准备？', dm('李明')))[0]).toContain('这个问题不公开')
    expect((await h.say('/问题 3', dm('李明')))[0]).toContain('#3 公开课怎么准备？（李明，不公开）')
    expect((await h.say('/问题 全部', { as: '赵丽' }))[0]).not.toContain('公开课')
  })

  it('"私密" in a group is refused: the group has read it already', async () => {
    expect(await h.say('/提问 私密 工作室1 如何设计单元作业？', { as: '李明' })).toEqual([
      '在群里发的问题，群里的人都已经看到了。只想让导师和管理员看到，请私聊我发送，例如：/提问 如何设计单元作业？',
    ])
    expect(await h.app.db.question.count()).toBe(0)
  })
})

describe('/问题: open first, all, and a search of earlier answers', () => {
  beforeEach(async () => {
    await h.say('/提问 如何设计单元作业？', { as: '李明' })
    await h.say('/提问 作文讲评课怎么上？', { as: '赵丽' })
    await h.say('/提问 复习课如何避免炒冷饭？', { as: '陈刚' })
    await h.say('/回答 2 先选典型习作，再组织学生互评。', { as: '王佩红' })
  })

  it('lists open questions oldest first, then all with answer counts', async () => {
    expect(await h.say('/问题', { as: '李明' })).toEqual([
      [
        '待回答的问题（2）：',
        '#1 如何设计单元作业？（李明）',
        '#3 复习课如何避免炒冷饭？（陈刚）',
        '发送 /问题 编号 查看回答，/问题 搜索 关键词 查找以往的回答。',
      ].join('\n'),
    ])
    expect((await h.say('/问题 全部', { as: '李明' }))[0]).toContain('#2 作文讲评课怎么上？（赵丽） — 已回答 1 条')
  })

  it('finds earlier answers by a word in the question or the answer', async () => {
    expect(await h.say('/问题 搜索 互评', { as: '李明' })).toEqual([
      ['含「互评」的问答（1）：', '#2 作文讲评课怎么上？（赵丽）', '  答（王佩红）：先选典型习作，再组织学生互评。'].join('\n'),
    ])
    expect(await h.say('/问题 搜索 口语', { as: '李明' })).toEqual(['没有找到含「口语」的问答。'])
    expect(await h.say('/问题 搜索', { as: '李明' })).toEqual(['请写上要找的词，例如：/问题 搜索 作业'])
  })
})
