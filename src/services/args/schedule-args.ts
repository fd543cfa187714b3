import { parseWhen } from '../../calendar/parse-when.ts'
import type { When } from '../../calendar/when.ts'
import type { ActivityDetails } from '../activities.ts'
import { SCHOOL, SUBJECT } from '../../core/vocabulary.ts'
import { takeAttendanceSetting, type AttendancePatch } from './attendance-args.ts'
import { readCapacity, readPlace, takeRule, type RulePatch } from './rule-args.ts'

export interface ScheduleArgs {
  whenText: string
  when: When
  details: ActivityDetails
  /** Sign-up rules and the workshop, as written. */
  rules: RulePatch
  /** 签到码, 请假审批, 学时 3, 级别 区级, 签到 前30分钟 …, as /设置 12 reads them. */
  attendance: AttendancePatch
}

export type ScheduleArgsError =
  | { key: 'noWhen' }
  | { key: 'noWhenFor'; title: string }
  | { key: 'unreadable'; part: string }
  | { key: 'noDate'; part: string }
  | { key: 'noTitle' }
  | { key: 'badCapacity'; text: string }
  | { key: 'badYears'; text: string }
  | { key: 'badDeadline'; text: string }

export type ScheduleArgsResult = { ok: true; value: ScheduleArgs } | { ok: false; error: ScheduleArgsError }

const HOST = /^(主持人?|导师|负责人)[:：]?(.*)$/
const PRESENTER = /^(主讲人?|主讲教师|执教人?)[:：]?(.*)$/
/** A word saying the time is not final yet, as a 行事历 writes it after a title. */
const TENTATIVE = /^[（(]?(?:暂定|待定)[）)]?$/
const MAX_WHEN_TOKENS = 6

/** A room of a school, written after it: 会议室, 三楼报告厅, 录播教室. */
const ROOM = /^[\p{Script=Han}0-9A-Za-z]{0,8}(会议室|报告厅|多功能厅|礼堂|阶梯教室|录播室|教室|体育馆|图书馆|实验室|阅览室|会堂|大厅)$/u

/**
 * Reads `/排期 <when> <title> [学科] [@地点] [名额N] [主持 名字] [rules]`. Options may
 * come in any order; the time is the longest run of words that reads as one,
 * preferably at the start. Pure.
 */
export function parseScheduleArgs(args: readonly string[]): ScheduleArgsResult {
  const details: Partial<ActivityDetails> = {}
  const rules: RulePatch = {}
  const attendance: AttendancePatch = {}
  const rest: string[] = []
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!
    const next = args[i + 1]
    // Only what reads as a setting is one: 「签到表」 or 「级别」 alone stay words of the title.
    const setting = takeAttendanceSetting(args, i, false)
    if (setting && !('error' in setting)) {
      Object.assign(attendance, setting.patch)
      i += setting.taken - 1
      continue
    }
    const rule = takeRule(args, i)
    if (rule && 'error' in rule) return fail({ key: rule.error, text: rule.text })
    if (rule) {
      Object.assign(rules, rule.patch)
      i += rule.taken - 1
      continue
    }
    const capacity = readCapacity(args, i)
    const place = readPlace(token)
    const host = HOST.exec(token)
    const presenter = PRESENTER.exec(token)
    if (place && !details.place) {
      // A room after the school is part of the place: "@育秀实验学校 会议室".
      details.place = next && ROOM.test(next) ? `${place} ${args[++i]}` : place
    } else if (capacity && 'error' in capacity) return fail({ key: 'badCapacity', text: capacity.error })
    else if (capacity) {
      details.capacity = capacity.value
      i += capacity.taken - 1
    } else if (host && (host[2] || next)) details.host = host[2] || args[++i]!
    else if (presenter && (presenter[2] || next)) details.presenter = presenter[2] || args[++i]!
    else if (SUBJECT.test(token) && !details.subject) details.subject = token
    else rest.push(token)
  }
  // "青蓝工程汇报课（暂定）", "教学研讨 暂定": the time is tentative, and the word no part of the title.
  const plain = rest.filter((w) => !TENTATIVE.test(w))
  const marked = plain.length < rest.length
  let words = marked ? plain : rest
  let found = findWhen(words)
  // "待定" may be the whole time written ("时间待定"): then it is read as that.
  if ('error' in found && marked) [words, found] = [rest, findWhen(rest)]
  if ('error' in found) return fail(found.error)
  if (marked && words === plain) found.when = { ...found.when, tentative: true }
  const taken = timeAfterTitle(words, found)
  const titleWords = words.filter((_, i) => (i < found.start || i >= found.end) && !taken.has(i))
  if (!details.place && titleWords.length > 1) {
    // "第8周 肇文学校 中小学道德与法治 主题式联合教研": a school first is the place too, when a title follows.
    const school = titleWords.findIndex((w) => SCHOOL.test(w.replace(/^[在于]/, '')))
    // "在育秀实验学校", "于肇文学校": the place without its preposition.
    if (school >= 0) details.place = titleWords.splice(school, ROOM.test(titleWords[school + 1] ?? '') ? 2 : 1).join(' ').replace(/^[在于]/, '')
  }
  const title = titleWords.join(' ').trim()
  if (!title) return fail({ key: 'noTitle' })
  return { ok: true, value: { whenText: found.text, when: found.when, details: { ...details, title }, rules, attendance } }
}

type Found = { start: number; end: number; text: string; when: When } | { error: ScheduleArgsError }

function findWhen(words: readonly string[]): Found {
  if (words.length === 0) return { error: { key: 'noWhen' } }
  let vague: Found | null = null
  for (let start = 0; start < words.length; start++) {
    for (let end = Math.min(words.length, start + MAX_WHEN_TOKENS); end > start; end--) {
      const text = words.slice(start, end).join(' ')
      const parsed = parseWhen(text)
      if (!parsed.ok) continue
      const found = { start, end, text, when: parsed.when }
      // "期末 质量分析会 1月18日下午": a day written later wins over a span read first.
      if (isDay(parsed.when)) return found
      vague ??= found
      break
    }
  }
  if (vague) return vague
  // "教育集团领导工作例会": no word could be a time at all; the time was left out, not misread.
  if (!words.some((w) => TIME_HINT.test(w))) return { error: { key: 'noWhenFor', title: words.join(' ') } }
  const first = parseWhen(words[0]!)
  if (!first.ok && first.problem === 'noDate') return { error: { key: 'noDate', part: words[0]! } }
  if (!first.ok && first.problem === 'unread') return { error: { key: 'unreadable', part: first.unread } }
  return { error: { key: 'unreadable', part: words[0]! } }
}

const UNTIL = /^(?:至|到|直到)$/
/** A word that may hold a time: digits, dates, weeks, parts of the day, spans. */
const TIME_HINT = /[0-9零〇一二两三四五六七八九十]|[年月日号周天午晚早节期旬底初末每隔单双今明昨前后]/
/** A word that may add to a time read earlier: a clock, a part of the day, weeks, 单周, 至…. */
const TIME_PART = /\d|[上中下]午|晚上|早上|节|周|至|到|单|双|放学/

/**
 * Words after the title that complete the time read before it: "第12周 教研
 * @西渡学校 14:00" is week 12 at 14:00, "每周四下午 联合教研 第3-16周" runs
 * in weeks 3-16 only, "每周三 15:30 教研 至 12月31日" ends the series. A word
 * is taken when the time read with it still reads and says more. Updates
 * `found` and returns the indices of the words it took.
 */
function timeAfterTitle(words: readonly string[], found: Extract<Found, { when: When }>): Set<number> {
  const taken = new Set<number>()
  for (let i = 0; i < words.length; i++) {
    if ((i >= found.start && i < found.end) || !TIME_PART.test(words[i]!)) continue
    const span = UNTIL.test(words[i]!) && i + 1 < words.length ? [i, i + 1] : [i]
    const phrase = span.map((j) => words[j]!).join(' ')
    const parsed = parseWhen(`${found.text} ${phrase}`)
    if (!parsed.ok || JSON.stringify(parsed.when) === JSON.stringify(found.when)) continue
    found.text = `${found.text} ${phrase}`
    found.when = parsed.when
    for (const j of span) taken.add(j)
    i = span.at(-1)!
  }
  return taken
}

/** A time that names its days (a date, a weekday, a series), not only a span. */
function isDay(when: When): boolean {
  if (when.repeat) return true
  const date = when.date
  if (!date) return false
  if (date.kind === 'semesterWeek' || date.kind === 'monthWeek') return date.weekday !== undefined
  return ['date', 'relativeDay', 'weekday', 'monthNth'].includes(date.kind)
}

function fail(error: ScheduleArgsError): ScheduleArgsResult {
  return { ok: false, error }
}
