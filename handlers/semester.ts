import { addDays, daysBetween, isValidDate, makeDate, yearOf, type LocalDate } from '../src/calendar/dates.ts'
import { formatDate, formatDay, formatFullDate, formatRange } from '../src/calendar/format.ts'
import { readDayRange } from '../src/calendar/parse-when.ts'
import { resolveDate, type CalendarEnv } from '../src/calendar/resolve-when.ts'
import type { DateSpec } from '../src/calendar/when.ts'
import { holidayDataEnd, holidaysBetween } from '../src/calendar/holidays.ts'
import { semesterOn, weekCount, weekOf } from '../src/calendar/semester.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { assertFits, resolveErrorText } from './shared.ts'

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/
const RANGE_WORDS = new Set(['至', '到', '-', '~'])
const MAX_CLOSED_DAYS = 60

export const semester: Command = {
  id: 'semester',
  name: '学期',
  aliases: ['semester', 'term'],
  role: 'teacher',
  forms: [{ usage: '学期 <日期>', role: 'admin', matches: (line) => line.args.length > 0 }],
  scope: 'district',
  async run(ctx, line) {
    if (line.args.length === 0) return showSemester(ctx)
    const words = line.args.filter((w) => !RANGE_WORDS.has(w))
    const [startText, endText, ...nameWords] = words
    if (!startText || !endText) throw new Refusal(texts.semester.usage)
    const startDate = readDate(startText, texts.semester.badDate)
    const endDate = readDate(endText, texts.semester.badDate)
    if (endDate <= startDate) throw new Refusal(texts.semester.endBeforeStart)
    if (daysBetween(startDate, endDate) > 30 * 7) throw new Refusal(texts.semester.tooLong)
    const month = Number(startDate.slice(5, 7))
    const name = nameWords.join(' ').trim() || (month >= 7 ? '第一学期' : '第二学期')
    assertFits('semesterName', name)
    const saved = await ctx.work.semesters.saveSemester(ctx.district.id, { name, startDate, endDate })
    if (!saved.ok) throw new Refusal(texts.semester.overlaps(saved.overlaps))
    const lines = [texts.semester.saved(name, startDate, endDate, weekCount({ name, startDate, endDate }))]
    const holidays = holidaysBetween(startDate, endDate)
    if (holidays.length) lines.push(texts.semester.holidays(holidays.map((h) => `${h.name} ${formatRange(h.from, h.to)}`).join('、')))
    if (endDate > holidayDataEnd) lines.push(texts.semester.beyondData(Number(holidayDataEnd.slice(0, 4))))
    ctx.reply(lines.join('\n'))
  },
}

async function showSemester(ctx: DistrictContext): Promise<void> {
  const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
  const semesters = await ctx.work.semesters.listSemesters(ctx.district.id)
  if (semesters.length === 0) return ctx.reply(texts.semester.none)
  const current = semesterOn(env.today, semesters)
  const lines: string[] = []
  if (current) {
    const week = weekOf(env.today, current)
    lines.push(texts.semester.today(current.name, week, week % 2 === 0 ? texts.semester.even : texts.semester.odd))
  } else {
    const next = semesters.find((s) => s.startDate > env.today)
    lines.push(texts.semester.notInTerm(next ? texts.semester.nextTerm(next.name, formatDate(next.startDate)) : null))
  }
  const year = Number(env.today.slice(0, 4))
  const listed = semesters.filter((s) => s.endDate >= addDays(env.today, -366))
  lines.push(texts.semester.list(listed.map((s) => `${s.name}：${formatDate(s.startDate, year)} 至 ${formatDate(s.endDate, year)}，共${weekCount(s)}周`)))
  ctx.reply(lines.join('\n'))
}

export const closedDay: Command = {
  id: 'closedDay',
  name: '放假',
  aliases: ['closed', 'holiday', '停课'],
  role: 'teacher',
  forms: [{ usage: '放假 <日期>', role: 'admin', matches: (line) => line.args.length > 0 }],
  scope: 'district',
  async run(ctx, line) {
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    if (line.args.length === 0) return listClosedDays(ctx, env.today)
    const read = readDayRange(line.args.join(' '))
    if (!read) throw new Refusal(texts.closedDays.usage)
    const from = placeDay(read.from, env)
    let to = read.to ? placeDay(read.to.year ? read.to : { ...read.to, year: yearOf(from) }, env) : from
    if (read.to && !read.to.year && to < from) to = placeDay({ ...read.to, year: yearOf(from) + 1 }, env)
    if (to < from) throw new Refusal(texts.closedDays.usage)
    if (daysBetween(from, to) >= MAX_CLOSED_DAYS) throw new Refusal(texts.closedDays.tooLong)
    const name = read.rest || texts.closedDays.defaultName
    assertFits('closedDayName', name)
    const result = await ctx.work.closedDays.registerClosedDays(ctx.district.id, from, to, name)
    const range = rangeText(from, to)
    if (result.kind === 'already') return ctx.reply(texts.closedDays.already(name, range))
    if (result.kind === 'saved') return ctx.reply(texts.closedDays.saved(range, name, result.paused))
    ctx.reply(texts.closedDays.updated(range, name, rangeText(result.was.from, result.was.to), result.paused, result.resumed))
  },
}

async function listClosedDays(ctx: DistrictContext, today: LocalDate): Promise<void> {
  const rows = await ctx.work.closedDays.closedDaysFrom(ctx.district.id, today, 60)
  if (rows.length === 0) return ctx.reply(texts.closedDays.none)
  ctx.reply(texts.closedDays.list(rows.map((r) => `${formatDate(r.date)} ${r.name}`)))
}

/** "2027年1月1日(周五)", "2027年1月1日-3日", "2026年12月30日-2027年1月2日" */
function rangeText(from: LocalDate, to: LocalDate): string {
  if (from === to) return formatFullDate(from)
  return yearOf(from) === yearOf(to) ? texts.calendar.year(yearOf(from)) + formatRange(from, to) : texts.calendar.range(formatFullDay(from), formatFullDay(to))
}

/** "2027年1月1日" */
function formatFullDay(date: LocalDate): string {
  return texts.calendar.year(yearOf(date)) + formatDay(date)
}

/** A written date of /放假 as a day of the district's calendar (a year-less one in the school year). */
function placeDay(spec: Extract<DateSpec, { kind: 'date' }>, env: CalendarEnv): LocalDate {
  const window = resolveDate(spec, { ...env, allowPast: true })
  if ('key' in window) throw new Refusal(window.key === 'weekdayMismatch' ? resolveErrorText(window) : texts.semester.badDate(formatSpec(spec)))
  return window.from
}

function formatSpec(spec: Extract<DateSpec, { kind: 'date' }>): string {
  return `${spec.year ? `${spec.year}年` : ''}${spec.month}月${spec.day}日`
}

function readDate(text: string, message: (text: string) => string): LocalDate {
  const m = DATE.exec(text)
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new Refusal(message(text))
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]))
}
