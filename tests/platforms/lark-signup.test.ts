import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { LARK_CARD_PATH, LARK_EVENTS_PATH, type LarkAdapter } from '../../src/platforms/lark/index.ts'
import {
  cardButtons, cardCallback, cardSignatureHeaders, cardText, cardTrigger, encrypt, messageEvent, postSigned, startLarkBench,
  type FakeLark, type LarkBench,
} from '../helpers/fake-lark.ts'
import { rawDb } from '../helpers/raw-db.ts'
import { eventually, type TestApp } from '../helpers/test-app.ts'

const ENCRYPT_KEY = 'test-encrypt-key'
const TOKEN = 'test-verification-token'
const CHAT = 'oc_district_group'

describe('sign-ups, workshops and Q&A in a Lark group', () => {
  let bench: LarkBench
  let fake: FakeLark
  let test: TestApp
  let adapter: LarkAdapter
  let base: string
  const now = new Date('2026-11-23T09:00:00+08:00')

  beforeEach(async () => {
    bench = await startLarkBench({
      now, encryptKey: ENCRYPT_KEY, verificationToken: TOKEN,
      chats: {
        [CHAT]: {
          name: '育秀学区飞书群',
          members: [
            { member_id: 'ou_zhang', name: '张主任' },
            { member_id: 'ou_wang', name: '王芳' },
            { member_id: 'ou_li', name: '李明' },
            { member_id: 'ou_pei', name: '王佩红' },
          ],
        },
      },
    })
    ;({ fake, test, adapter, base } = bench)
    const code = await test.claimCode()
    await say('ou_zhang', `/认领 ${code} 育秀学区`)
    await say('ou_zhang', '/学期 2026-09-01 2027-01-22 第一学期')
  })

  afterEach(() => bench.close())

  /** A signed, encrypted message event from a member; returns what the bot sent. */
  async function say(sender: string, text: string, o: Partial<Parameters<typeof messageEvent>[0]> = {}) {
    const before = fake.sent.length
    const event = messageEvent({ token: TOKEN, chatId: CHAT, sender, text, ...o })
    const res = await postSigned(`${base}${LARK_EVENTS_PATH}`, encrypt(event, ENCRYPT_KEY), ENCRYPT_KEY)
    expect(res.status).toBe(200)
    await adapter.idle()
    return fake.sent.slice(before)
  }
  const texts = async (sender: string, text: string, o: Partial<Parameters<typeof messageEvent>[0]> = {}) =>
    (await say(sender, text, o)).map((s) => s.text)

  const signups = () =>
    inTx(test.app.db, (tx) => tx.signup.findMany({ orderBy: { seq: 'asc' }, include: { member: true } })).then((rows) =>
      rows.map((r) => `${r.member.displayName}:${r.status}`),
    )

  it('announces a scheduled activity as a card with 报名 and 取消报名 buttons', async () => {
    const [card] = await say('ou_zhang', '/排期 12月3日下午 联合教研 名额40')
    expect(card!.msgType).toBe('interactive')
    expect(card!.kind).toBe('reply')
    expect(card!.text).toContain('已安排 #1「联合教研」')
    expect(cardButtons(card!.card!)).toEqual([
      { label: '报名', command: '/报名 1' },
      { label: '取消报名', command: '/取消报名 1' },
    ])
    expect(card!.card!.config).toEqual({ wide_screen_mode: true, update_multi: true })
  })

  it('a button press (card.action.trigger) signs the presser up and answers with a toast and the redrawn card', async () => {
    const [card] = await say('ou_zhang', '/排期 12月3日下午 联合教研 名额40')
    const sentBefore = fake.sent.length
    const press = cardTrigger({ token: TOKEN, openId: 'ou_wang', chatId: CHAT, messageId: card!.messageId, value: { command: '/报名 1' } })
    const started = Date.now()
    const res = await postSigned(`${base}${LARK_EVENTS_PATH}`, encrypt(press, ENCRYPT_KEY), ENCRYPT_KEY)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(res.status).toBe(200)
    const answer = JSON.parse(res.body) as { toast: { type: string; content: string }; card: { type: string; data: Record<string, unknown> } }
    expect(answer.toast).toEqual({ type: 'success', content: '王芳 报名成功：#1「联合教研」，第 1 位（还剩 39 个名额）。' })
    expect(answer.card.type).toBe('raw')
    expect(cardText(answer.card.data)).toContain('已报名 1/40')
    expect(cardButtons(answer.card.data).map((b) => b.command)).toEqual(['/报名 1', '/取消报名 1'])
    // Pressing again changes nothing; 取消报名 frees the place.
    await postSigned(`${base}${LARK_EVENTS_PATH}`, encrypt(press, ENCRYPT_KEY), ENCRYPT_KEY)
    const leave = cardTrigger({ token: TOKEN, openId: 'ou_wang', chatId: CHAT, messageId: card!.messageId, value: { command: '/取消报名 1' } })
    const left = JSON.parse((await postSigned(`${base}${LARK_EVENTS_PATH}`, encrypt(leave, ENCRYPT_KEY), ENCRYPT_KEY)).body) as typeof answer
    expect(cardText(left.card.data)).toContain('已报名 0/40')
    await adapter.idle()
    expect(await signups()).toEqual(['王芳:cancelled'])
    // Presses are answered in place: nothing is posted to the group.
    expect(fake.sent.length).toBe(sentBefore)
  })

  it('a press that cannot be answered within Lark\'s 3 s is told it is taken, and its result follows in the chat', async () => {
    const [card] = await say('ou_zhang', '/排期 12月3日下午 联合教研 名额40')
    const sentBefore = fake.sent.length
    // Another process holds the database for 4 s: the sign-up waits its turn past Lark's window.
    const other = await rawDb(test.config.DATABASE_URL)
    const { released } = await other.hold(4000)
    const press = cardTrigger({ token: TOKEN, openId: 'ou_wang', chatId: CHAT, messageId: card!.messageId, value: { command: '/报名 1' } })
    const res = await postSigned(`${base}${LARK_EVENTS_PATH}`, encrypt(press, ENCRYPT_KEY), ENCRYPT_KEY)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ toast: { type: 'info', content: '已收到，结果稍后在群里告诉您。' } })
    await released
    await other.close()
    await adapter.idle()
    await eventually(async () => (await signups()).length === 1, 'the sign-up')
    await adapter.idle()
    const told = fake.sent.slice(sentBefore)
    expect(told.map((m) => m.text)).toEqual(['<at user_id="ou_wang">王芳</at> 王芳 报名成功：#1「联合教研」，第 1 位（还剩 39 个名额）。'])
    expect(await signups()).toEqual(['王芳:confirmed'])
  }, 20_000)

  it('an older card callback on the card URL is checked by its signature and answered with the card', async () => {
    const [card] = await say('ou_zhang', '/排期 12月3日下午 联合教研 名额40')
    const raw = JSON.stringify(cardCallback({ openId: 'ou_li', chatId: CHAT, messageId: card!.messageId, value: { command: '/报名 1' } }))
    const post = (headers: Record<string, string>) =>
      fetch(`${base}${LARK_CARD_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw })
    expect((await post({ ...cardSignatureHeaders(raw, TOKEN), 'x-lark-signature': 'f'.repeat(40) })).status).toBe(401)
    expect((await post({})).status).toBe(401)
    expect(await signups()).toEqual([])
    const res = await post(cardSignatureHeaders(raw, TOKEN))
    expect(res.status).toBe(200)
    const redrawn = (await res.json()) as Record<string, unknown>
    expect(cardText(redrawn)).toContain('已报名 1/40')
    expect(JSON.stringify(redrawn)).toContain('李明 报名成功')
    expect(await signups()).toEqual(['李明:confirmed'])
    // The card URL's own challenge.
    const challenge = await fetch(`${base}${LARK_CARD_PATH}`, { method: 'POST', body: JSON.stringify({ challenge: 'c1', token: TOKEN, type: 'url_verification' }) })
    expect(await challenge.json()).toEqual({ challenge: 'c1' })
  })

  it('a refused press says why: a toast, or for an older callback a reply to the presser', async () => {
    const [card] = await say('ou_zhang', '/排期 12月3日下午 新秀杯 教龄1-8')
    const press = cardTrigger({ token: TOKEN, openId: 'ou_wang', chatId: CHAT, messageId: card!.messageId, value: { command: '/报名 1' } })
    const answer = JSON.parse((await postSigned(`${base}${LARK_EVENTS_PATH}`, encrypt(press, ENCRYPT_KEY), ENCRYPT_KEY)).body) as { toast: { type: string; content: string }; card?: unknown }
    expect(answer.toast.type).toBe('warning')
    expect(answer.toast.content).toContain('此活动限教龄1-8年，请先发送 /我是')
    expect(answer.card).toBeUndefined()
    const raw = JSON.stringify(cardCallback({ openId: 'ou_wang', chatId: CHAT, messageId: card!.messageId, value: { command: '/报名 1' } }))
    const res = await fetch(`${base}${LARK_CARD_PATH}`, { method: 'POST', headers: cardSignatureHeaders(raw, TOKEN), body: raw })
    expect(await res.json()).toEqual({})
    await adapter.idle()
    const told = fake.sent.at(-1)!
    expect(told.replyTo).toBe(card!.messageId)
    expect(told.text).toMatch(/^<at user_id="ou_wang">王芳<\/at> 此活动限教龄1-8年/)
  })

  it('a 代报名 @mentioning twelve members (names with a space or a quote among them) signs up exactly those twelve', async () => {
    await say('ou_zhang', '/排期 12月3日下午 联合教研 名额40')
    const names = ['赵一', '赵二', 'Zhao San', "O'Brien", '赵五', '赵六', '赵七', '赵八', '赵九', '赵十', '赵十一', '赵十二']
    const mentions = names.map((name, i) => ({ key: `@_user_${i + 1}`, openId: `ou_zhao${i + 1}`, name }))
    const [reply] = await texts('ou_zhang', `/报名 1 ${mentions.map((m) => m.key).join(' ')}`, { mentions })
    expect(reply).toContain('赵十二')
    expect(await signups()).toEqual(names.map((n) => `${n}:confirmed`))
    expect(await inTx(test.app.db, (tx) => tx.member.count({ where: { displayName: { startsWith: '赵一' } } }))).toBe(1)
  })

  it('a 代报名 @mentioning a name that holds every kind of quote signs up that one member, no phantom', async () => {
    await say('ou_zhang', '/排期 12月3日下午 联合教研 名额40')
    const mentions = [{ key: '@_user_1', openId: 'ou_quotes', name: `A "B" 'C' “D” ‘E’ 「F」 『G』` }]
    const [reply] = await texts('ou_zhang', '/报名 1 @_user_1', { mentions })
    expect(reply).not.toContain('已按名字登记')
    expect(await signups()).toEqual(['ABCDEFG:confirmed'])
  })

  it('thirty new members signing up at once in a new group are named from one member list and one chat lookup', async () => {
    await say('ou_zhang', '/排期 12月3日下午 联合教研 名额40')
    const school = 'oc_school_group'
    const members = Array.from({ length: 30 }, (_, i) => ({ member_id: `ou_new${i}`, name: `新老师${i}` }))
    fake.chats.set(school, { name: '实验小学教研群', members })
    await inTx(test.app.db, async (tx) => {
      const district = await tx.district.findFirstOrThrow()
      await tx.group.create({ data: { platform: 'lark', chatId: school, title: '实验小学教研群', districtId: district.id } })
    })
    fake.latencyMs = 50
    const before = fake.requests.length
    const statuses = await Promise.all(
      members.map((m) => postSigned(`${base}${LARK_EVENTS_PATH}`, encrypt(messageEvent({ token: TOKEN, chatId: school, sender: m.member_id, text: '/报名 1' }), ENCRYPT_KEY), ENCRYPT_KEY).then((r) => r.status)),
    )
    await adapter.idle()
    expect(statuses.every((s) => s === 200)).toBe(true)
    const lookups = fake.requests.slice(before).filter((r) => r.startsWith('GET'))
    expect(lookups.sort()).toEqual([`GET /open-apis/im/v1/chats/${school}`, `GET /open-apis/im/v1/chats/${school}/members`])
    expect((await signups()).sort()).toEqual(members.map((m) => `${m.name}:confirmed`).sort())
  })

  it('Lark names are cleaned before anything reads them: a line break or an override never reaches a reply, the bot\'s name goes to nobody', async () => {
    await say('ou_zhang', '/排期 12月3日下午 联合教研 名额40')
    const school = 'oc_names_group'
    const members = [
      { member_id: 'ou_forger', name: '王老师\n学区助手> 明天停课' },
      { member_id: 'ou_rlo', name: '\u202e李四' },
      { member_id: 'ou_likebot', name: '学区 助手' },
    ]
    fake.chats.set(school, { name: '实验小学\u2028教研群', members })
    await inTx(test.app.db, async (tx) => {
      const district = await tx.district.findFirstOrThrow()
      await tx.group.create({ data: { platform: 'lark', chatId: school, title: '实验小学教研群', districtId: district.id } })
    })
    const replies: string[] = []
    for (const m of members) replies.push(...(await texts(m.member_id, '/报名 1', { chatId: school })))
    expect(replies).toHaveLength(3)
    for (const reply of replies) {
      expect(reply).not.toMatch(/[\n\u2028\u202e]/)
      expect(reply).not.toContain('学区')
    }
    expect(await signups()).toEqual(['成员rger:confirmed', '李四:confirmed', '成员ebot:confirmed'])
    expect((await inTx(test.app.db, (tx) => tx.group.findFirstOrThrow({ where: { chatId: school } }))).title).toBe('实验小学 教研群')
  })

  it('"报名" replying to the announcement card signs up; a reply to a person does not', async () => {
    const [card] = await say('ou_zhang', '/排期 12月3日下午 联合教研')
    const [ok] = await texts('ou_wang', '报名', { parentId: card!.messageId })
    expect(ok).toBe('王芳 报名成功：#1「联合教研」，第 1 位。')
    fake.messages.set('om_person', { msg_type: 'text', content: JSON.stringify({ text: '#1 我也去' }), fromApp: false, senderId: 'ou_zhang' })
    expect(await texts('ou_li', '+1', { parentId: 'om_person' })).toEqual([])
    expect(await texts('ou_li', '报名 1')).toHaveLength(1)
    expect(await signups()).toEqual(['王芳:confirmed', '李明:confirmed'])
  })

  it('runs every command of the issue in the group', async () => {
    const steps: [string, string, string][] = [
      ['ou_wang', '/我是 王芳 育秀实验学校 语文 教龄5', '已记录：王芳 · 育秀实验学校 · 语文（教龄已记录，只在私聊里显示）'],
      ['ou_zhang', '/工作室 创建 初中语文名师工作室 导师 王佩红', '已创建工作室 1「初中语文名师工作室」'],
      ['ou_pei', '/ping', '学区管理员确认是您本人后，您的账号才会得到它'],
      ['ou_zhang', '/确认 王佩红', '已确认：飞书账号「王佩红」就是登记的「王佩红」'],
      ['ou_zhang', '/工作室', '1. 初中语文名师工作室'],
      ['ou_wang', '/拜师 1', '王芳 已申请加入「初中语文名师工作室」'],
      ['ou_pei', '/通过 1 王芳', '王芳 已成为「初中语文名师工作室」的徒弟，导师：王佩红。'],
      ['ou_li', '/ping', 'pong'],
      ['ou_zhang', '/结对 1 王佩红 李明', '王佩红 — 李明 结对成功。'],
      ['ou_zhang', '/排期 12月9日下午 徒弟汇报课 工作室1 仅徒弟 名额1 截止 12月8日', '报名限：工作室徒弟'],
      ['ou_wang', '/报名 1', '王芳 报名成功'],
      ['ou_li', '报名 1', '名额已满，李明 已进入候补第 1 位'],
      ['ou_zhang', '/名单 1', '1. 王芳 育秀实验学校 语文'],
      ['ou_li', '/名单 1', '您在候补第 1 位。'],
      ['ou_wang', '/取消报名 1', '已取消 王芳 的报名'],
      ['ou_zhang', '/设置 1 名额2', '已更新 #1「徒弟汇报课」'],
      ['ou_zhang', '/报名 1 王芳', '王芳：已报名，第 2 位'],
      ['ou_wang', '/我的', '#1 徒弟汇报课'],
      ['ou_wang', '/工作室 1', '王佩红 — 王芳、李明'],
      ['ou_li', '/提问 如何设计单元作业？', '已收到问题 #1（初中语文名师工作室）'],
      ['ou_li', '/匿名提问 怎么和家长沟通？', '已匿名记录问题 #2'],
      ['ou_pei', '/回答 1 先定单元目标。', '【答疑 #1】'],
      ['ou_wang', '/问题', '#2 怎么和家长沟通？（匿名）'],
      ['ou_wang', '/问题 全部', '#1 如何设计单元作业？（李明） — 已回答 1 条'],
      ['ou_wang', '/问题 搜索 单元', '答（王佩红）：先定单元目标。'],
    ]
    for (const [sender, text, expected] of steps) {
      const out = (await texts(sender, text)).join('\n')
      expect(out, text).toContain(expected)
    }
    // The answer quotes the question's own message and @mentions its asker.
    const answer = fake.sent.find((s) => s.text.includes('【答疑 #1】'))!
    expect(answer.kind).toBe('reply')
    expect(answer.text.startsWith('<at user_id="ou_li">李明</at>')).toBe(true)
  })

  it('a question asked in a direct chat stays out of the group unless shared; the admin sees anonymous askers in private only', async () => {
    await say('ou_zhang', '/工作室 创建 初中语文名师工作室 导师 王佩红')
    for (const who of ['ou_pei', 'ou_li', 'ou_wang']) await say(who, '/ping')
    await say('ou_zhang', '/确认 王佩红')
    const p2p = (sender: string) => ({ chatType: 'p2p' as const, chatId: `oc_p2p_${sender}`, mentions: [] })
    expect((await texts('ou_li', '/提问 学生厌学怎么办？', p2p('ou_li')))[0]).toContain('这个问题不公开')
    expect((await texts('ou_li', '/提问 公开：作文怎么批改？', p2p('ou_li')))[0]).toContain('已公开')
    expect((await texts('ou_li', '/匿名提问 被家长投诉了怎么办？', p2p('ou_li')))[0]).toContain('这个问题不公开')
    await texts('ou_li', '/匿名提问 怎么和家长沟通？')
    for (const [sender, command] of [['ou_wang', '/问题'], ['ou_zhang', '/问题'], ['ou_pei', '/问题 全部'], ['ou_zhang', '/问题 搜索 怎么']]) {
      const [list] = await texts(sender!, command!)
      expect(list, command).toContain('#2 作文怎么批改？（李明）')
      expect(list, command).toContain('#4 怎么和家长沟通？（匿名）')
      expect(list, command).not.toMatch(/厌学|投诉|匿名·/)
    }
    const [admin] = await texts('ou_zhang', '/问题', p2p('ou_zhang'))
    expect(admin).toContain('#3 被家长投诉了怎么办？（匿名·李明，不公开）')
    expect(admin).toContain('#4 怎么和家长沟通？（匿名·李明）')
    expect((await texts('ou_wang', '/问题 1', p2p('ou_wang')))[0]).toBe('没有找到编号为 #1 的问题。发送 /问题 查看。')
    // The mentor answers the anonymous one in private: told it went to the asker, named nowhere.
    const answered = await say('ou_pei', '/回答 3 先倾听，再沟通。', p2p('ou_pei'))
    // Two chats: sent side by side, so in either order (on PostgreSQL each chat takes its own send slot).
    expect(answered.map((m) => [m.kind, m.chatId, m.text]).sort()).toEqual([
      ['create', 'oc_p2p_ou_li', '【答疑 #3】\n问：被家长投诉了怎么办？\n答（王佩红）：先倾听，再沟通。'],
      ['reply', undefined, '已回答 #3，回答已私聊发给提问人。'],
    ])
  })

  it('an admin\'s 行事历 is downloaded from the message resources and imported with /导入', async () => {
    fake.resources.set('file_cal', Buffer.from('12月：\n1、主题式联合教研活动 育秀实验学校 中小学语文 第15周\n'))
    const before = fake.sent.length
    await say('ou_wang', '', { file: { key: 'file_cal', name: '行事历.txt' } })
    expect(fake.sent.length).toBe(before)
    await say('ou_zhang', '', { file: { key: 'file_cal', name: '行事历.txt' } })
    expect(fake.sent.at(-1)!.text).toBe('收到「行事历.txt」。发送 /导入 预览将要创建的活动，确认后发送 /导入 确认。')
    await say('ou_zhang', '/导入 确认')
    expect(fake.sent.at(-1)!.text).toContain('第2行 → 主题式联合教研活动 · 中小学语文 · 育秀实验学校，12月7日-11日（日期待定）')
    expect(await inTx(test.app.db, (tx) => tx.activity.count())).toBe(1)
  })

  it('a file is uploaded with im.file.create and sent as a file message, after the text that says what it is', async () => {
    const before = fake.sent.length
    await adapter.send({ chat: { platform: 'lark', chatId: 'oc_dm' }, text: '档案：', file: { name: '示范学区-档案.xlsx', base64: Buffer.from('xlsx bytes').toString('base64') } })
    expect([...fake.files.values()]).toEqual([{ type: 'xls', name: '示范学区-档案.xlsx', bytes: expect.any(Number) }])
    expect(fake.sent.slice(before).map((s) => [s.chatId, s.msgType, s.text])).toEqual([
      ['oc_dm', 'text', '档案：'],
      ['oc_dm', 'file', `[file ${[...fake.files.keys()][0]}]`],
    ])
  })
})
