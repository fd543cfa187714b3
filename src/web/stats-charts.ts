/**
 * The 统计 page's four charts, each as the table beside it (the truth: the
 * page, the .xlsx download and the chart all show these rows) and the
 * chart's data drawn from the same rows. Pure: the numbers come from
 * src/services/term-stats.ts.
 */
import { texts } from '../core/texts/index.ts'
import type { Table } from '../services/export-table.ts'
import type { HoursRange, StatsTerm, TermNumbers } from '../services/term-stats.ts'

const S = texts.webStats

export const CHART_NAMES = ['participation', 'signups', 'attendance', 'hours'] as const
export type ChartName = (typeof CHART_NAMES)[number]

/** What public/stats.js draws: bars per category, one series each (stacked when they share `stack`). */
export interface ChartData {
  categories: string[]
  /** Shown in the tooltip in place of the category (an activity's title). */
  labels?: string[]
  series: { name: string; data: (number | null)[]; stack?: string }[]
  percent?: boolean
}

export interface StatsChart {
  name: ChartName
  title: string
  sheet: string
  caption: string
  /** The sentence shown instead of the chart and the table when there is nothing to count. */
  empty: string | null
  table: Table
  /** What the .xlsx download holds: the table, or every row when the page shows only some (`note` says so). */
  download: Table
  /** Said under the caption when the page shows only part of the rows. */
  note: string | null
  chart: ChartData
}

/** The most activities one chart draws and its table lists: more would be bars no one can read, and a page too heavy for a phone. */
export const MAX_ACTIVITY_BARS = 60

export function statsCharts(numbers: TermNumbers, term: StatsTerm): StatsChart[] {
  return [participationChart(numbers, term), signupsChart(numbers), attendanceChart(numbers), hoursChart(numbers.hours)].map((c) => ({ download: c.table, note: null, ...c }))
}

type Drawn = Omit<StatsChart, 'download' | 'note'> & Partial<Pick<StatsChart, 'download' | 'note'>>

/** The months a term spans, as "2026-09"; labelled with the year only when one label could mean two months. */
function termMonths(term: StatsTerm): { key: string; label: string }[] {
  const months: { year: number; month: number }[] = []
  let year = Number(term.startDate.slice(0, 4))
  let month = Number(term.startDate.slice(5, 7))
  const end = term.endDate.slice(0, 7)
  while (`${year}-${String(month).padStart(2, '0')}` <= end) {
    months.push({ year, month })
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
  const withYear = months.length > 12
  return months.map((m) => ({ key: `${m.year}-${String(m.month).padStart(2, '0')}`, label: S.participation.month(m.year, m.month, withYear) }))
}

/** Named schools in dictionary order; those without one last. */
function bySchool(a: string, b: string): number {
  return (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || a.localeCompare(b, 'zh')
}

function participationChart(numbers: TermNumbers, term: StatsTerm): Drawn {
  const P = S.participation
  const months = termMonths(term)
  const schools = [...new Set(numbers.participation.map((p) => p.school))].sort(bySchool)
  const count = (school: string, month: string) => numbers.participation.find((p) => p.school === school && p.month === month)?.count ?? 0
  const rows = schools.map((school) => {
    const counts = months.map((m) => count(school, m.key))
    return [school || S.noSchool, ...counts, counts.reduce((a, b) => a + b, 0)]
  })
  const totals = months.map((_, i) => rows.reduce((sum, r) => sum + (r[i + 1] as number), 0))
  return {
    name: 'participation', title: P.title, sheet: P.sheet, caption: P.caption,
    empty: schools.length === 0 ? P.empty : null,
    table: { columns: [P.school, ...months.map((m) => m.label), S.total], rows: [...rows, [S.total, ...totals, totals.reduce((a, b) => a + b, 0)]] },
    chart: { categories: months.map((m) => m.label), series: rows.map((r) => ({ name: String(r[0]), data: r.slice(1, -1) as number[], stack: 'schools' })) },
  }
}

function signupsChart(numbers: TermNumbers): Drawn {
  const G = S.signups
  const all = numbers.signups
  const row = (a: (typeof all)[number]) => [a.id, a.title, a.confirmed, a.waiting, a.capacity]
  // A term of thousands: the page draws those most signed up for, in their order; the download holds them all.
  const lines = all.length <= MAX_ACTIVITY_BARS ? all : [...all].sort((a, b) => b.confirmed + b.waiting - (a.confirmed + a.waiting) || a.id - b.id).slice(0, MAX_ACTIVITY_BARS).sort((a, b) => a.id - b.id)
  const columns = [G.id, G.activity, G.confirmed, G.waiting, G.capacity]
  return {
    name: 'signups', title: G.title, sheet: G.sheet, caption: G.caption,
    empty: lines.length === 0 ? G.empty : null,
    table: { columns, rows: lines.map(row) },
    download: { columns, rows: all.map(row) },
    note: lines.length < all.length ? G.someShown(lines.length, all.length) : null,
    chart: {
      categories: lines.map((a) => `#${a.id}`),
      labels: lines.map((a) => `#${a.id} ${a.title}`),
      series: [
        { name: G.confirmed, data: lines.map((a) => a.confirmed) },
        { name: G.waiting, data: lines.map((a) => a.waiting) },
        { name: G.capacity, data: lines.map((a) => a.capacity) },
      ],
    },
  }
}

/** Present as a share of those expected, in percent to one decimal. */
function rateOf(line: { present: number; leave: number; absent: number }): number {
  const expected = line.present + line.leave + line.absent
  return expected === 0 ? 0 : Math.round((line.present / expected) * 1000) / 10
}

function attendanceChart(numbers: TermNumbers): Drawn {
  const A = S.attendance
  const lines = [...numbers.attendance].sort((a, b) => bySchool(a.subject, b.subject))
  const rows = lines.map((l) => [l.subject || S.noSubject, l.sessions, l.present + l.leave + l.absent, l.present, l.leave, l.absent, rateOf(l)])
  return {
    name: 'attendance', title: A.title, sheet: A.sheet, caption: A.caption,
    empty: lines.length === 0 ? A.empty : null,
    table: { columns: [A.subject, A.sessions, A.expected, A.present, A.leave, A.absent, A.rate], rows },
    chart: { categories: rows.map((r) => String(r[0])), series: [{ name: A.rate, data: rows.map((r) => r[6] as number) }], percent: true },
  }
}

function rangeLabel(r: HoursRange): string {
  if (r.to === 0) return S.hours.zero
  return r.to === null ? S.hours.over(r.from) : S.hours.between(r.from, r.to)
}

function hoursChart(ranges: readonly HoursRange[]): Drawn {
  const H = S.hours
  const rows = ranges.map((r) => [rangeLabel(r), r.count])
  return {
    name: 'hours', title: H.title, sheet: H.sheet, caption: H.caption,
    empty: ranges.every((r) => r.count === 0) ? H.empty : null,
    table: { columns: [H.range, H.people], rows },
    chart: { categories: rows.map((r) => String(r[0])), series: [{ name: H.people, data: ranges.map((r) => r.count) }] },
  }
}

/** JSON for a `<script type="application/json">` block: nothing in it can close the element or be read as markup. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
