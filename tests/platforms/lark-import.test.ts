import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { LARK_EVENTS_PATH } from '../../src/platforms/lark/index.ts'
import { encrypt, messageEvent, postSigned, startLarkBench, type LarkBench } from '../helpers/fake-lark.ts'
import { paragraphFlood, rowFlood } from '../helpers/hostile-files.ts'

const ENCRYPT_KEY = 'import-encrypt-key'
const TOKEN = 'import-verification-token'
const CHAT = 'oc_district_group'
const MB = 1024 * 1024
const ADVICE = '请只保留行事历部分，另存为新的 Word（.docx）或 Excel（.xlsx）文件，或复制成文本（.txt）后再发送。'

describe('a 行事历 sent as a Lark file, through the webhook and the fake Open Platform', () => {
  let bench: LarkBench

  beforeEach(async () => {
    bench = await startLarkBench({
      now: new Date('2026-11-23T09:00:00+08:00'), encryptKey: ENCRYPT_KEY, verificationToken: TOKEN,
      chats: { [CHAT]: { name: '育秀学区飞书群', members: [{ member_id: 'ou_zhang', name: '张主任' }] } },
    })
    await say(`/认领 ${await bench.test.claimCode()} 育秀学区`)
    await say('/学期 2026-09-01 2027-01-22 第一学期')
  })
  afterEach(() => bench.close())

  /** The admin's message (text, or a file by its key); returns the texts the bot sent. */
  async function say(text: string, file?: { key: string; name: string }) {
    const before = bench.fake.sent.length
    const event = messageEvent({ token: TOKEN, chatId: CHAT, sender: 'ou_zhang', text, ...(file ? { file } : {}) })
    const res = await postSigned(`${bench.base}${LARK_EVENTS_PATH}`, encrypt(event, ENCRYPT_KEY), ENCRYPT_KEY)
    expect(res.status).toBe(200)
    await bench.adapter.idle()
    return bench.fake.sent.slice(before).map((s) => s.text)
  }

  it('answers a zip bomb .docx and a 5-million-row .xlsx with a clear sentence each, keeps nothing, and goes on answering', async () => {
    bench.fake.resources.set('file_docx', await paragraphFlood())
    bench.fake.resources.set('file_xlsx', await rowFlood())
    expect(await say('', { key: 'file_docx', name: '行事历.docx' })).toEqual([`读不了「行事历.docx」：解压后超过 24 MB。${ADVICE}`])
    expect(await say('', { key: 'file_xlsx', name: '行事历.xlsx' })).toEqual([`读不了「行事历.xlsx」：解压后超过 24 MB。${ADVICE}`])
    expect(await say('/ping')).toHaveLength(1)
    expect(await say('/导入')).toEqual(['请先把行事历文件（Word、Excel、CSV 或文本）发给我，再发送 /导入。'])
    expect(await inTx(bench.test.app.db, (tx) => tx.pendingImport.count())).toBe(0)
  })

  it('refuses a file whose Content-Length is over 5 MB on that header, without waiting for its body', async () => {
    // The body never comes: only the header can have decided.
    bench.fake.resources.set('file_big', { contentLength: 50 * MB, chunks: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => {}) }) }) })
    expect(await say('', { key: 'file_big', name: '行事历.xlsx' })).toEqual(['文件太大了（最多 5 MB）。请只保留行事历部分再发送。'])
    expect(bench.fake.served.get('file_big')).toBe(0)
  })

  it('stops a download that states no size once it passes 5 MB', async () => {
    bench.fake.resources.set('file_endless', {
      chunks: function* () {
        for (let i = 0; i < 3200; i++) yield Buffer.alloc(64 * 1024, 0x61)
      },
    })
    expect(await say('', { key: 'file_endless', name: '行事历.txt' })).toEqual(['文件太大了（最多 5 MB）。请只保留行事历部分再发送。'])
    // 200 MB were on offer; the fake could hand over 5 MB plus what the loopback socket buffers hold.
    expect(bench.fake.served.get('file_endless')).toBeLessThan(40 * MB)
    expect(await say('/ping')).toHaveLength(1)
  })
})
