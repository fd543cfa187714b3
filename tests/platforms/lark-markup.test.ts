import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LARK_EVENTS_PATH } from '../../src/platforms/lark/index.ts'
import { cardMention, inertText, mentionWord, replaceMentionKeys, textMention } from '../../src/platforms/lark/markup.ts'
import { cardTrigger, encrypt, messageEvent, postSigned, startLarkBench, type FakeLark, type LarkBench } from '../helpers/fake-lark.ts'

/**
 * What Lark could read as markup in a text: anything tag-like, a
 * [label](url) link, an HTML entity; the bot's own mentions of open_ids
 * taken out first.
 */
function markupIn(text: string): string[] {
  const rest = text.replace(/<at user_id="ou_\w+">.*?<\/at>/g, '')
  return [...rest.matchAll(/<[\s/]*[A-Za-z!?]|\[[^\]\n]*\]\s*\(|&#?[0-9A-Za-z]+;/g)].map((m) => m[0])
}

/** Every markup problem in a card: plain_text with markup, lark_md holding anything but the bot's mentions. */
function cardMarkup(card: unknown): string[] {
  const found: string[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (typeof node !== 'object' || node === null) return
    const { tag, content } = node as { tag?: unknown; content?: unknown }
    if (tag === 'plain_text' && typeof content === 'string') found.push(...markupIn(content))
    if (tag === 'lark_md' && typeof content === 'string' && !/^(<at id=ou_\w+><\/at> ?)+$/.test(content)) found.push(content)
    if (tag === 'markdown') found.push(String(content))
    Object.values(node).forEach(walk)
  }
  walk(card)
  return found
}

describe('Lark markup in what the bot sends', () => {
  it.each([
    ['<at user_id="all"></at> 开会', '＜at user_id="all">＜/at> 开会'],
    ['< at id=all></at>', '＜ at id=all>＜/at>'],
    ['<b>粗</b><i>斜</i>', '＜b>粗＜/b>＜i>斜＜/i>'],
    ['[点我](https://evil.example)', '［点我](https://evil.example)'],
    ['&#60;at user_id="all"&#62; &lt;b&gt;', '＆#60;at user_id="all"＆#62; ＆lt;b＆gt;'],
    ['/报名 <活动编号> [名字…]，1 < 2 & 3 > 2', '/报名 <活动编号> [名字…]，1 < 2 & 3 > 2'],
  ])('makes %j inert', (text, inert) => {
    expect(inertText(text)).toBe(inert)
  })

  it('leaves no markup in any text, whatever it holds', () => {
    const pieces = fc.constantFrom('<', '>', '/', ' ', 'at', 'b', ' user_id="all"', 'id=all', '[', ']', '(', ')', 'http://x', '&', '#60', ';', 'lt', '王', '\n')
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), (text) => markupIn(inertText(text)).length === 0))
  })

  it('mentions only open_ids, with the name made inert', () => {
    expect(textMention({ id: 'ou_wang', name: '王</at><at user_id="all">' })).toBe('<at user_id="ou_wang">王＜/at>＜at user_id="all"></at>')
    expect(textMention({ id: 'all', name: '所有人' })).toBe('@所有人')
    expect(textMention({ id: 'ou_x" user_id="all', name: '某' })).toBe('@某')
    expect(cardMention({ id: 'ou_wang', name: '王芳' })).toBe('<at id=ou_wang></at>')
    expect(cardMention({ id: 'all></at><at id=all', name: 'x' })).toBeNull()
  })

  it('replaces each mention placeholder exactly, in one pass', () => {
    const mentions = Array.from({ length: 12 }, (_, i) => ({ key: `@_user_${i + 1}`, name: `赵${i + 1}` }))
    const text = mentions.map((m) => m.key).join(' ')
    expect(replaceMentionKeys(text, mentions, (m) => `@${m!.name}`)).toBe(mentions.map((m) => `@${m.name}`).join(' '))
    // A name that looks like another key is not read again; an unknown key and @_all stay apart.
    const tricky = [{ key: '@_user_1', name: '@_user_2' }, { key: '@_user_2', name: '钱' }]
    expect(replaceMentionKeys('@_user_1 @_user_2 @_user_10 @_all', tricky, (m) => (m ? `@${m.name}` : '@所有人'))).toBe('@@_user_2 @钱 @_user_10 @所有人')
  })

  it('writes a mentioned name with a space or a quote as one quoted word', () => {
    expect(['王芳', 'Zhao Yi', "O'Brien", '「甲」 乙'].map(mentionWord)).toEqual(['@王芳', '@「Zhao Yi」', "@「O'Brien」", '@『「甲」 乙』'])
  })
})

describe('a display name, a title and a question holding Lark markup, through the webhook', () => {
  const ENCRYPT_KEY = 'markup-encrypt-key'
  const TOKEN = 'markup-token'
  const CHAT = 'oc_district_group'
  const now = new Date('2026-11-23T09:00:00+08:00')
  let bench: LarkBench
  let fake: FakeLark

  beforeEach(async () => {
    bench = await startLarkBench({
      now, encryptKey: ENCRYPT_KEY, verificationToken: TOKEN,
      chats: {
        [CHAT]: {
          name: '育秀<at user_id="all"></at>学区群',
          members: [
            { member_id: 'ou_zhang', name: '张主任' },
            { member_id: 'ou_wang', name: '王<at user_id="all"></at>芳' },
            { member_id: 'ou_li', name: '李[点我](https://evil.example)明' },
          ],
        },
      },
    })
    fake = bench.fake
  })
  afterEach(() => bench.close())

  async function say(sender: string, text: string): Promise<void> {
    const res = await postSigned(`${bench.base}${LARK_EVENTS_PATH}`, encrypt(messageEvent({ token: TOKEN, chatId: CHAT, sender, text }), ENCRYPT_KEY), ENCRYPT_KEY)
    expect(res.status).toBe(200)
    await bench.adapter.idle()
  }

  it('reaches the group as plain text: the only markup is the bot\'s own @mentions', async () => {
    await say('ou_zhang', `/认领 ${await bench.test.claimCode()} 育秀学区`)
    await say('ou_zhang', '/学期 2026-09-01 2027-01-22 第一学期')
    await say('ou_zhang', '/排期 12月3日下午 <at user_id="all"></at>联合教研 名额40')
    const card = fake.sent.find((s) => s.msgType === 'interactive')!
    const press = cardTrigger({ token: TOKEN, openId: 'ou_wang', chatId: CHAT, messageId: card.messageId, value: { command: '/报名 1' } })
    const answer = (await postSigned(`${bench.base}${LARK_EVENTS_PATH}`, encrypt(press, ENCRYPT_KEY), ENCRYPT_KEY)).body
    await say('ou_li', '/我是 李<b>明</b> 育秀实验学校 语文 教龄5')
    await say('ou_li', '/报名 1')
    await say('ou_li', '/提问 <at user_id="all">大家</at> &#60;at id=all&#62; 如何[设计](https://evil.example)单元作业？')
    await say('ou_zhang', '/回答 1 先定单元目标 <at user_id="ou_zhang"></at>')
    await say('ou_zhang', '/名单 1')

    const texts = fake.sent.filter((s) => s.msgType === 'text').map((s) => s.text)
    const cards = [...fake.sent.filter((s) => s.card).map((s) => s.card), JSON.parse(answer) as unknown]
    // The user's text did reach the group, made inert.
    expect(texts.join('\n')).toContain('＜at user_id="all">大家＜/at>')
    expect(JSON.stringify(cards)).toContain('王＜at user_id=\\"all\\">＜/at>芳')
    expect(texts.find((t) => t.includes('【答疑 #1】'))?.startsWith('<at user_id="ou_li">李［点我](https://evil.example)明</at> ')).toBe(true)
    expect(texts.join('\n')).toContain('李＜b>明＜/b>')
    expect(texts.flatMap(markupIn)).toEqual([])
    expect(cards.flatMap(cardMarkup)).toEqual([])
  })
})
