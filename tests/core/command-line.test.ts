import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keepsWords, parseCommandLine, tokenize, typedTail } from '../../src/core/command-line.ts'
import { parseWhen } from '../../src/calendar/parse-when.ts'
import { parseScheduleArgs } from '../../src/services/args/schedule-args.ts'

describe('parseCommandLine', () => {
  it.each([
    ['/排期 第4周周一下午 联合教研', '排期', ['第4周周一下午', '联合教研']],
    ['／排期 第4周周一下午', '排期', ['第4周周一下午']],
    ['   /活动', '活动', []],
    ['@学区助手 /排期 明天 教研', '排期', ['明天', '教研']],
    ['@学区助手\u2005/帮助 排期', '帮助', ['排期']],
    ['/schedule 12/3 14:00 "名师 讲堂"', 'schedule', ['12/3', '14:00', '名师 讲堂']],
    ['/排期 明天 “主题 教研” 「中小学 语文」', '排期', ['明天', '主题 教研', '中小学 语文']],
    ['/活动\u3000１２', '活动', ['12']],
  ])('reads %j', (text, name, args) => {
    const line = parseCommandLine(text, '学区助手')
    expect(line).toMatchObject({ name, args, slash: true })
  })

  it('leaves ordinary chat alone', () => {
    expect(parseCommandLine('大家好，明天的教研几点开始？', '学区助手')).toMatchObject({ slash: false })
    expect(parseCommandLine('   ', '学区助手')).toBeNull()
  })

  it('keeps the rest of the line for free text', () => {
    expect(parseCommandLine('/取消 12  专家 临时有事', '学区助手')?.rest).toBe('12  专家 临时有事')
  })

  it('keeps an unclosed quote to the end of the line', () => {
    expect(tokenize('a "b c')).toEqual(['a', 'b c'])
    expect(tokenize('"" x')).toEqual(['', 'x'])
  })
})

const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom('/', '／', '"', '“', '」', '@', '学区助手', ' ', '\u3000', '\u0000', '\n', '第', '周', '月', '日', '12', '十', '至', '每', '双', '下午', '3点', ':', '-', '😀'), { maxLength: 60 }).map((a) => a.join('')),
)

describe('a reason as typed', () => {
  it.each([
    ['/取消 3 10月19日 与“育秀杯”比武冲突，暂停一次', 1, ['与“育秀杯”比武冲突，暂停一次']],
    ['/不准假 2 赵丽 本次为「考核课」 请参加', 2, ['本次为「考核课」', '请参加']],
    ['/取消 3 与“育秀 杯”冲突', 1, ['与育秀 杯冲突']],
    ['/取消 3 “专家 临时”有事 改期', 2, ['专家 临时有事', '改期']],
    ['/取消 3', 0, []],
  ])('keeps the tail of %j as typed when each word is one argument', (text, n, tail) => {
    const line = parseCommandLine(text, '学区助手')!
    expect(typedTail(line, line.args.slice(line.args.length - n))).toEqual(tail)
  })

  it.each([
    ['与“育秀杯”比武冲突，暂停一次', true], ['专家"临时"有事', true], ['a "" b', true], ['与“育秀 杯”冲突', false], ['「考核课 请参加」', false], ["don't stop", false],
  ])('%j keeps its words: %s', (text, keeps) => {
    expect(keepsWords(text)).toBe(keeps)
  })
})

describe('never throws on any input', () => {
  it('command lines', () => {
    fc.assert(fc.property(nasty, (text) => {
      const line = parseCommandLine(text, '学区助手')
      expect(line === null || typeof line.name === 'string').toBe(true)
    }), { numRuns: 2000 })
  })

  it('time expressions: always a reading or a reason', () => {
    fc.assert(fc.property(nasty, (text) => {
      const result = parseWhen(text)
      expect(result.ok || ['unread', 'noDate', 'empty'].includes(result.problem)).toBe(true)
    }), { numRuns: 2000 })
  })

  it('schedule arguments', () => {
    fc.assert(fc.property(fc.array(nasty, { maxLength: 8 }), (args) => {
      const result = parseScheduleArgs(args)
      expect(result.ok ? result.value.details.title.length > 0 : typeof result.error.key === 'string').toBe(true)
    }), { numRuns: 1000 })
  })

  it('a 10 000-character line gets a reason, not a hang', () => {
    expect(parseWhen('第4周周一下午'.repeat(1500))).toMatchObject({ ok: false, problem: 'unread' })
  })
})
