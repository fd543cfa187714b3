import { parseWhen } from '../../calendar/parse-when.ts'
import { SCHOOL, SUBJECT } from '../../core/vocabulary.ts'

/**
 * Sign-up rules written with /排期 or /设置 12: 截止 12月1日, 教龄1-8,
 * 限语文, 限育秀实验学校, 仅徒弟, 工作室3; and, for /设置, 不限… to clear.
 * A field set to null is cleared.
 */
export interface RulePatch {
  deadlineText?: string | null
  minYears?: number | null
  maxYears?: number | null
  subjectRule?: string | null
  schoolRule?: string | null
  menteesOnly?: boolean
  workshopId?: number | null
  capacity?: number | null
  noticeWeeks?: number | null
}

export type RuleTake = { taken: number; patch: RulePatch } | { error: 'badYears' | 'badDeadline'; text: string } | null

const CLEAR: Record<string, RulePatch> = {
  不限教龄: { minYears: null, maxYears: null },
  不限学科: { subjectRule: null },
  不限学校: { schoolRule: null },
  不限徒弟: { menteesOnly: false },
  不限身份: { menteesOnly: false },
  不截止: { deadlineText: null },
  取消截止: { deadlineText: null },
  不限名额: { capacity: null },
  不公示: { noticeWeeks: null },
  取消公示: { noticeWeeks: null },
  不限: { minYears: null, maxYears: null, subjectRule: null, schoolRule: null, menteesOnly: false },
}

const MENTEES_ONLY = /^(仅限?|限|只限)(徒弟|学员|青年教师徒弟)$|^徒弟专场$/
const DEADLINE_WORD = /^(报名)?截止(日期|时间)?(至|到)?[:]?$/
const CLOCK = /^\d{1,2}(:\d{2}|点(半|\d{1,2}分?)?)$/

/** Reads one rule starting at args[i]; null when args[i] is not a rule. Pure. */
export function takeRule(args: readonly string[], i: number): RuleTake {
  const token = args[i]!
  const next = args[i + 1]
  const clear = CLEAR[token]
  if (clear) return { taken: 1, patch: clear }
  if (MENTEES_ONLY.test(token)) return { taken: 1, patch: { menteesOnly: true } }

  // 提前公示 1周 (单周提前公示): listed in the weekly digests of the weeks before.
  const notice = /^提前公示[:]?(?:(\d)周)?$/.exec(token)
  if (notice) {
    if (notice[1]) return { taken: 1, patch: { noticeWeeks: Number(notice[1]) } }
    const weeks = next && /^(\d)周$/.exec(next)
    return weeks ? { taken: 2, patch: { noticeWeeks: Number(weeks[1]) } } : { taken: 1, patch: { noticeWeeks: 1 } }
  }

  const workshop = /^工作室#?(\d{1,9})?$/.exec(token)
  if (workshop && (workshop[1] || (next && /^#?\d{1,9}$/.test(next)))) {
    return workshop[1]
      ? { taken: 1, patch: { workshopId: Number(workshop[1]) } }
      : { taken: 2, patch: { workshopId: Number(next!.replace('#', '')) } }
  }

  const years = /^限?教龄[:在为]?(.*)$/.exec(token)
  if (years) {
    const text = years[1] || (next && /^[\d≥≤<>]/.test(next) ? next : '')
    const range = readYearsRange(text)
    if (!range) return { error: 'badYears', text: `教龄${text}` }
    return { taken: years[1] ? 1 : 2, patch: range }
  }

  // "限1-8年教龄", "9-20年教龄", "教龄在1-8年", "8年以下教龄": the range written before 教龄.
  const before = /^(?:限|仅限)?([\d~≥≤<>=-]+年?(?:以上|及以上|以下|以内|及以下)?)(?:的)?教龄(?:教师|老师)?$/.exec(token)
  if (before) {
    const range = readYearsRange(before[1]!)
    if (range) return { taken: 1, patch: range }
  }

  if (DEADLINE_WORD.test(token)) {
    if (!next) return { error: 'badDeadline', text: token }
    const withClock = args[i + 2] && CLOCK.test(args[i + 2]!) ? `${next} ${args[i + 2]}` : next
    if (!parseWhen(withClock).ok) return { error: 'badDeadline', text: next }
    return { taken: withClock === next ? 2 : 3, patch: { deadlineText: withClock } }
  }
  const attached = /^(?:报名)?截止(?:日期|时间)?(?:至|到)?[:]?(.+)$/.exec(token) ?? /^(.+?)(?:报名)?截止$/.exec(token)
  if (attached) {
    if (!parseWhen(attached[1]!).ok) return { error: 'badDeadline', text: attached[1]! }
    return { taken: 1, patch: { deadlineText: attached[1]! } }
  }

  const limited = /^(?:仅限|只限|限)(?:学科|学校)?[:]?(.+)$/.exec(token)
  if (limited) {
    // 限中小学语文教师, 限育秀实验学校老师: the people are the subject's or the school's teachers.
    const what = limited[1]!.replace(/^(.{2,}?)(?:的)?(?:教师|老师)们?$/, (whole, core: string) => (SUBJECT.test(core) || SCHOOL.test(core) ? core : whole))
    if (SUBJECT.test(what) || what.split(/[、,，/]/).every((w) => SUBJECT.test(w)) || token.includes('学科')) return { taken: 1, patch: { subjectRule: what } }
    if (SCHOOL.test(what) || token.includes('学校')) return { taken: 1, patch: { schoolRule: what } }
  }
  return null
}

/** "1-8", "1-8年", "9年以上", "8年以下", "≥9" → the range. */
function readYearsRange(text: string): { minYears: number | null; maxYears: number | null } | null {
  const t = text.replace(/~/g, '-').replace(/\s+/g, '')
  let m = /^(\d{1,2})-(\d{1,2})年?$/.exec(t)
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])]
    return a <= b ? { minYears: a, maxYears: b } : null
  }
  m = /^(\d{1,2})年?(以上|及以上)$/.exec(t) ?? /^(?:≥|>=|不少于|满)(\d{1,2})年?$/.exec(t)
  if (m) return { minYears: Number(m[1]), maxYears: null }
  // 不满/未满/不到 8年 is fewer than 8: at most 7.
  m = /^(?:不满|未满|不到)(\d{1,2})年?$/.exec(t)
  if (m && Number(m[1]) > 0) return { minYears: null, maxYears: Number(m[1]) - 1 }
  m = /^(\d{1,2})年?(以下|以内|及以下)$/.exec(t) ?? /^(?:≤|<=|不超过)(\d{1,2})年?$/.exec(t)
  if (m) return { minYears: null, maxYears: Number(m[1]) }
  return null
}

const CAPACITY = /^(?:名额[:]?(\d*)|限(\d+)人|(\d+)个?名额)$/

/**
 * "名额40", "名额 40", "限40人", "40个名额" starting at args[i]: the number
 * and how many words it took; an error for a capacity that is not one; null
 * when args[i] is no capacity. Pure.
 */
export function readCapacity(args: readonly string[], i: number): { taken: number; value: number } | { error: string } | null {
  const token = args[i]!
  const m = CAPACITY.exec(token)
  if (!m) return null
  const next = args[i + 1]
  const inline = m[1] || m[2] || m[3]
  const digits = inline || (next && /^\d+$/.test(next) ? next : '')
  const n = Number(digits)
  // The refusal quotes what was written: "名额 0", "名额 -1", not the bare word.
  if (!digits || !Number.isInteger(n) || n < 1 || n > 10000) return { error: inline || !next ? token : `${token} ${next}` }
  return { taken: inline ? 1 : digits ? 2 : 1, value: n }
}

/** "@育秀实验学校", "地点：育秀实验学校" → the place; null for other words. */
export function readPlace(token: string): string | null {
  if (/^@./.test(token)) return token.slice(1)
  if (/^地点[:]?./.test(token)) return token.replace(/^地点[:]?/, '')
  return null
}
