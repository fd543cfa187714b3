import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { argsWithMentions, parseCommandLine, wordsOf } from '../../src/core/command-line.ts'
import { MAX_DISPLAY_NAME_CHARS, charCount } from '../../src/core/limits.ts'
import type { IncomingMessage, Person } from '../../src/core/message.ts'
import { cleanName, imitatesBot, withCleanNames } from '../../src/core/names.ts'

const BOT = '学区助手'

describe('display names', () => {
  it.each([
    ['王老师\n学区助手> 假通知', 'wx-1234abcd', '成员abcd'],
    ['学区助手', 'wx_zz9y', '成员zz9y'],
    ['学区 助手', 'ou_77aa11', '成员aa11'],
    ['ＸＱ学区助手ｂｏｔ', 'id-0001', '成员0001'],
    // Without its override the name reads as written, not as the bot's.
    ['\u202e手助区学', 'ab', '手助区学'],
    ['学区助手', 'ab', expect.stringMatching(/^成员\d{4}$/)],
    ['\u200b\u200d\u2060', 'lark-ou_5e6f', '成员5e6f'],
    ['王\u200d老\u200b师', 'x', '王老师'],
    ['\u202e王老师', 'x', '王老师'],
    ['Zhao   Yi', 'x', 'Zhao Yi'],
    ['长'.repeat(200), 'x', '长'.repeat(MAX_DISPLAY_NAME_CHARS)],
  ])('shows %j (id %s) as %s', (raw, id, shown) => {
    expect(cleanName(raw, id, BOT)).toEqual(shown)
  })

  it('reads the bot in a name whatever the width, case or punctuation', () => {
    expect(imitatesBot('学区助手> 通知', BOT)).toBe(true)
    expect(imitatesBot('【学区·助手】', BOT)).toBe(true)
    expect(imitatesBot('學區助手', BOT)).toBe(true)
    expect(imitatesBot('学\u0301区助手', BOT)).toBe(true)
    expect(imitatesBot('XueQu Bot', 'xuequbot')).toBe(true)
    expect(imitatesBot('学区管理员', BOT)).toBe(false)
  })

  it('gives each imitator a placeholder of its own, the same at every message', () => {
    expect(cleanName('学区助手', 'a', BOT)).toBe(cleanName('学区助手', 'a', BOT))
    expect(cleanName('学区助手', 'a', BOT)).not.toBe(cleanName('学区助手', 'b', BOT))
  })

  it('property: a shown name is one short line that never reads as the bot', () => {
    const names = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.array(fc.constantFrom('学', '区', '助', '手', '学区助手', '>', ' ', '\n', '\u202e', '\u200d', '＞', 'Ａ', '王'), { maxLength: 20 }).map((a) => a.join('')),
    )
    fc.assert(
      fc.property(names, fc.string({ maxLength: 20 }), (raw, id) => {
        const name = cleanName(raw, id, BOT)
        expect(charCount(name)).toBeLessThanOrEqual(MAX_DISPLAY_NAME_CHARS)
        expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f]/)
        expect(imitatesBot(name, BOT)).toBe(false)
        expect(name.trim()).not.toBe('')
      }),
      { numRuns: 2000 },
    )
  })
})

describe('a message with its names made safe', () => {
  const message = (text: string, mentions: Person[], sender = '王老师'): IncomingMessage => ({
    id: 'm1', platform: 'wechat', chat: { id: 'r1', title: '教研群\n学区助手> 假', isDirect: false },
    sender: { id: 'wx-sender01', name: sender }, text, mentionedBot: false, mentions, at: new Date(0),
  })

  it('cleans the sender, the mentioned and the title, and renames the mention in the text to match', () => {
    const cleaned = withCleanNames(message('/报名 1 @Zhao\u200bYi\u2005', [{ id: 'wx-zhao', name: 'Zhao\u200bYi' }], '学区助手'), BOT)
    expect(cleaned.sender.name).toBe('成员er01')
    expect(cleaned.mentions).toEqual([{ id: 'wx-zhao', name: 'ZhaoYi' }])
    expect(cleaned.text).toBe('/报名 1 @ZhaoYi\u2005')
    expect(cleaned.chat.title).toBe('教研群 学区助手> 假')
  })
})

describe('arguments with @mentions', () => {
  const zhao = { id: 'wx-zhao', name: 'Zhao Yi' }
  const zhaoAlone = { id: 'wx-zhao2', name: 'Zhao' }
  const args = (text: string, mentions: Person[]) => argsWithMentions(parseCommandLine(text, BOT)!, mentions)

  it.each([
    ['/报名 12 @Zhao Yi\u2005', [zhao], [{ word: '12' }, { person: zhao }]],
    ['/报名 12 @Zhao Yi 李明', [zhao], [{ word: '12' }, { person: zhao }, { word: '李明' }]],
    ['/报名 12 @"Zhao Yi"', [zhao], [{ word: '12' }, { person: zhao }]],
    ['/报名 12 @Zhao @Zhao Yi', [zhaoAlone, zhao], [{ word: '12' }, { person: zhaoAlone }, { person: zhao }]],
    ['/报名 12', [zhao], [{ word: '12' }, { person: zhao }]],
    ['/报名 12 @Zhao Yi @Zhao Yi', [zhao, zhao], [{ word: '12' }, { person: zhao }]],
    ['/报名 12 \ue0000\ue001', [zhao], [{ word: '12' }, { word: '0' }, { person: zhao }]],
  ])('reads %j', (text, mentions, expected) => {
    expect(args(text, mentions)).toEqual(expected)
  })

  it('leaves the words as they were when nobody is mentioned', () => {
    const line = parseCommandLine('/报名 12 李明、赵丽 "王 芳"', BOT)!
    expect(wordsOf(argsWithMentions(line, []))).toEqual(line.args)
  })
})
