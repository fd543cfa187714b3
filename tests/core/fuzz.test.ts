import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWhen } from '../../src/calendar/parse-when.ts'
import { parseCommandLine } from '../../src/core/command-line.ts'
import { planImport } from '../../src/services/import.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'

/** What people type: any Unicode, full-width forms, quotes within quotes, control characters, very long runs. */
const typed = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...'／／第周一二三四五六日天月号点半至到-~～：:，,、“”「」『』"\'（）()#＃ 　\t\n\u0000\u200b\u2005'.split('')), maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('第'.repeat(5000), '/排期 '.repeat(500), '“'.repeat(300), '\u0000'.repeat(1000)),
)

const COMMANDS = ['排期', '报名', '取消报名', '名单', '活动', '改期', '取消', '我是', '我的', '提问', '回答', '问题', '工作室', '拜师', '通过', '结对', '设置', '提醒', '学期', '放假', '授权', '导出', '导入', '日历', '绑定', '认领', '帮助']

describe('property: the readers never throw', () => {
  it('the command line reader returns a command or null for any text', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const line = parseCommandLine(text, '学区助手')
        expect(line === null || typeof line.name === 'string').toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('the time reader returns a time or a reason for any text', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const result = parseWhen(text)
        expect(result.ok || ['empty', 'noDate', 'unread'].includes(result.problem)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('the 行事历 reader reads or gives a reason for every line', () => {
    const env = {
      today: '2026-09-01', nowTime: '00:00', allowPast: true, closedOn: () => null,
      semesters: [{ name: '第一学期', startDate: '2026-09-01', endDate: '2027-01-22' }],
      defaults: { morning: '09:00', afternoon: '13:30', evening: '19:00' },
    }
    fc.assert(
      fc.property(fc.array(typed, { maxLength: 8 }), (lines) => {
        const items = planImport(['9月：', ...lines], env)
        expect(items.every((i) => i.ok || typeof i.reason.key === 'string')).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})

describe('property: every command answers any input with one sentence and never crashes', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness('2026-11-23T09:00:00+08:00')
    await h.say('/学期 2026-09-01 2027-01-22 第一学期')
    await h.say('/排期 12月3日下午 联合教研 名额2')
  })
  afterAll(() => h.close())

  it('as an admin and as a teacher, in the group', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS), fc.array(typed, { maxLength: 4 }), fc.boolean(), async (command, args, teacher) => {
        const replies = await h.say(`/${command} ${args.join(' ')}`, teacher ? { as: '王老师' } : {})
        expect(replies.length).toBeGreaterThanOrEqual(1)
        for (const reply of replies) {
          expect(reply.trim().length).toBeGreaterThan(0)
          expect(reply).not.toContain('抱歉，处理这条消息时出错了')
        }
      }),
      { numRuns: 300 },
    )
  }, 120_000)
})
