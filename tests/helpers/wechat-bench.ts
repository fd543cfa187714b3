import { WechatyBuilder, type Wechaty } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { createLogger } from '../../src/log.ts'
import { createSendRouter } from '../../src/platforms/platform.ts'
import { WechatAdapter, type WechatOptions } from '../../src/platforms/wechat/index.ts'
import { eventually, openTestApp, type TestApp } from './test-app.ts'

export interface WechatBench {
  mocker: mock.Mocker
  bot: Wechaty
  test: TestApp
  adapter: WechatAdapter
  /** The bot's own contact, logged in. */
  self: mock.ContactMock
  close(): Promise<void>
}

/**
 * The real app on a temporary database and a WechatAdapter on wechaty with
 * the mock puppet, logged in as 学区助手, sending without pacing unless told:
 * what the WeChat tests start with.
 */
export async function startWechatBench(o: { clock: () => Date; puppet?: PuppetMock; mocker?: mock.Mocker; adapter?: Partial<WechatOptions> }): Promise<WechatBench> {
  const mocker = o.mocker ?? new mock.Mocker()
  const bot = WechatyBuilder.build({ puppet: o.puppet ?? new PuppetMock({ mocker }) })
  const router = createSendRouter()
  const test = await openTestApp({ send: router.send, clock: o.clock })
  const adapter = new WechatAdapter({
    bot, dispatch: test.app.dispatch, announce: test.app.announce, log: createLogger('silent'), botName: '学区助手',
    sendIntervalMs: 0, sendJitterMs: 0, clock: o.clock, ...o.adapter,
  })
  router.use('wechat', (m) => adapter.send(m))
  await adapter.start()
  const self = mocker.createContact({ name: '学区助手' })
  mocker.login(self)
  await eventually(() => bot.isLoggedIn, 'login')
  return {
    mocker, bot, test, adapter, self,
    async close() {
      await adapter.stop()
      await test.close()
    },
  }
}
