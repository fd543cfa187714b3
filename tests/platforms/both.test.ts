import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { inTx } from '../../src/db/client.ts'
import { createLogger } from '../../src/log.ts'
import { startHttpServer } from '../../src/platforms/http-server.ts'
import { LARK_EVENTS_PATH, type LarkAdapter } from '../../src/platforms/lark/index.ts'
import { createSendRouter } from '../../src/platforms/platform.ts'
import { WechatAdapter } from '../../src/platforms/wechat/index.ts'
import { FakeLark, encrypt, fakeLarkAdapter, messageEvent, postSigned } from '../helpers/fake-lark.ts'
import { eventually, openTestApp, type TestApp } from '../helpers/test-app.ts'

const KEY = 'both-key'
const TOKEN = 'both-token'

describe('one district with a WeChat group and a Lark group', () => {
  let fake: FakeLark
  let test: TestApp
  let bot: Wechaty
  let mocker: mock.Mocker
  let wechat: WechatAdapter
  let larkAdapter: LarkAdapter
  let http: Awaited<ReturnType<typeof startHttpServer>>
  const now = new Date('2026-11-23T09:00:00+08:00')

  beforeEach(async () => {
    fake = await new FakeLark().start()
    fake.chats.set('oc_yuxiu', { name: '育秀学区飞书群', members: [{ member_id: 'ou_li', name: '李校长' }, { member_id: 'ou_chen', name: '陈老师' }] })
    const router = createSendRouter()
    test = await openTestApp({ send: router.send, clock: () => now })
    const log = createLogger('silent')
    mocker = new mock.Mocker()
    bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) })
    wechat = new WechatAdapter({ bot, dispatch: test.app.dispatch, announce: test.app.announce, log, botName: '学区助手', sendIntervalMs: 0, sendJitterMs: 0 })
    larkAdapter = fakeLarkAdapter(fake, test.app, { clock: () => now, encryptKey: KEY, verificationToken: TOKEN })
    router.use('wechat', (m) => wechat.send(m))
    router.use('lark', (m) => larkAdapter.send(m))
    await wechat.start()
    await larkAdapter.start()
    http = await startHttpServer({ port: 0, host: '127.0.0.1', routes: { [LARK_EVENTS_PATH]: larkAdapter.handleWebhook }, log })
  })

  afterEach(async () => {
    await wechat.stop()
    await larkAdapter.stop()
    await http.close()
    await fake.stop()
    await test.close()
  })

  let self: mock.ContactMock
  let director: mock.ContactMock
  let room: mock.RoomMock
  const wechatSeen: string[] = []

  /** Logs the bot in and opens the district's WeChat room with 张主任. */
  async function loginWechat() {
    self = mocker.createContact({ name: '学区助手' })
    mocker.login(self)
    await eventually(() => bot.isLoggedIn, 'login')
    director = mocker.createContact({ name: '张主任' })
    room = mocker.createRoom({ topic: '育秀学区教研群', memberIdList: [self.id, director.id] })
    wechatSeen.length = 0
    room.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && wechatSeen.push(m.text() ?? '')))
  }

  async function sayWechat(text: string, who: mock.ContactMock = director) {
    const before = wechatSeen.length
    who.say(text).to(room)
    await eventually(() => wechatSeen.length > before, text)
    return wechatSeen[before]!
  }

  async function sayLark(sender: string, text: string, o: Partial<Parameters<typeof messageEvent>[0]> = {}) {
    const before = fake.sent.length
    const event = messageEvent({ token: TOKEN, chatId: 'oc_yuxiu', sender, text: `@_user_1 ${text}`, mentions: [{ key: '@_user_1', openId: fake.botOpenId, name: '学区助手' }], ...o })
    expect((await postSigned(`http://127.0.0.1:${http.port}${LARK_EVENTS_PATH}`, encrypt(event, KEY), KEY)).status).toBe(200)
    await larkAdapter.idle()
    return fake.sent.slice(before).map((s) => s.text).join('\n')
  }

  /** What the bot said to 张主任 in his direct chat. */
  const directorInbox: string[] = []

  /** Claims the district in WeChat; the director gets a group bind code in his direct chat, never in the room. */
  async function districtOnBoth() {
    expect(await sayWechat(`/认领 ${await test.claimCode()} 育秀学区`)).toContain('认领成功')
    await sayWechat('/学期 2026-09-01 2027-01-22 第一学期')
    expect(await sayWechat('/绑定码')).toContain('群绑定码只私聊发送。请先私聊我')
    directorInbox.length = 0
    director.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && !m.room() && directorInbox.push(m.text() ?? '')))
    director.say('/ping').to(self)
    await eventually(() => directorInbox.length > 0, 'the direct answer')
    expect(await sayWechat('/绑定码')).toMatch(/^@张主任\s群绑定码已私聊发给您（绑定码只私聊发送，不发在群里）。$/)
    await eventually(() => directorInbox.length > 1, 'the code in the direct chat')
    const code = /绑定码：([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(directorInbox[1]!)?.[1]
    expect(code).toBeTruthy()
    expect(wechatSeen.join('\n')).not.toContain(code!)
    return code!
  }

  it('binds the Lark group with a code from the WeChat group; an activity scheduled in WeChat lists in Lark', async () => {
    await loginWechat()
    const code = await districtOnBoth()

    expect(await sayLark('ou_chen', '/绑定 育秀学区')).toContain('没有找到')
    expect(await sayLark('ou_li', `/绑定 ${code}`)).toContain('已将本群绑定到「育秀学区」。学区的活动和提醒会同步到本群。\n（绑定群不带任何角色：李校长 在这个平台的账号还不是管理员')
    expect(await sayLark('ou_chen', `/绑定 ${code}`)).toContain('已用过')
    // The admin who was given the code is told where it was used, and how to undo it.
    await eventually(() => directorInbox.some((t) => t.includes('已被 李校长 使用')), 'the notice to the director')
    expect(directorInbox.at(-1)).toMatch(new RegExp(`^您的群绑定码 ${code} 已被 李校长 使用：飞书群「育秀学区飞书群」已加入「育秀学区」。\\n如果不是您安排的，请发送 /解绑 \\d+ 把它移出学区。$`))
    expect(await sayLark('ou_li', '/排期 下周五下午 教研')).toContain('只有学区管理员和组织者可以使用')

    expect(await sayWechat('/排期 下周三下午 联合教研 数学 @实验小学')).toContain('已安排')
    const list = await sayLark('ou_chen', '/活动')
    expect(list).toContain('联合教研')
    expect(list).toContain('实验小学')

    const groups = await inTx(test.app.db, (tx) => tx.group.findMany({ orderBy: { id: 'asc' } }))
    const bound = groups.filter((g) => g.platform !== 'console' && !g.direct)
    expect(bound.map((g) => g.platform)).toEqual(['wechat', 'lark'])
    expect(new Set(bound.map((g) => g.districtId)).size).toBe(1)
  })

  it('one teacher on both: /绑定码 in a WeChat direct chat, /绑定 in a Lark direct chat, one member with both sign-ups', async () => {
    await loginWechat()
    const code = await districtOnBoth()
    await sayLark('ou_li', `/绑定 ${code}`)
    await sayWechat('/排期 下周三下午 联合教研 名额5')
    await sayWechat('/排期 下周四下午 名师讲堂 名额5')
    // 陈老师 signs up for #1 in WeChat and for #2 in Lark, as two accounts.
    const chen = mocker.createContact({ name: '陈老师' })
    room.payload.memberIdList.push(chen.id)
    expect(await sayWechat('/报名 1', chen)).toContain('陈老师 报名成功')
    expect(await sayLark('ou_chen', '/报名 2')).toContain('陈老师 报名成功')
    expect(await inTx(test.app.db, (tx) => tx.member.count({ where: { displayName: '陈老师' } }))).toBe(2)

    const direct: string[] = []
    chen.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && direct.push(m.text() ?? '')))
    chen.say('/绑定码').to(self)
    await eventually(() => direct.length > 0, 'link code')
    const linkCode = /\d{4}-\d{4}/.exec(direct[0]!)![0]
    const p2p = { mentions: [], chatType: 'p2p' as const, chatId: 'oc_p2p_chen' }
    const asked = await sayLark('ou_chen', `/绑定 ${linkCode}`, { text: `/绑定 ${linkCode}`, ...p2p })
    expect(asked).toContain('· 微信「陈老师」（取绑定码的账号）\n· 飞书「陈老师」（您现在用的账号）')
    expect(await sayLark('ou_chen', '/确认', { text: '/确认', ...p2p })).toContain('还需要在取码的账号 微信「陈老师」 上私聊我发送 /确认')
    // The WeChat account that took the code is asked, and confirms.
    await eventually(() => direct.some((t) => t.includes('请求与您这个账号合并为同一人')), 'the question to the WeChat account')
    chen.say('/确认').to(self)
    await eventually(() => direct.some((t) => t.includes('绑定成功！陈老师 在微信、飞书的账号已合并为同一人')), 'the merge')
    const mine = await sayLark('ou_chen', '/我的', { text: '/我的', mentions: [], chatType: 'p2p', chatId: 'oc_p2p_chen' })
    expect(mine).toContain('#1 联合教研')
    expect(mine).toContain('#2 名师讲堂')
    expect(await inTx(test.app.db, (tx) => tx.member.count({ where: { displayName: '陈老师' } }))).toBe(1)
  })
})
