import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { createLogger } from '../../src/log.ts'
import { createSendRouter } from '../../src/platforms/platform.ts'
import type { LarkAdapter } from '../../src/platforms/lark/index.ts'
import { createReminders } from '../../src/reminders/runner.ts'
import { prepareConsoleGroup } from '../../src/services/console-setup.ts'
import { FakeLark, fakeLarkAdapter } from '../helpers/fake-lark.ts'
import { buildMessage } from '../helpers/harness.ts'
import { openTestApp, type TestApp } from '../helpers/test-app.ts'

const GROUPS = 300

describe('a digest fan-out to 300 Lark groups', () => {
  let fake: FakeLark
  let test: TestApp
  let adapter: LarkAdapter
  let router: ReturnType<typeof createSendRouter>
  let now = new Date('2026-11-20T09:00:00+08:00')

  beforeEach(async () => {
    fake = await new FakeLark().start()
    router = createSendRouter()
    test = await openTestApp({ send: router.send, clock: () => now })
    adapter = fakeLarkAdapter(fake, test.app, { clock: () => now, encryptKey: 'k', verificationToken: 't' })
    router.use('lark', (m) => adapter.send(m))
    router.use('console', async () => {})
    await adapter.start()
    const district = await inTx(test.app.db, (tx) => prepareConsoleGroup(tx, test.config, now))
    await test.app.dispatch(buildMessage('/排期 11月25日 13:30 联合教研', 1, now))
    await inTx(test.app.db, async (tx) => {
      const { id } = await tx.district.findUniqueOrThrow({ where: { name: district } })
      await tx.group.createMany({ data: Array.from({ length: GROUPS }, (_, i) => ({ platform: 'lark', chatId: `oc_${i}`, title: `群${i}`, districtId: id })) })
    })
  })

  afterEach(async () => {
    await adapter.stop()
    await fake.stop()
    await test.close()
  })

  it('sends one digest to each group, never more than Lark allows in any second', async () => {
    now = new Date('2026-11-23T07:30:00+08:00')
    const reminders = createReminders({ db: test.app.db, send: router.send, log: createLogger('silent'), clock: () => now })
    const result = await reminders.tick()
    expect(result.sent).toBe(GROUPS + 1)
    expect(fake.sent).toHaveLength(GROUPS)
    expect(new Set(fake.sent.map((s) => s.chatId)).size).toBe(GROUPS)
    expect(fake.sent.every((s) => s.text.startsWith('【本周学区活动】11月23日-29日'))).toBe(true)
    const times = fake.sent.map((s) => s.receivedAt).sort((a, b) => a - b)
    const busiestSecond = Math.max(...times.map((t, i) => times.slice(i).filter((u) => u - t < 1000).length))
    expect(busiestSecond).toBeLessThanOrEqual(50)
    // A second tick sends nothing again.
    expect((await reminders.tick()).sent).toBe(0)
    expect(fake.sent).toHaveLength(GROUPS)
  }, 30_000)
})
