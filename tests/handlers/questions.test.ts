import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/工作室 创建 初中英语名师工作室 导师 王佩红')
  await h.say('/ping', { as: '王佩红' })
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

describe('/匿名提问', () => {
  it('hides the asker from everyone but admins, and the answer @mentions nobody', async () => {
    await h.say('/ping', { as: '李明' })
    expect(await h.say('/匿名提问 学生长期不交作业怎么办？', { as: '李明', direct: true, chat: 'dm-liming' })).toEqual([
      '已匿名记录问题 #1（初中英语名师工作室）。除管理员外没有人能看到提问人；回答会发到这里。',
    ])
    expect((await h.say('/问题', { as: '王佩红' }))[0]).toContain('#1 学生长期不交作业怎么办？（匿名）')
    expect((await h.say('/问题'))[0]).toContain('#1 学生长期不交作业怎么办？（匿名·李明）')
    const { sent } = await h.send('/回答 1 先了解原因，再和家长沟通。', { as: '王佩红' })
    expect(sent.map((m) => [m.chat.chatId, m.mentions, m.replyToId])).toEqual([
      ['dm-liming', [], undefined],
      ['console', [], expect.any(String)],
    ])
    expect(sent.every((m) => !m.text.includes('李明'))).toBe(true)
  })

  it('in a group, says the message itself was seen', async () => {
    expect(await h.say('/匿名提问 学生长期不交作业怎么办？', { as: '李明' })).toEqual([
      '已匿名记录问题 #1，问题列表中不显示提问人。提示：在群里发的消息大家都能看到，下次可以私聊我发送 /匿名提问。',
    ])
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
