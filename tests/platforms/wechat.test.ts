import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import { Readable } from 'node:stream'
import { FileBox } from 'file-box'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { createSendRouter } from '../../src/platforms/platform.ts'
import { WechatAdapter, readQuote } from '../../src/platforms/wechat/index.ts'
import { createLogger } from '../../src/log.ts'
import { inTx } from '../../src/db/client.ts'
import { sharedStringBomb } from '../helpers/hostile-files.ts'
import { eventually, openTestApp, type TestApp } from '../helpers/test-app.ts'
import { runScript } from '../helpers/console-process.ts'

/** The operator's confirmation (npm run confirm), on the test's database file. */
async function runConfirm(district: string, name: string) {
  const run = await runScript('scripts/confirm.ts', ['--district', district, '--name', name], { DATABASE_URL: currentDb })
  expect(run.stderr).toBe('')
  expect(run.stdout).toContain(`已确认：新账号就是登记的「${name}」`)
}
let currentDb = ''

/** A puppet that, like wechat4u, knows members' group nicknames (the mock leaves them out). */
class PuppetWithAliases extends PuppetMock {
  /** Contact name → group nickname. */
  aliases = new Map<string, string>()
  /** Files sent, as the puppet received them. */
  files: { conversation: string; name: string; size: number }[] = []
  override async messageSendFile(conversationId: string, file: Parameters<PuppetMock['messageSendFile']>[1]) {
    this.files.push({ conversation: conversationId, name: file.name, size: (await file.toBuffer()).length })
    return super.messageSendFile(conversationId, file)
  }
  override async roomMemberRawPayload(roomId: string, contactId: string) {
    const payload = await super.roomMemberRawPayload(roomId, contactId)
    return { ...payload, roomAlias: this.aliases.get(payload.name) ?? '' }
  }
}

describe('WeChat through wechaty and the mock puppet', () => {
  let mocker: mock.Mocker
  let puppet: PuppetWithAliases
  let bot: Wechaty
  let test: TestApp
  let adapter: WechatAdapter
  let self: mock.ContactMock
  const seen: { room: string; talker: string; text: string }[] = []
  let tick = 0
  /** Starts Monday 2026-11-23 09:00 in Shanghai and moves a second per reading. */
  const clock = () => new Date(Date.parse('2026-11-23T09:00:00+08:00') + 1000 * tick++)

  beforeEach(async () => {
    seen.length = 0
    mocker = new mock.Mocker()
    puppet = new PuppetWithAliases({ mocker })
    bot = WechatyBuilder.build({ puppet })
    const router = createSendRouter()
    test = await openTestApp({ send: router.send, clock })
    currentDb = test.config.DATABASE_URL
    adapter = new WechatAdapter({ bot, dispatch: test.app.dispatch, announce: test.app.announce, log: createLogger('silent'), botName: '学区助手', sendIntervalMs: 0, sendJitterMs: 0, clock })
    router.use('wechat', (m) => adapter.send(m))
    await adapter.start()
    self = mocker.createContact({ name: '学区助手' })
    mocker.login(self)
    await eventually(() => bot.isLoggedIn, 'login')
  })

  afterEach(async () => {
    await adapter.stop()
    await test.close()
  })

  function room(topic: string, members: mock.ContactMock[]) {
    const r = mocker.createRoom({ topic, memberIdList: [self.id, ...members.map((m) => m.id)] })
    r.on('message', (m: mock.MessageMock) => void seen.push({ room: topic, talker: m.talker().id, text: m.text() ?? "" }))
    return r
  }

  /** Says a line in a room and returns the bot's answers there. */
  async function say(who: mock.ContactMock, where: mock.RoomMock, text: string, mentions: mock.ContactMock[] = [], count = 1) {
    const topic = where.payload.topic
    const before = seen.filter((s) => s.room === topic && s.talker === self.id).length
    who.say(text, mentions).to(where)
    await eventually(() => seen.filter((s) => s.room === topic && s.talker === self.id).length >= before + count, `reply to ${text}`)
    return seen.filter((s) => s.room === topic && s.talker === self.id).slice(before).map((s) => s.text)
  }

  async function claimedRoom() {
    const director = mocker.createContact({ name: '张主任' })
    const teacher = mocker.createContact({ name: '王老师' })
    const r1 = room('育秀学区教研群', [director, teacher])
    const code = await test.claimCode()
    const [claimed] = await say(director, r1, `/认领 ${code} 育秀学区`)
    expect(claimed).toContain('认领成功')
    await say(director, r1, '/学期 2026-09-01 2027-01-22 第一学期')
    return { director, teacher, r1 }
  }

  it('schedules, lists and refuses in a room, answering the asker by @mention', async () => {
    const { director, teacher, r1 } = await claimedRoom()
    const [scheduled] = await say(director, r1, '/排期 下周三下午 联合教研 数学 @实验小学')
    expect(scheduled).toMatch(/^@张主任[\u2005 ]已安排/)
    expect(scheduled).toContain('12月2日')
    expect(scheduled).toContain('实验小学')
    const [list] = await say(teacher, r1, '/活动')
    expect(list).toContain('联合教研')
    const [refused] = await say(teacher, r1, '/排期 下周四上午 听课')
    expect(refused).toContain('管理员')
    const rows = await inTx(test.app.db, (tx) => tx.activity.count())
    expect(rows).toBe(1)
  })

  it('answers an @mention of the bot, with or without a slash, and ignores other chat', async () => {
    const { teacher, r1 } = await claimedRoom()
    const [help] = await say(teacher, r1, '@学区助手\u2005帮助', [self])
    expect(help).toContain('/活动')
    const [week] = await say(teacher, r1, '@学区助手\u2005/本周', [self])
    expect(week).toContain('本周')
    const before = seen.length
    teacher.say('大家好，明天的教研几点开始？').to(r1)
    teacher.say('@学区助手', [self]).to(r1)
    await eventually(() => seen.filter((s) => s.talker === self.id).length > 0 && seen.length >= before + 3, 'the addressed answer')
    const answers = seen.slice(before).filter((s) => s.talker === self.id)
    expect(answers).toHaveLength(1)
    expect(answers[0]!.text).toContain('/帮助')
  })

  it('serves two rooms bound to one district with the same records', async () => {
    const { director, teacher, r1 } = await claimedRoom()
    const r2 = room('育秀学区语文组', [director, teacher])
    const [bound] = await say(director, r2, '/绑定 育秀学区')
    expect(bound).toContain('育秀学区')
    await say(director, r1, '/排期 下周三下午 联合教研 数学')
    const [list] = await say(teacher, r2, '/活动')
    expect(list).toContain('联合教研')
    const groups = await inTx(test.app.db, (tx) => tx.group.findMany({ where: { platform: 'wechat' }, orderBy: { id: 'asc' } }))
    expect(groups.map((g) => g.title)).toEqual(['育秀学区教研群', '育秀学区语文组'])
    expect(new Set(groups.map((g) => g.districtId)).size).toBe(1)
  })

  /** A re-login as wechat4u does it: every contact and room comes back under a new id; the old ids are gone. */
  async function relogin(oldRooms: mock.RoomMock[]) {
    await bot.logout()
    await eventually(() => !bot.isLoggedIn, 'logout')
    for (const r of oldRooms) mocker.cacheRoomPayload.delete(r.id)
    await new Promise((r) => setTimeout(r, 5))
    mocker.login(self)
    await eventually(() => bot.isLoggedIn, 'second login')
  }

  it('keeps a member when the puppet gives new ids after a re-login', async () => {
    const { director, teacher, r1 } = await claimedRoom()
    const { app } = test
    await say(teacher, r1, '/ping')
    await relogin([r1])
    const teacher2 = mocker.createContact({ name: '王老师' })
    const director2 = mocker.createContact({ name: '张主任' })
    const r1b = room('育秀学区教研群', [teacher2, director2])
    // The group is known again by its title; the teacher by name in it, with his records.
    expect((await say(teacher2, r1b, '/活动'))[0]).not.toContain('还没有绑定')
    const accounts0 = await inTx(app.db, (tx) => tx.account.findMany({ where: { platform: 'wechat', displayName: '王老师' } }))
    expect(accounts0.map((a) => a.userId)).toEqual([teacher2.id])
    // The admin's role never goes by a name: the account writing as 张主任 waits for an admin's confirmation.
    const [waiting, note] = await say(director2, r1b, '/排期 下周三下午 联合教研 数学', [], 2)
    expect(waiting).toContain('只有学区管理员和组织者可以使用')
    expect(note).toContain('学区管理员确认是您本人后')
    await runConfirm('育秀学区', '张主任')
    const [scheduled] = await say(director2, r1b, '/排期 下周三下午 联合教研 数学')
    expect(scheduled).toContain('已安排')
    const groups = await inTx(app.db, (tx) => tx.group.findMany({ where: { platform: 'wechat' } }))
    expect(groups).toHaveLength(1)
    expect(groups[0]!.chatId).toBe(r1b.id)
    const accounts = await inTx(app.db, (tx) => tx.account.findMany({ where: { platform: 'wechat', displayName: '张主任' }, orderBy: { id: 'asc' } }))
    expect(accounts.map((a) => a.userId)).toEqual([director.id, director2.id])
    expect(new Set(accounts.map((a) => a.memberId)).size).toBe(1)
    // Someone else of the same name, after the known one has spoken in this login, is a new person.
    const namesake = mocker.createContact({ name: '张主任' })
    await puppet.roomMemberList(r1b.id).then((ids) => ids.push(namesake.id))
    const [refused] = await say(namesake, r1b, '/排期 下周四上午 听课')
    expect(refused).toContain('管理员')
    const after = await inTx(app.db, (tx) => tx.account.findMany({ where: { platform: 'wechat', displayName: '张主任' }, orderBy: { id: 'asc' } }))
    // The known accounts keep their ids; the newcomer is a member of his own.
    expect(after.map((a) => a.userId)).toEqual([director.id, director2.id, namesake.id])
    expect(after[2]!.memberId).not.toBe(after[1]!.memberId)
  })

  it('after a re-login, a second group made with the same title takes nothing, and a namesake of the admin writing first gets no role', async () => {
    const { r1 } = await claimedRoom()
    await relogin([r1])
    const attacker = mocker.createContact({ name: '张主任' })
    const director2 = mocker.createContact({ name: '张主任' })
    const r1b = room('育秀学区教研群', [director2, attacker])
    // The attacker writes first in the real group under the admin's name: not an admin.
    const [refused] = await say(attacker, r1b, '/设置 名称 被攻击的学区', [], 2)
    expect(refused).toContain('只有学区管理员')
    // Then makes a group of his own with the same title: the district stays where it was.
    const fake = room('育秀学区教研群', [attacker])
    const [unbound] = await say(attacker, fake, '/活动')
    expect(unbound).toContain('本群还没有绑定学区')
    const groups = await inTx(test.app.db, (tx) => tx.group.findMany({ where: { platform: 'wechat', districtId: { not: null } } }))
    expect(groups.map((g) => g.chatId)).toEqual([r1b.id])
    expect((await inTx(test.app.db, (tx) => tx.district.findFirstOrThrow())).name).toBe('育秀学区')
  })

  it('uses the group nickname as the display name and grants roles by @mention', async () => {
    puppet.aliases.set('王老师', '王芳-实验小学')
    const { director, teacher, r1 } = await claimedRoom()
    const [granted] = await say(director, r1, '/授权 @王老师\u2005组织者', [teacher])
    expect(granted).toContain('组织者')
    const [scheduled] = await say(teacher, r1, '/排期 下周四上午 听课评课')
    expect(scheduled).toContain('听课评课')
    const account = await inTx(test.app.db, (tx) => tx.account.findUnique({ where: { platform_userId: { platform: 'wechat', userId: teacher.id } } }))
    expect(account?.displayName).toBe('王芳-实验小学')
  })

  it('answers a direct message and keeps district commands to groups', async () => {
    const teacher = mocker.createContact({ name: '李老师' })
    const replies: string[] = []
    teacher.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && replies.push(m.text() ?? "")))
    teacher.say('/ping').to(self)
    teacher.say('/活动').to(self)
    await eventually(() => replies.length >= 2, 'direct replies')
    expect(replies[0]).toBeTruthy()
    expect(replies[1]).toContain('群')
  })

  it('cuts a long answer into several messages in order', async () => {
    const { director, r1 } = await claimedRoom()
    for (let i = 1; i <= 3; i++) await say(director, r1, `/排期 第${12 + i}周周三下午 联合教研第${i}次 数学 @第${i}实验小学`)
    const small = new WechatAdapter({ bot, dispatch: test.app.dispatch, announce: test.app.announce, log: createLogger('silent'), botName: '学区助手', sendIntervalMs: 0, sendJitterMs: 0, maxTextLength: 40 })
    const before = seen.length
    await small.send({ chat: { platform: 'wechat', chatId: r1.id }, text: Array.from({ length: 6 }, (_, i) => `第${i + 1}行：联合教研安排在实验小学`).join('\n') })
    await eventually(() => seen.length >= before + 3, 'pieces')
    const pieces = seen.slice(before).map((s) => s.text)
    expect(pieces.every((p) => [...p].length <= 40)).toBe(true)
    expect(pieces.join('\n')).toBe(Array.from({ length: 6 }, (_, i) => `第${i + 1}行：联合教研安排在实验小学`).join('\n'))
  })

  it('sends an export as a file (FileBox) after its text', async () => {
    const { r1 } = await claimedRoom()
    const before = seen.length
    await adapter.send({ chat: { platform: 'wechat', chatId: r1.id }, text: '档案：', file: { name: '示范学区-档案.xlsx', base64: Buffer.from('xlsx').toString('base64') } })
    expect(puppet.files).toEqual([{ conversation: r1.id, name: '示范学区-档案.xlsx', size: 4 }])
    expect(seen.slice(before).map((s) => s.text)[0]).toBe('档案：')
  })

  it('imports a 行事历 an admin sends to the room as a file', async () => {
    const { director, teacher, r1 } = await claimedRoom()
    const calendar = '9月：\n1、主题式联合教研活动：育秀实验学校 中小学语文 第4周\n2、教学视导 肇文学校\n'
    const file = (name: string) => {
      const box = FileBox.fromBase64(Buffer.from(calendar).toString('base64'), name)
      // The mock puppet files a message as an attachment only for this media type (real puppets send documents as attachments).
      Object.assign(box, { _mediaType: 'application/octet-stream' })
      return box
    }
    teacher.say(file('教师的文件.txt')).to(r1)
    director.say(file('行事历.txt')).to(r1)
    await eventually(() => seen.some((s) => s.talker === self.id && s.text.includes('收到「')), 'file received')
    // Only the admin's file is taken, and said so.
    expect(seen.filter((s) => s.talker === self.id && s.text.includes('收到「')).map((s) => s.text)).toEqual([
      '@张主任 收到「行事历.txt」。发送 /导入 预览将要创建的活动，确认后发送 /导入 确认。',
    ])
    const [preview] = await say(director, r1, '/导入')
    expect(preview).toContain('将创建 2 项活动：')
    const [done] = await say(director, r1, '/导入 确认')
    expect(done).toContain('完成：创建 2 项')
    expect(await inTx(test.app.db, (tx) => tx.pendingImport.count())).toBe(0)
  })

  /** A file message from `who`; the mock files a message as an attachment only for these media types (real puppets send any document as one). */
  function sendFile(who: mock.ContactMock, where: mock.RoomMock, box: FileBox) {
    Object.assign(box, { _mediaType: '.txt' })
    who.say(box).to(where)
  }
  const botSaid = (part: string) => seen.filter((s) => s.talker === self.id && s.text.includes(part)).map((s) => s.text)

  it('answers a hostile 行事历 with a clear sentence, keeps nothing, and goes on answering', async () => {
    const { director, r1 } = await claimedRoom()
    sendFile(director, r1, FileBox.fromBase64((await sharedStringBomb()).toString('base64'), '行事历.xlsx'))
    await eventually(() => botSaid('读不了').length > 0, 'the refusal', 15_000)
    expect(botSaid('读不了')).toEqual([
      '@张主任 读不了「行事历.xlsx」：解压后超过 24 MB。请只保留行事历部分，另存为新的 Word（.docx）或 Excel（.xlsx）文件，或复制成文本（.txt）后再发送。',
    ])
    expect(await say(director, r1, '/ping')).toHaveLength(1)
    expect((await say(director, r1, '/导入'))[0]).toContain('请先把行事历文件')
    expect(await inTx(test.app.db, (tx) => tx.pendingImport.count())).toBe(0)
  })

  it('refuses a file the puppet says is over 5 MB without downloading it, and stops a download of unknown size at 5 MB', async () => {
    const { director, r1 } = await claimedRoom()
    let pulled = 0
    const downloads: string[] = []
    // An endless download, counting what the bot takes of it. (FileBox.setUuidLoader refuses on the base class,
    // whose declared static field already counts as set: file-box 1.5.5.)
    Object.assign(FileBox, { uuidToStream: async (uuid: string) => {
      downloads.push(uuid)
      return Readable.from((function* () {
        for (let i = 0; i < 1000; i++) {
          pulled += 64 * 1024
          yield Buffer.alloc(64 * 1024, 0x61)
        }
      })())
    } })
    sendFile(director, r1, FileBox.fromUuid('big-known', { name: '行事历.docx', size: 6 * 1024 * 1024 }))
    await eventually(() => botSaid('文件太大了').length === 1, 'the first refusal')
    expect(downloads).toEqual([])
    sendFile(director, r1, FileBox.fromUuid('big-unknown', { name: '行事历.txt' }))
    await eventually(() => botSaid('文件太大了').length === 2, 'the second refusal', 15_000)
    expect(downloads).toEqual(['big-unknown'])
    // The bot read up to the limit and stopped; Readable.from pulls at most a few chunks ahead.
    expect(pulled).toBeLessThan(5 * 1024 * 1024 + 20 * 64 * 1024)
    expect(botSaid('文件太大了')[0]).toBe('@张主任 文件太大了（最多 5 MB）。请只保留行事历部分再发送。')
  })

  it('signs up by quoting the announcement, keeps a waiting list and @mentions the one promoted', async () => {
    const { director, teacher, r1 } = await claimedRoom()
    const li = mocker.createContact({ name: '李老师' })
    await r1.payload.memberIdList.push(li.id)
    const [announced] = await say(director, r1, '/排期 12月3日下午 联合教研 名额1')
    expect(announced).toContain('报名：回复本条消息「报名」，或发送 /报名 1')
    const quote = `「学区助手：${announced}」\n- - - - - - - - - - - - - - -\n报名`
    const [first] = await say(teacher, r1, quote)
    expect(first).toContain('王老师 报名成功：#1「联合教研」，第 1 位')
    const [second] = await say(li, r1, '报名 1')
    expect(second).toContain('李老师 已进入候补第 1 位')
    // Quoting a person's message with "+1" is their 接龙, not the bot's.
    li.say('「王老师：#1 我也去」\n- - - - - - - - - - - - - - -\n+1').to(r1)
    const [, promoted] = await say(teacher, r1, '/取消报名 1', [], 2)
    expect(promoted).toContain('@李老师')
    expect(promoted).toContain('候补的 李老师 已递补为正式名额')
    const rows = await inTx(test.app.db, (tx) => tx.signup.findMany({ orderBy: { seq: 'asc' }, include: { member: true } }))
    expect(rows.map((r) => `${r.member.displayName}:${r.status}`)).toEqual(['王老师:cancelled', '李老师:confirmed'])
  })

  it('an anonymous question asked in a direct chat: the answering mentor is not told who asked, the room never sees it, only the admin in private sees the name', async () => {
    const { director, r1 } = await claimedRoom()
    const mentor = mocker.createContact({ name: '王佩红' })
    const asker = mocker.createContact({ name: '张老师' })
    r1.payload.memberIdList.push(mentor.id, asker.id)
    await say(director, r1, '/工作室 创建 初中语文名师工作室 导师 王佩红')
    await say(mentor, r1, '/ping', [], 2)
    await say(director, r1, '/确认 王佩红')
    await say(asker, r1, '/ping')
    /** Says a line to the bot in a direct chat and returns its answers there. */
    const inbox = new Map<string, string[]>()
    for (const c of [director, mentor, asker]) {
      inbox.set(c.id, [])
      c.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && !m.room() && inbox.get(c.id)!.push(m.text() ?? '')))
    }
    const dm = async (who: mock.ContactMock, text: string, count = 1) => {
      const before = inbox.get(who.id)!.length
      who.say(text).to(self)
      await eventually(() => inbox.get(who.id)!.length >= before + count, `direct reply to ${text}`)
      return inbox.get(who.id)!.slice(before)
    }
    expect((await dm(asker, '/匿名提问 学生长期不交作业怎么办？'))[0]).toContain('已匿名记录问题 #1（初中语文名师工作室）。这个问题不公开')
    await say(asker, r1, '/匿名提问 怎么和家长沟通？')
    const [inRoom] = await say(director, r1, '/问题')
    expect(inRoom).toContain('#2 怎么和家长沟通？（匿名）')
    expect(inRoom).not.toMatch(/不交作业|张老师/)
    const [inPrivate] = await dm(director, '/问题')
    expect(inPrivate).toContain('#1 学生长期不交作业怎么办？（匿名·张老师，不公开）')
    expect(inPrivate).toContain('#2 怎么和家长沟通？（匿名·张老师）')
    const roomBefore = seen.filter((s) => s.room === r1.payload.topic).length
    expect(await dm(mentor, '/回答 1 先了解原因，再和家长沟通。')).toEqual(['已回答 #1，回答已私聊发给提问人。'])
    await eventually(() => inbox.get(asker.id)!.some((t) => t.includes('【答疑 #1】')), 'the answer in the asker\'s direct chat')
    expect(inbox.get(asker.id)!.at(-1)).toBe('【答疑 #1】\n问：学生长期不交作业怎么办？\n答（王佩红）：先了解原因，再和家长沟通。')
    expect(seen.filter((s) => s.room === r1.payload.topic).length).toBe(roomBefore)
  })

  it('runs every command of the sign-up, workshop and Q&A issue in a room', async () => {
    const { director, teacher, r1 } = await claimedRoom()
    const mentor = mocker.createContact({ name: '王佩红' })
    const li = mocker.createContact({ name: '李明' })
    r1.payload.memberIdList.push(mentor.id, li.id)
    const steps: [mock.ContactMock, string, string, number?][] = [
      [teacher, '/我是 王芳 育秀实验学校 语文 教龄5', '已记录：王芳 · 育秀实验学校 · 语文（教龄已记录，只在私聊里显示）'],
      [director, '/工作室 创建 初中语文名师工作室 导师 王佩红', '已创建工作室 1「初中语文名师工作室」'],
      [mentor, '/ping', '学区管理员确认是您本人后，您的账号才会得到它', 2],
      [director, '/确认 王佩红', '已确认：微信账号「王佩红」就是登记的「王佩红」'],
      [director, '/工作室', '1. 初中语文名师工作室'],
      [teacher, '/拜师 1', '王芳 已申请加入「初中语文名师工作室」'],
      [mentor, '/通过 1 王芳', '王芳 已成为「初中语文名师工作室」的徒弟，导师：王佩红。'],
      [li, '/ping', 'pong'],
      [director, '/结对 1 王佩红 李明', '王佩红 — 李明 结对成功。'],
      [director, '/排期 12月9日下午 徒弟汇报课 工作室1 仅徒弟 名额1 截止 12月8日', '报名限：工作室徒弟'],
      [teacher, '/报名 1', '王芳 报名成功'],
      [li, '报名 1', '名额已满，李明 已进入候补第 1 位'],
      [director, '/名单 1', '1. 王芳 育秀实验学校 语文'],
      [li, '/名单 1', '您在候补第 1 位。'],
      [teacher, '/取消报名 1', '已取消 王芳 的报名', 2],
      [director, '/设置 1 名额2', '已更新 #1「徒弟汇报课」'],
      [director, '/报名 1 王芳', '王芳：已报名，第 2 位'],
      [teacher, '/我的', '#1 徒弟汇报课'],
      [teacher, '/工作室 1', '王佩红 — 王芳、李明'],
      [li, '/提问 如何设计单元作业？', '已收到问题 #1（初中语文名师工作室）'],
      [li, '/匿名提问 怎么和家长沟通？', '已匿名记录问题 #2'],
      [mentor, '/回答 1 先定单元目标。', '【答疑 #1】'],
      [teacher, '/问题', '#2 怎么和家长沟通？（匿名）'],
      [teacher, '/问题 全部', '#1 如何设计单元作业？（李明） — 已回答 1 条'],
      [teacher, '/问题 搜索 单元', '答（王佩红）：先定单元目标。'],
    ]
    for (const [who, text, expected, count] of steps) {
      const out = (await say(who, r1, text, [], count ?? 1)).join('\n')
      expect(out, text).toContain(expected)
    }
    // The answer @mentions the asker.
    expect(seen.find((s) => s.text.includes('【答疑 #1】'))!.text).toContain('@李明')
  })
})

describe('WeChat quoted replies', () => {
  it('splits the quote from the reply', () => {
    expect(readQuote('「王老师：周三的教研在哪里？」\n- - - - - - - - - - - - - - -\n/活动')).toEqual({ text: '/活动', replyTo: { id: '', text: '周三的教研在哪里？', name: '王老师' } })
    expect(readQuote('/活动\n- - - - - - - - - - - - - - -\n「王老师：周三的教研在哪里？」').text).toBe('/活动')
    expect(readQuote('普通的一句话')).toEqual({ text: '普通的一句话' })
  })
})
