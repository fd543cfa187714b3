import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseWhen } from '../../src/calendar/parse-when.ts'
import { resolveWhen } from '../../src/calendar/resolve-when.ts'
import { env, TIMETABLE } from '../helpers/time-table.ts'

/** Pieces of the seeds' time language, put together at random: the reader never throws, and what it reads is placed or refused with a reason. */
const PIECES = [
  '每周', '双周', '单周', '隔周', '每月', '每两周的', '一', '三', '五', '日', '、', '和', '至', '到', '-', '—', '(', ')', '（', '）', ' ',
  '第', '4', '16', '二', '周', '节', '课', '后', '第7、8节', '放学后', '下午', '上午', '3点半', '14:00', '13:30-16:00',
  '12月', '11月30日', '3日', '16日', '10-22', '12/3', '2027年', '1月', '底', '初', '中下旬', '上旬', '第2周', '第二个',
  '开学', '学期末', '期中', '国庆后', '元旦后', '下周', '本周', '本月底', '每2-3周', '每月一次', '待定', '(单周)', '(第3-16周)',
  '持续到', '拟于', '(暂定)', '开始', '每天', '上半年', '9-10月', '左右', '前', '推迟', '一周', '顺延到', '改到', '或',
]

const phrase = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''))

describe('property: the seeds’ time language never breaks the reader', () => {
  it.each([
    ['no 作息, not past', env()],
    ['作息 set', env({ timetable: TIMETABLE })],
    ['an import (past allowed, no term)', env({ allowPast: true, semesters: [] })],
  ])('%s', (_, e) => {
    fc.assert(
      fc.property(phrase, (text) => {
        const parsed = parseWhen(text)
        if (!parsed.ok) {
          expect(['empty', 'noDate', 'unread']).toContain(parsed.problem)
          return
        }
        const resolved = resolveWhen(parsed.when, e)
        if (!resolved.ok) {
          expect(typeof resolved.error.key).toBe('string')
          return
        }
        const plan = resolved.plan
        if (plan.kind === 'pending') expect(plan.from <= plan.to).toBe(true)
        else {
          expect(plan.occurrences.length).toBeGreaterThan(0)
          for (const o of plan.occurrences) expect(!o.endDate || o.endDate > o.date).toBe(true)
        }
      }),
      { numRuns: 3000 },
    )
  })
})
