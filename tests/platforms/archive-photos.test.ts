/**
 * Photos posted in a group end up in the archive: one through wechaty (the
 * mock puppet, an image message with a FileBox), one fetched from the fake
 * Lark's message resource endpoint; each found again in the exported .zip.
 */
import { FileBox } from 'file-box'
import { describe, expect, it } from 'vitest'
import { WechatyBuilder } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import type { App } from '../../src/app.ts'
import type { OutgoingMessage } from '../../src/core/message.ts'
import { createLogger } from '../../src/log.ts'
import { LARK_EVENTS_PATH } from '../../src/platforms/lark/index.ts'
import { createSendRouter } from '../../src/platforms/platform.ts'
import { WechatAdapter } from '../../src/platforms/wechat/index.ts'
import { encrypt, messageEvent, postSigned, startLarkBench } from '../helpers/fake-lark.ts'
import { PNG } from '../helpers/images.ts'
import { readZip } from '../helpers/read-zip.ts'
import { eventually, openTestApp } from '../helpers/test-app.ts'

/** The photos in the last exported zip the outbox holds. */
async function exportedPhotos(app: App): Promise<[string, Buffer][]> {
  const rows = await app.db.outbox.findMany({ orderBy: { id: 'desc' } })
  const file = rows.map((r) => JSON.parse(r.messageJson) as OutgoingMessage).find((m) => m.file?.name.endsWith('.zip'))!.file!
  const zip = await readZip(Buffer.from(file.base64, 'base64'))
  return [...zip].filter(([name]) => name.startsWith('照片和资料/'))
}

describe('photos posted in a group, kept for the session\'s record', () => {
  it('through wechaty: the admin\'s image is kept and exported, a teacher\'s is not', async () => {
    let tick = 0
    const clock = () => new Date(Date.parse('2026-11-23T09:00:00+08:00') + 1000 * tick++)
    const mocker = new mock.Mocker()
    const bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) })
    const router = createSendRouter()
    const test = await openTestApp({ send: router.send, clock })
    const adapter = new WechatAdapter({ bot, dispatch: test.app.dispatch, announce: test.app.announce, log: createLogger('silent'), botName: '学区助手', sendIntervalMs: 0, sendJitterMs: 0, clock })
    router.use('wechat', (m) => adapter.send(m))
    await adapter.start()
    try {
      const self = mocker.createContact({ name: '学区助手' })
      mocker.login(self)
      await eventually(() => bot.isLoggedIn, 'login')
      const director = mocker.createContact({ name: '张主任' })
      const teacher = mocker.createContact({ name: '王老师' })
      const room = mocker.createRoom({ topic: '育秀学区教研群', memberIdList: [self.id, director.id, teacher.id] })
      const said: string[] = []
      room.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && said.push(m.text() ?? '')))
      const say = async (who: mock.ContactMock, text: string | FileBox, to: mock.RoomMock | mock.ContactMock = room) => {
        const before = said.length
        who.say(text).to(to)
        if (to === room) await eventually(() => said.length > before, `reply to ${String(text)}`)
        return said.slice(before)
      }
      await say(director, `/认领 ${await test.claimCode()} 育秀学区`)
      await say(director, '/学期 2026-09-01 2027-01-22 第一学期')
      await say(director, '/排期 11月23日 09:20-10:30 联合教研 @实验小学')
      expect(await say(director, FileBox.fromBase64(PNG.toString('base64'), '课堂.png'))).toEqual(['@张主任 已归档到 #1 11月23日(周一)的活动记录（照片 1）'])
      teacher.say(FileBox.fromBase64(PNG.toString('base64'), '自拍.png')).to(room)
      await say(director, '/ping', self)
      await eventually(async () => (await test.app.db.group.count({ where: { direct: true } })) === 1, 'the direct chat')
      await say(director, '/导出 1')
      const photos = await exportedPhotos(test.app)
      expect(photos.map(([name, bytes]) => [name.replace(/[0-9a-f]{10}-/, ''), bytes.equals(PNG)])).toEqual([['照片和资料/#1-联合教研/2026-11-23/课堂.png', true]])
      expect(await test.app.db.archiveFile.count()).toBe(1)
    } finally {
      await adapter.stop()
      await test.close()
    }
  })

  it('through Lark: an image message fetched from the message resource endpoint (type=image) is kept and exported', async () => {
    const KEY = 'archive-encrypt-key'
    const TOKEN = 'archive-token'
    const CHAT = 'oc_group'
    const bench = await startLarkBench({
      now: new Date('2026-11-23T09:00:00+08:00'), encryptKey: KEY, verificationToken: TOKEN,
      chats: { [CHAT]: { name: '育秀学区飞书群', members: [{ member_id: 'ou_zhang', name: '张主任' }, { member_id: 'ou_wang', name: '王老师' }] } },
    })
    try {
      const post = async (o: { text?: string; image?: string; sender?: string; chatType?: 'p2p' }) => {
        const before = bench.fake.sent.length
        const event = messageEvent({ token: TOKEN, chatId: o.chatType ? 'oc_dm_zhang' : CHAT, sender: o.sender ?? 'ou_zhang', text: o.text ?? '', ...(o.image ? { image: { key: o.image } } : {}), ...(o.chatType ? { chatType: o.chatType } : {}) })
        expect((await postSigned(`${bench.base}${LARK_EVENTS_PATH}`, encrypt(event, KEY), KEY)).status).toBe(200)
        await bench.adapter.idle()
        return bench.fake.sent.slice(before).map((s) => s.text)
      }
      await post({ text: `/认领 ${await bench.test.claimCode()} 育秀学区` })
      await post({ text: '/学期 2026-09-01 2027-01-22 第一学期' })
      await post({ text: '/排期 11月23日 09:20-10:30 联合教研 @实验小学' })
      bench.fake.resources.set('img_v2_class', PNG)
      bench.fake.resources.set('img_v2_selfie', PNG)
      expect(await post({ image: 'img_v2_class' })).toEqual(['已归档到 #1 11月23日(周一)的活动记录（照片 1）'])
      expect(await post({ image: 'img_v2_selfie', sender: 'ou_wang' })).toEqual([])
      expect(bench.fake.resourceTypes).toEqual([{ key: 'img_v2_class', type: 'image' }])
      await post({ text: '/ping', chatType: 'p2p' })
      await post({ text: '/导出' })
      const photos = await exportedPhotos(bench.test.app)
      expect(photos.map(([name, bytes]) => [name.replace(/[0-9a-f]{10}-/, ''), bytes.equals(PNG)])).toEqual([['照片和资料/#1-联合教研/2026-11-23/img_v2_class.png', true]])
    } finally {
      await bench.close()
    }
  })
})
