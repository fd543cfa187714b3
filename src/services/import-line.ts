import { createHash } from 'node:crypto'
import { parseWhen } from '../calendar/parse-when.ts'
import { resolveWhen, type CalendarEnv, type Plan } from '../calendar/resolve-when.ts'
import type { SemesterInfo } from '../calendar/semester.ts'
import type { DateSpec, Term, When } from '../calendar/when.ts'
import { longerThan } from '../core/limits.ts'
import { SCHOOL, SUBJECT } from '../core/vocabulary.ts'
// The same reader as /排期: a 行事历 line says what a /排期 line says.
import { parseScheduleArgs, type ScheduleArgsError } from './args/schedule-args.ts'
import type { RulePatch } from './args/rule-args.ts'
import { MAX_PLACE_CHARS, MAX_SUBJECT_CHARS, MAX_TITLE_CHARS, type ImportItem, type ImportReason, type ImportRules } from './import-types.ts'

/** What a line is read under: the month heading above it, and the term a table or heading names. */
export interface LineContext {
  month: number | null
  term?: 1 | 2
}

/**
 * Words in one line at most: a 行事历 line has under 15. The reader tries
 * every run of up to six words as a time, so a line's cost grows with its
 * words (20 words: about 1 ms).
 */
export const MAX_WORDS = 20
/** "1、", "（1）", "一、", "4.", "①" — but not the "10." of a date written 10.22. */
export const NUMBERING = /^(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9一二三四五六七八九十]{1,2}\s*(?:[、)）]|[.．](?!\d))|[①-⑳])\s*/
/** A word that writes a date: 10月12日-16日, 第4周…, 周三…, 12.3 — not a bare clock (14:00) or a rule (教龄1-8). */
const DATE_LIKE = /[0-9０-９]\s*[月日号]|[一二三四五六七八九十]月|第[0-9０-９一二三四五六七八九十]{1,3}周|^(每|双|单|隔)?周[一二三四五六日天]|^\d{1,2}[./]\d{1,2}/
/** Labels whose word is dropped ("时间：10月底" is the time). */
const DROPPED_LABEL = /(^|\s)(时间|日期|活动时间|主题|内容|活动内容|活动名称|学科)\s*[:：]\s*/g
const DROPPED_WORD = /^(时间|日期|活动时间|主题|内容|活动内容|活动名称|学科)$/
/** Labels /排期 reads itself ("地点：育秀实验学校"), kept with their colon. */
const KEPT_LABEL = /^(地点|名额|教龄|截止|报名截止|主持人?|主讲人?|负责人|导师)$/

/**
 * One 行事历 line read as /排期 reads its arguments: its own date or time
 * first; only a line without one takes its month heading, as a date to be
 * set in that month. null: no time and no heading, so not an activity.
 */
export function readActivityLine(line: number, raw: string, context: LineContext, env: CalendarEnv): ImportItem | null {
  const text = raw.replace(/[\s\u3000]+/g, ' ').trim()
  if (!text) return null
  return readWords(line, text, toWords(text.replace(NUMBERING, '')), context, env)
}

/**
 * The words of a line or a table row, read by /排期's reader; `fixed` holds
 * what a table's columns give outright. null: not an activity (no time, no
 * month heading, no title column).
 */
export function readWords(line: number, text: string, words: string[], context: LineContext, env: CalendarEnv, fixed: Fixed = {}): ImportItem | null {
  // The reader tries each run of words as a time: a line of hundreds of words would hold the import for seconds.
  if (words.length > MAX_WORDS) return fixed.title || context.month !== null ? fail(line, text, { key: 'tooManyWords', max: MAX_WORDS }) : null
  // Most lines without a date of their own have no word a time can start with: the reader need not try each run of them.
  let parsed = words.some(mayStartTime) ? parseScheduleArgs(words) : ({ ok: false, error: { key: 'noWhen' } } as const)
  // A date the reader cannot read is said, not replaced by the month heading (its text would end up in the title).
  const unread = parsed.ok ? undefined : words.find((w) => DATE_LIKE.test(w))
  if (unread !== undefined && !parsed.ok && isTimeProblem(parsed.error) && (context.month !== null || fixed.title)) return fail(line, text, { key: 'unreadable', part: unread })
  // The heading's month goes first: the reader tries runs of words from the start, so it is found at once.
  if (!parsed.ok && isTimeProblem(parsed.error) && context.month !== null) parsed = parseScheduleArgs([`${context.month}月`, ...words])
  if (!parsed.ok) {
    if (isTimeProblem(parsed.error) && context.month === null) return fixed.title ? fail(line, text, { key: 'noTime' }) : null
    return fail(line, text, argsReason(parsed.error))
  }
  const { when, rules } = parsed.value
  const term = context.term ?? termOfMonth(context.month)
  const whenText = withTerm(parsed.value.whenText, when, term)
  const details = { ...parsed.value.details, ...definedOnly(fixed) }
  // "育秀实验学校 语文 第4周": a school, a subject and a time, but no activity named.
  if (!fixed.title && !details.place && details.title.split(/[、 ]/).every((w) => SCHOOL.test(w))) return fail(line, text, { key: 'noTitle' })
  const tooLong = overLimit(details)
  if (tooLong) return fail(line, text, tooLong)
  if (rules.workshopId !== undefined) return fail(line, text, { key: 'workshop' })
  const resolved = resolveWhen(when, env)
  if (!resolved.ok) return fail(line, text, resolved.error)
  // "3月：教学视导" in a second term that is not set: refused as its 第N周 rows are.
  if (term === 2 && !inSomeTerm(resolved.plan, env.semesters)) return fail(line, text, { key: 'termNotFound' })
  const importRules = toRules(rules, env)
  if (importRules && 'error' in importRules) return fail(line, text, importRules.error)
  return {
    ok: true, line, text, details, whenText, when, plan: resolved.plan, rules: importRules ?? {},
    key: importKey(details, whenText),
  }
}

/** Values a table's columns give outright (its 学科 and 承办学校 columns). */
export interface Fixed {
  title?: string
  place?: string
  subject?: string
  host?: string
}

function definedOnly(fixed: Fixed): Fixed {
  return Object.fromEntries(Object.entries(fixed).filter(([, v]) => v)) as Fixed
}

/**
 * The words of a line: a colon after a title is a space ("主题式联合教研活动：育秀实验学校"),
 * a time label goes, a bracketed qualifier that is a rule becomes that rule's words.
 */
export function toWords(text: string): string[] {
  const qualified = (titleThenTime(text) ?? text).replace(/[（(]([^（）()]{1,40})[）)]/g, (whole, inner: string) => {
    const rule = qualifierWords(inner.trim())
    return rule ? ` ${rule.join(' ')} ` : whole
  })
  const unlabelled = qualified.replace(DROPPED_LABEL, '$1')
  return unlabelled
    .split(' ')
    .flatMap((word) => splitColon(word))
    // Written without brackets, "活动内容单周提前公示" and "1-8年教龄" are the same rules.
    .flatMap((word) => (/公示|教龄/.test(word) && !/^(限?教龄|提前公示)/.test(word) ? (qualifierWords(word) ?? [word]) : [word]))
    .filter(Boolean)
}

/** A colon that is no clock's ("14:00" is one). */
const PAUSE_COLON = /(?<!\d)[:：]|[:：](?!\d)/

/**
 * "常态化的教研联动：双周一下午，活动内容单周提前公示。": a title, a colon, then
 * sentences holding the time, rules, place or subject, and prose (定时间、定地点、
 * 定主题, an open bracket's note) that is none of them and goes. As words:
 * "常态化的教研联动 双周一下午 活动内容单周提前公示". null: not that form (no
 * sentence after the colon is a time), the line is read as written.
 */
function titleThenTime(text: string): string | null {
  const at = text.search(PAUSE_COLON)
  const rest = text.slice(at + 1)
  if (at < 2 || !/[，。；;,]/.test(rest)) return null
  const head = text.slice(0, at).trim()
  if (KEPT_LABEL.test(head) || DROPPED_WORD.test(head) || parseWhen(head).ok) return null
  const sentences = rest.split(/[，。；;,]/).map((s) => s.trim()).filter(Boolean)
  const isTime = (s: string) => parseWhen(s).ok || s.split(' ').some((w) => parseWhen(w).ok)
  if (!sentences.some(isTime)) return null
  const kept = sentences.filter((s) => parseWhen(s).ok || s.split(' ').every(isKnownWord))
  return [head, ...kept].join(' ')
}

/** A word a /排期 line may hold besides its title: a time, a school, a subject, a rule or a labelled value. */
function isKnownWord(word: string): boolean {
  const bare = word.replace(/^[（(](.*)[）)]$/, '$1')
  if (parseWhen(bare).ok || SUBJECT.test(bare) || bare.startsWith('@') || qualifierWords(bare) !== null) return true
  return bare.split('、').every((w) => SCHOOL.test(w)) || (PAUSE_COLON.test(bare) && KEPT_LABEL.test(bare.split(/[:：]/)[0]!))
}

function splitColon(word: string): string[] {
  const at = word.search(PAUSE_COLON)
  if (at === -1) return [word]
  const head = word.slice(0, at)
  const rest = word.slice(at + 1)
  if (KEPT_LABEL.test(head)) return rest ? [`${head}:${rest}`] : [head]
  if (DROPPED_WORD.test(head)) return rest ? splitColon(rest) : []
  return [...(head ? [head] : []), ...(rest ? splitColon(rest) : [])]
}

/**
 * What a bracketed qualifier in a plan says, as /排期 words: （教龄1-8年）,
 * （1~8教龄）, （活动内容单周提前公示）, （育秀实验学校、肇文学校）, （学区办）,
 * （限语文教师）, （名额40）, （暂定）. null: it stays as written (a theme, a note, a time annotation).
 */
export function qualifierWords(inner: string): string[] | null {
  const t = inner.replace(/\s+/g, '').replace(/[～~—－–至到]/g, '-')
  // The time is tentative: the reader marks it so (schedule-args.ts), the title goes without it.
  if (/^(暂定|待定)$/.test(t)) return ['暂定']
  const years = /^(?:限)?教龄(\d{1,2})-(\d{1,2})年?(?:教师)?$/.exec(t) ?? /^(\d{1,2})-(\d{1,2})年?教龄(?:教师)?$/.exec(t)
  if (years) return [`教龄${years[1]}-${years[2]}`]
  const atLeast = /^(?:教龄)?(\d{1,2})年(?:及)?以上(?:教龄)?(?:教师)?$/.exec(t)
  if (atLeast && t.includes('教龄')) return [`教龄${atLeast[1]}年以上`]
  const atMost = /^(?:教龄)?(\d{1,2})年(?:及)?以[下内](?:教龄)?(?:教师)?$/.exec(t)
  if (atMost && t.includes('教龄')) return [`教龄${atMost[1]}年以下`]
  const notice = /提前(\d)?周?公示/.exec(t)
  if (notice) return [notice[1] ? `提前公示${notice[1]}周` : '提前公示']
  const capacity = /^(?:名额|限)(\d{1,5})人?$/.exec(t)
  if (capacity) return [`名额${capacity[1]}`]
  const schools = t.split(/[、,，]/)
  if (schools.every((s) => SCHOOL.test(s))) return [`@${schools.join('、')}`]
  if (/^(学区办|集团办|教导处|教研室|教发院|教研组)$/.test(t)) return [`主持:${t}`]
  const limited = /^(?:限|仅限)(.+?)(?:教师|老师)?$/.exec(t)
  if (limited && (SUBJECT.test(limited[1]!) || SCHOOL.test(limited[1]!))) return [`限${limited[1]}`]
  return null
}

/** Whether a time can begin with this word: the reader reads nothing of it otherwise, alone or followed by others. */
function mayStartTime(word: string): boolean {
  const parsed = parseWhen(word)
  return parsed.ok || parsed.problem !== 'unread' || parsed.consumed > 0
}

function isTimeProblem(error: ScheduleArgsError): boolean {
  return error.key === 'noWhen' || error.key === 'noWhenFor' || error.key === 'unreadable' || error.key === 'noDate'
}

function argsReason(error: ScheduleArgsError): ImportReason {
  if (error.key === 'noTitle') return { key: 'noTitle' }
  if (error.key === 'noWhen' || error.key === 'noWhenFor') return { key: 'noTime' }
  return { key: 'args', error }
}

function termOfMonth(month: number | null): 1 | 2 | undefined {
  if (month === null) return undefined
  return month >= 8 || month === 1 ? 1 : 2
}

/** Whether any day of the plan lies in a term that is set. */
function inSomeTerm(plan: Plan, semesters: readonly SemesterInfo[]): boolean {
  const spans = plan.kind === 'pending' ? [{ from: plan.from, to: plan.to }] : plan.occurrences.map((o) => ({ from: o.date, to: o.endDate ?? o.date }))
  return spans.some(({ from, to }) => semesters.some((s) => s.startDate <= to && from <= s.endDate))
}

const TERM_TEXT: Record<1 | 2, string> = { 1: '第一学期', 2: '第二学期' }

/** 第N周 under a month heading of the second term is that term's week; the saved text says so. */
function withTerm(whenText: string, when: When, term: 1 | 2 | undefined): string {
  if (term === undefined) return whenText
  let set = false
  for (const spec of [when.date, when.from, when.until]) set = giveTerm(spec, term) || set
  return set && !/学期/.test(whenText) ? `${TERM_TEXT[term]}${whenText}` : whenText
}

function giveTerm(spec: DateSpec | undefined, term: Term): boolean {
  if (spec?.kind !== 'semesterWeek' || spec.term !== undefined) return false
  spec.term = term
  return true
}

/** The rules a line sets, as columns; a deadline is read later against the district's clock. */
function toRules(patch: RulePatch, env: CalendarEnv): ImportRules | { error: ImportReason } | null {
  const rules: ImportRules = {}
  if (patch.minYears != null) rules.minYears = patch.minYears
  if (patch.maxYears != null) rules.maxYears = patch.maxYears
  if (patch.subjectRule) rules.subjectRule = patch.subjectRule
  if (patch.schoolRule) rules.schoolRule = patch.schoolRule
  if (patch.menteesOnly) rules.menteesOnly = true
  if (patch.noticeWeeks != null) rules.noticeWeeks = patch.noticeWeeks
  if (patch.capacity != null) rules.capacity = patch.capacity
  if (patch.deadlineText) {
    const parsed = parseWhen(patch.deadlineText)
    const resolved = parsed.ok ? resolveWhen(parsed.when, env) : null
    const first = resolved?.ok && resolved.plan.kind === 'dated' && resolved.plan.occurrences.length === 1 ? resolved.plan.occurrences[0]! : null
    if (!first) return { error: { key: 'args', error: { key: 'badDeadline', text: patch.deadlineText } } }
    rules.deadline = first.start ? { date: first.date, start: first.start } : { date: first.date }
  }
  if (longerThan(rules.subjectRule ?? '', MAX_SUBJECT_CHARS)) return { error: { key: 'tooLong', what: 'subject', max: MAX_SUBJECT_CHARS } }
  return Object.keys(rules).length ? rules : null
}

function overLimit(details: { title: string; place?: string; subject?: string }): ImportReason | null {
  if (longerThan(details.title, MAX_TITLE_CHARS)) return { key: 'tooLong', what: 'title', max: MAX_TITLE_CHARS }
  if (longerThan(details.place ?? '', MAX_PLACE_CHARS)) return { key: 'tooLong', what: 'place', max: MAX_PLACE_CHARS }
  if (longerThan(details.subject ?? '', MAX_SUBJECT_CHARS)) return { key: 'tooLong', what: 'subject', max: MAX_SUBJECT_CHARS }
  return null
}

function fail(line: number, text: string, reason: ImportReason): ImportItem {
  return { ok: false, line, text, reason }
}

/** The same activity at the same time gets the same key, however the line was numbered or spaced. */
export function importKey(details: { title: string; subject?: string; place?: string }, whenText: string): string {
  return createHash('sha1').update([details.title, details.subject ?? '', details.place ?? '', whenText.replace(/\s+/g, '')].join('|')).digest('hex').slice(0, 20)
}
