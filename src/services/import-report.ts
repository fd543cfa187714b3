import { formatDate, formatDay, formatRange, formatTime } from '../calendar/format.ts'
import { texts } from '../core/texts/index.ts'
import type { ResolveError } from '../calendar/resolve-when.ts'
import type { ScheduleArgsError } from './args/schedule-args.ts'
import { makeUpDay, weekendDay } from './clashes.ts'
import type { SameActivity } from './import-existing.ts'
import type { Merge } from './import-merge.ts'
import type { ImportItem, ImportReason } from './import-types.ts'
import {
  MAX_DOCX_ELEMENTS, MAX_FILE_BYTES, MAX_LINES, MAX_ROWS, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, PARSE_HEAP_MB, PARSE_TIME_LIMIT_MS,
  type FileProblem,
} from './file-reader/limits.ts'

type Ok = Extract<ImportItem, { ok: true }>

/** "第15行 → 主题式联合教研活动 · 道德与法治 · 肇文学校，10月21日-25日（日期待定）"; a dated one with its time, a series with its count, then its rules. */
export function itemLine(item: Ok, year: number): string[] {
  const extras = [item.details.subject, item.details.place, ...ruleWords(item)].filter(Boolean).map((x) => ` · ${x}`).join('')
  return [texts.importing.item(item.line, item.details.title, extras, whenOf(item, year)), ...dayNotes(item, year).map(texts.importing.note)]
}

/** What /排期 says of such a day without refusing it: a holiday, a make-up workday, a weekend. */
function dayNotes({ plan }: Ok, year: number): string[] {
  const S = texts.schedule
  const makeUp = makeUpDay(plan)
  const weekend = weekendDay(plan)
  return [
    plan.kind === 'dated' && plan.holiday ? S.onHoliday(plan.holiday) : '',
    makeUp ? S.makeUpDay(formatDate(makeUp.date, year), makeUp.holiday) : '',
    weekend ? S.onWeekend(formatDate(weekend, year)) : '',
  ].filter(Boolean)
}

/** "10月25日-31日（日期待定）", "9月21日(周一) 13:30", "9月7日(周一) 13:30 起共 10 次". */
function whenOf(item: Ok, year: number): string {
  const first = item.plan.kind === 'dated' ? item.plan.occurrences[0]! : null
  return item.plan.kind === 'pending'
    ? texts.importing.pendingWhen(formatRange(item.plan.from, item.plan.to))
    : texts.importing.datedWhen(`${formatDate(first!.date, year)}${first!.start ? ` ${formatTime(first!.start, first!.end)}` : ''}`, item.plan.occurrences.length)
}

/** 「第170行与第137行是同一项，已合并」 for each line merged into another's activity (the first `max`, then how many more). */
export function mergeLines(merges: readonly Merge[], max = Infinity): string[] {
  if (merges.length === 0) return []
  const lines = [texts.importing.merged(merges.length), ...merges.slice(0, max).map((m) => texts.importing.mergedLine(m.line, m.into))]
  if (merges.length > max) lines.push(texts.importing.moreLines(merges.length - max))
  return lines
}

/** Each line that is an activity the district has (from another file): which, and whether the line says more of its time (`morePrecise`: in a chat's words or a page's). */
export function sameLines(
  same: readonly { item: Ok; activity: SameActivity }[], year: number, max = Infinity, morePrecise: (when: string, id: number) => string = texts.importing.morePrecise,
): string[] {
  const T = texts.importing
  const lines = same.slice(0, max).map(({ item, activity: a }) => `${T.sameLine(item.line, a.id, a.title)}${a.morePrecise ? morePrecise(whenOf(item, year), a.id) : ''}`)
  if (same.length > max) lines.push(T.moreLines(same.length - max))
  return lines
}

/** The rules an item carries, as the preview shows them: 教龄1-8年, 提前公示1周, 名额40, 限语文老师. */
function ruleWords(item: Ok): string[] {
  const { rules, details } = item
  const T = texts.importing.ruleWords
  return [
    rules.minYears !== undefined || rules.maxYears !== undefined ? texts.rules.yearsLimit(texts.rules.yearsRange(rules.minYears ?? null, rules.maxYears ?? null)) : '',
    rules.noticeWeeks ? T.notice(rules.noticeWeeks) : '',
    details.capacity ?? rules.capacity ? T.capacity(details.capacity ?? rules.capacity!) : '',
    rules.subjectRule ? T.limit(texts.rules.subjectLimit(rules.subjectRule)) : '',
    rules.schoolRule ? T.limit(texts.rules.schoolLimit(rules.schoolRule)) : '',
    rules.menteesOnly ? T.limit(texts.rules.menteesLimit) : '',
    rules.deadline ? T.deadline(formatDay(rules.deadline.date)) : '',
  ]
}

/** The sentences of /排期 for what its reader and the calendar refuse (they live with the handlers). */
export interface ReasonTexts {
  resolve: (r: ResolveError) => string
  args: (e: ScheduleArgsError) => string
  /** A workshop written in a line (a page says where to set it); texts.importing.noWorkshop by default. */
  noWorkshop?: string
}

/** Why a line could not be read, in the words /排期 uses. */
export function reasonText(reason: ImportReason, describe: ReasonTexts): string {
  if (reason.key === 'tooLong') return texts.importing.tooLong(reason.what, reason.max)
  if (reason.key === 'noTime') return texts.importing.noTime
  if (reason.key === 'noTitle') return texts.importing.noTitle
  if (reason.key === 'notesOnly') return texts.importing.notesOnly
  if (reason.key === 'notActivity') return texts.importing.notActivity
  if (reason.key === 'workshop') return describe.noWorkshop ?? texts.importing.noWorkshop
  if (reason.key === 'tooManyWords') return texts.importing.tooManyWords(reason.max)
  if (reason.key === 'unreadable') return texts.importing.badTime(reason.part)
  if (reason.key === 'args') return describe.args(reason.error)
  return describe.resolve(reason)
}

/** "第15行 → …" for each item to create (the first `max`, then how many more). */
export function itemLines(items: Ok[], year: number, max = Infinity): string[] {
  const lines = items.slice(0, max).flatMap((i) => itemLine(i, year))
  if (items.length > max) lines.push(texts.importing.more(items.length - max))
  return lines
}

/** The count of lines that cannot be read, then each with its reason (the first `max`, then how many more). */
export function unreadableLines(items: Extract<ImportItem, { ok: false }>[], describe: ReasonTexts, max = Infinity): string[] {
  if (items.length === 0) return []
  const lines = [
    texts.importing.unreadable(items.length),
    ...items.slice(0, max).map((i) => texts.importing.unreadableLine(i.line, i.text, reasonText(i.reason, describe))),
  ]
  if (items.length > max) lines.push(texts.importing.moreLines(items.length - max))
  return lines
}

/** The lines taken for no activity (prose, titles): how many, and the first `max` of them. */
export function notActivityLines(items: Extract<ImportItem, { ok: false }>[], max = Infinity): string[] {
  if (items.length === 0) return []
  const lines = [texts.importing.notActivities(items.length), ...items.slice(0, max).map((i) => texts.importing.notActivityLine(i.line, i.text))]
  if (items.length > max) lines.push(texts.importing.moreLines(items.length - max))
  return lines
}

const MB = 1024 * 1024

/** "读不了「行事历.xlsx」：解压后超过 24 MB。请……" */
export function fileProblemText(name: string, problem: FileProblem): string {
  // Bytes that are not text need another remedy than a file too big or too complex: saving it as text again.
  if (problem.key === 'notText') return texts.importing.notText(name)
  const P = texts.importing.problems
  const reasons: Record<Exclude<FileProblem['key'], 'notText'>, () => string> = {
    tooBig: () => P.tooBig(MAX_FILE_BYTES / MB),
    corrupt: () => P.corrupt,
    tooManyEntries: () => P.tooManyEntries(MAX_ZIP_ENTRIES),
    unzippedTooBig: () => P.unzippedTooBig(MAX_UNZIPPED_BYTES / MB),
    tooManyElements: () => P.tooManyElements(MAX_DOCX_ELEMENTS),
    tooManyLines: () => P.tooManyLines(MAX_LINES),
    tooManyRows: () => P.tooManyRows(MAX_ROWS),
    outOfMemory: () => P.outOfMemory(PARSE_HEAP_MB),
    tooSlow: () => P.tooSlow(PARSE_TIME_LIMIT_MS / 1000),
    failed: () => P.failed,
  }
  return texts.importing.unreadableFile(name, reasons[problem.key]())
}
