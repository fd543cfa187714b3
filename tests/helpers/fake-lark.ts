import * as lark from '@larksuiteoapi/node-sdk'
import type { App } from '../../src/app.ts'
import { createLogger, type Logger } from '../../src/log.ts'
import { LARK_CARD_PATH, LARK_EVENTS_PATH, LarkAdapter } from '../../src/platforms/lark/index.ts'
import { startHttpServer } from '../../src/platforms/http-server.ts'
import { createSendRouter } from '../../src/platforms/platform.ts'
import { FAKE_APP_ID, FakeLark } from './fake-lark-server.ts'
import { openTestApp, type TestApp } from './test-app.ts'

export * from './fake-lark-server.ts'

/** A webhook-mode LarkAdapter on the app's database, pointed at the fake, with its own token cache. */
export function fakeLarkAdapter(fake: FakeLark, app: App, o: { clock: () => Date; encryptKey: string; verificationToken: string; log?: Logger }): LarkAdapter {
  return new LarkAdapter({
    appId: FAKE_APP_ID, appSecret: 'secret', domain: fake.url, mode: 'webhook',
    encryptKey: o.encryptKey, verificationToken: o.verificationToken,
    db: app.db, dispatch: app.dispatch, announce: app.announce, log: o.log ?? createLogger('silent'), botName: '学区助手',
    clock: o.clock, retryBaseMs: 10, cache: new lark.DefaultCache(),
  })
}

export interface LarkBench {
  fake: FakeLark
  test: TestApp
  adapter: LarkAdapter
  /** http://127.0.0.1:<port>, the bot's HTTP server with the webhook and card routes. */
  base: string
  /** A second adapter on the same app and fake, as after a restart. */
  newAdapter(): LarkAdapter
  close(): Promise<void>
}

/**
 * The real app on a temporary database, a webhook-mode LarkAdapter against a
 * fake Open Platform, and the bot's HTTP server in front of it: what the Lark
 * tests start with.
 */
export async function startLarkBench(o: {
  now: Date
  encryptKey: string
  verificationToken: string
  chats?: Record<string, { name: string; members: { member_id: string; name: string }[] }>
  /** Where the adapter and the HTTP server log (silent unless told). */
  log?: Logger
}): Promise<LarkBench> {
  const fake = await new FakeLark().start()
  for (const [id, chat] of Object.entries(o.chats ?? {})) fake.chats.set(id, chat)
  const router = createSendRouter()
  const test = await openTestApp({ send: router.send, clock: () => o.now })
  const newAdapter = () => fakeLarkAdapter(fake, test.app, { clock: () => o.now, encryptKey: o.encryptKey, verificationToken: o.verificationToken, log: o.log })
  const adapter = newAdapter()
  router.use('lark', (m) => adapter.send(m))
  await adapter.start()
  const routes = { [LARK_EVENTS_PATH]: adapter.handleWebhook, [LARK_CARD_PATH]: adapter.handleCardWebhook }
  const http = await startHttpServer({ port: 0, host: '127.0.0.1', routes, log: o.log ?? createLogger('silent') })
  return {
    fake, test, adapter, newAdapter,
    base: `http://127.0.0.1:${http.port}`,
    async close() {
      await adapter.stop()
      await http.close()
      await fake.stop()
      await test.close()
    },
  }
}
