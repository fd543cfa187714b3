import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { mock } from 'wechaty-puppet-mock'
import { inTx } from '../../src/db/client.ts'
import { LARK_EVENTS_PATH } from '../../src/platforms/lark/index.ts'
import { encrypt, messageEvent, postSigned, startLarkBench, type LarkBench } from '../helpers/fake-lark.ts'
import { eventually, type TestApp } from '../helpers/test-app.ts'
import { startWechatBench, type WechatBench } from '../helpers/wechat-bench.ts'

const KEY = 'takeover-key'
const TOKEN = 'takeover-token'
const now = new Date('2026-11-23T09:00:00+08:00')

/**
 * The district is claimed in a Lark group by 张主任; 刘老师 is an ordinary
 * teacher there who tries what an attacker would.
 */
describe('nobody takes over a district through codes (Lark webhook)', () => {
  let bench: LarkBench
  const roles = () =>
    inTx(bench.test.app.db, (tx) => tx.memberRole.findMany({ include: { member: true } })).then((rows) => rows.map((r) => `${r.member.displayName}:${r.role}`).sort())

  beforeEach(async () => {
    bench = await startLarkBench({
      now, encryptKey: KEY, verificationToken: TOKEN,
      chats: {
        oc_district: { name: '育秀学区教研群', members: [{ member_id: 'ou_zhang', name: '张主任' }, { member_id: 'ou_liu', name: '刘老师' }, { member_id: 'ou_fake', name: '王佩红' }] },
        oc_liu_own: { name: '刘老师自己的群', members: [{ member_id: 'ou_liu', name: '刘老师' }] },
      },
    })
    await say('ou_zhang', `/认领 ${await bench.test.claimCode()} 育秀学区`)
  })
  afterEach(() => bench.close())

  /** One event from a member; what the bot sent because of it (in any chat). */
  async function say(sender: string, text: string, chatId = 'oc_district', chatType: 'group' | 'p2p' = 'group') {
    const before = bench.fake.sent.length
    const event = messageEvent({ token: TOKEN, chatId, sender, text, chatType })
    expect((await postSigned(`${bench.base}${LARK_EVENTS_PATH}`, encrypt(event, KEY), KEY)).status).toBe(200)
    await bench.adapter.idle()
    return bench.fake.sent.slice(before).map((m) => ({ chat: m.chatId ?? 'reply', text: m.text }))
  }
  const p2p = (sender: string, text: string) => say(sender, text, `oc_p2p_${sender}`, 'p2p')
  const CODE = /[0-9A-Z]{4}-[0-9A-Z]{4}/

  it('a group bind code is never shown in a group; used elsewhere it binds that group only, grants nothing, and the admin is told', async () => {
    // Asked for in the group: no code there, ever.
    const [refused] = await say('ou_zhang', '/绑定码')
    expect(refused!.text).toContain('请先私聊我')
    expect(refused!.text).not.toMatch(CODE)
    await p2p('ou_zhang', '/ping')
    const asked = await say('ou_zhang', '/绑定码')
    expect(asked.map((m) => m.chat).sort()).toEqual(['oc_p2p_ou_zhang', 'reply'])
    expect(asked.find((m) => m.chat === 'reply')!.text).toBe('群绑定码已私聊发给您（绑定码只私聊发送，不发在群里）。')
    const code = CODE.exec(asked.find((m) => m.chat === 'oc_p2p_ou_zhang')!.text)![0]
    // A teacher asking gets no code at all.
    expect((await say('ou_liu', '/绑定码')).map((m) => m.text).join()).not.toMatch(CODE)

    // The code leaks; a teacher redeems it in a group of his own: the group joins, he gains no role.
    const used = await say('ou_liu', `/绑定 ${code}`, 'oc_liu_own')
    expect(used.find((m) => m.chat === 'reply')!.text).toContain('绑定群不带任何角色')
    expect(await roles()).toEqual(['张主任:admin'])
    const notice = used.find((m) => m.chat === 'oc_p2p_ou_zhang')!.text
    expect(notice).toMatch(/^您的群绑定码 \S+ 已被 刘老师 使用：飞书群「刘老师自己的群」已加入「育秀学区」。\n如果不是您安排的，请发送 \/解绑 (\d+) 把它移出学区。$/)
    // He cannot remove the admin, nor give himself a role.
    expect((await say('ou_liu', '/撤销 张主任 管理员', 'oc_liu_own'))[0]!.text).toContain('只有学区管理员可以使用')
    expect((await say('ou_liu', '/授权 刘老师 管理员', 'oc_liu_own'))[0]!.text).toContain('只有学区管理员可以使用')
    // The admin takes the group out again, from his direct chat.
    const groupId = /\/解绑 (\d+)/.exec(notice)![1]
    expect((await p2p('ou_zhang', `/解绑 ${groupId}`))[0]!.text).toBe('已将「刘老师自己的群」移出「育秀学区」，它不再收到学区的活动和提醒。')
    expect((await say('ou_liu', '/活动', 'oc_liu_own'))[0]!.text).toContain('本群还没有绑定学区')
    expect(await roles()).toEqual(['张主任:admin'])
  })

  it('a personal link code shown in a group is refused and burnt; two accounts on one platform never merge', async () => {
    // The attacker takes a personal code and tricks the admin into sending it in the group.
    const [issued] = await p2p('ou_liu', '/绑定码')
    const code = /\d{4}-\d{4}/.exec(issued!.text)![0]
    expect(await say('ou_zhang', `/绑定 ${code}`)).toEqual([{ chat: 'reply', text: '个人账号绑定码只能私聊我使用。这个码已在群里公开，已作废；请私聊我发送 /绑定码 重新取一个。' }])
    expect((await p2p('ou_zhang', `/绑定 ${code}`))[0]!.text).toContain('绑定码不对、已用过或已过期')
    // A fresh code sent back from the admin's own Lark account: two Lark accounts are two people.
    const [again] = await p2p('ou_liu', '/绑定码')
    const fresh = /\d{4}-\d{4}/.exec(again!.text)![0]
    expect((await p2p('ou_zhang', `/绑定 ${fresh}`))[0]!.text).toBe('两个账号都在飞书上。个人绑定码用来把您在微信和飞书的账号合为一人，同一个平台的两个账号不能合并。')
    expect((await say('ou_zhang', '/确认'))[0]!.text).toBe('请这样写：/确认 王佩红（管理员确认同名新账号就是登记的那位老师），或在群里 /确认 @王佩红。私聊里发送 /确认 完成账号合并。')
    expect(await roles()).toEqual(['张主任:admin'])
    expect(await inTx(bench.test.app.db, (tx) => tx.confirmation.count())).toBe(0)
  })

  it('a teacher who takes a mentor\'s name before the workshop is made is not made its mentor', async () => {
    // One, a teacher of the district, registers the name in private; the other simply is called so on Lark.
    await say('ou_liu', '/ping')
    await p2p('ou_liu', '/我是 曹益君 育秀实验学校 语文 教龄15')
    await say('ou_fake', '/ping')
    for (const mentor of ['曹益君', '王佩红']) {
      const [refused] = await say('ou_zhang', `/工作室 创建 初中语文名师工作室 导师 ${mentor}`)
      expect(refused!.text).toContain(`「${mentor}」已经在群里发过言或登记过`)
    }
    expect(await inTx(bench.test.app.db, (tx) => tx.workshopMentor.count())).toBe(0)
    expect(await roles()).toEqual(['张主任:admin'])
  })

  it('repeated wrong codes are slowed down, per member and per chat, with nothing bound', async () => {
    for (let i = 0; i < 5; i++) expect((await say('ou_liu', `/绑定 ZZZZ-ZZZ${i + 2}`, 'oc_liu_own'))[0]!.text).toContain('绑定码不对')
    // Even a right code is not looked at now.
    await p2p('ou_zhang', '/ping')
    const code = CODE.exec((await say('ou_zhang', '/绑定码')).find((m) => m.chat === 'oc_p2p_ou_zhang')!.text)![0]
    expect((await say('ou_liu', `/绑定 ${code}`, 'oc_liu_own'))[0]!.text).toBe('输错的码太多了，请 15 分钟后再试。如果忘了码，请重新取一个。')
    expect((await say('ou_liu', '/活动', 'oc_liu_own'))[0]!.text).toContain('本群还没有绑定学区')
    const attempts = await inTx(bench.test.app.db, (tx) => tx.codeAttempt.count())
    expect(attempts).toBe(10)
  })
})

describe('a placeholder with a role is never taken by a name (WeChat)', () => {
  let bench: WechatBench
  let mocker: mock.Mocker
  let test: TestApp
  let self: mock.ContactMock
  const said: { chat: string; text: string }[] = []

  beforeEach(async () => {
    said.length = 0
    bench = await startWechatBench({ clock: () => now })
    ;({ mocker, test, self } = bench)
  })
  afterEach(() => bench.close())

  async function say(who: mock.ContactMock, where: mock.RoomMock | mock.ContactMock, text: string, count = 1) {
    const before = said.length
    who.say(text).to(where)
    await eventually(() => said.length >= before + count, text)
    await new Promise((r) => setTimeout(r, 50))
    return said.slice(before)
  }

  it('a stranger named 王佩红 gets no mentor role, list or answer until an admin confirms the real one', async () => {
    const director = mocker.createContact({ name: '张主任' })
    const stranger = mocker.createContact({ name: '王佩红' })
    const real = mocker.createContact({ name: '王佩红' })
    const room = mocker.createRoom({ topic: '育秀学区教研群', memberIdList: [self.id, director.id, stranger.id, real.id] })
    room.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && said.push({ chat: 'room', text: m.text() ?? '' })))
    director.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && !m.room() && said.push({ chat: 'director', text: m.text() ?? '' })))
    await say(director, room, `/认领 ${await test.claimCode()} 育秀学区`)
    await say(director, self, '/ping')
    await say(director, room, '/学期 2026-09-01 2027-01-22 第一学期')
    await say(director, room, '/工作室 创建 初中英语名师工作室 导师 王佩红')
    await say(director, room, '/排期 12月9日下午 工作室沙龙 工作室1')
    const teacher = mocker.createContact({ name: '李明' })
    room.payload.memberIdList.push(teacher.id)
    await say(teacher, room, '/报名 1')
    await say(teacher, room, '/提问 如何设计单元作业？')

    // The stranger speaks first: told an admin must confirm; the admin is told in private.
    const first = await say(stranger, room, '/名单 1', 3)
    expect(first.find((m) => m.chat === 'room' && m.text.includes('报名名单'))!.text).not.toContain('李明')
    expect(first.some((m) => m.chat === 'room' && m.text.includes('学区管理员确认是您本人后'))).toBe(true)
    expect(first.find((m) => m.chat === 'director')!.text).toContain('新账号「王佩红」（微信，在「育秀学区教研群」）第一次出现')
    expect((await say(stranger, room, '/回答 1 好'))[0]!.text).toContain('只有学区管理员和导师可以使用')
    // The real one speaks; the admin picks her by @mention.
    await say(real, room, '/ping', 3)
    expect((await say(director, room, '/确认 王佩红'))[0]!.text).toContain('有 2 个新账号都叫「王佩红」')
    director.say('/确认 @王佩红\u2005', [real]).to(room)
    await eventually(() => said.some((m) => m.text.includes('已确认：微信账号「王佩红」就是登记的「王佩红」')), 'the confirmation')
    expect((await say(real, room, '/名单 1'))[0]!.text).toContain('1. 李明')
    expect((await say(stranger, room, '/名单 1'))[0]!.text).not.toContain('李明')
    const mentors = await inTx(test.app.db, (tx) => tx.workshopMentor.findMany({ include: { member: { include: { accounts: true } } } }))
    expect(mentors.map((m) => m.member.accounts.map((a) => a.userId))).toEqual([[real.id]])
  })

  it('someone signed up by name, with no role, is matched by name when they first write, and the admins are told', async () => {
    const director = mocker.createContact({ name: '张主任' })
    const liming = mocker.createContact({ name: '李明' })
    const room = mocker.createRoom({ topic: '育秀学区教研群', memberIdList: [self.id, director.id, liming.id] })
    room.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && said.push({ chat: 'room', text: m.text() ?? '' })))
    director.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && !m.room() && said.push({ chat: 'director', text: m.text() ?? '' })))
    await say(director, room, `/认领 ${await test.claimCode()} 育秀学区`)
    await say(director, self, '/ping')
    await say(director, room, '/学期 2026-09-01 2027-01-22 第一学期')
    await say(director, room, '/排期 12月9日下午 联合教研')
    await say(director, room, '/报名 1 李明')
    const first = await say(liming, room, '/我的', 2)
    expect(first.find((m) => m.chat === 'room')!.text).toContain('#1 联合教研')
    expect(first.find((m) => m.chat === 'director')!.text).toBe('新账号「李明」（微信，在「育秀学区教研群」）第一次发言，已按名字认作之前登记的「李明」（代报名等）。如果不是同一人，请告诉相关老师。')
    expect(await inTx(test.app.db, (tx) => tx.member.count({ where: { displayName: '李明' } }))).toBe(1)
  })
})
