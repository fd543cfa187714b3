import { addDays, daysBetween, mondayOf, type LocalDate } from './dates.ts'
import type { Term } from './when.ts'

export interface SemesterInfo {
  name: string
  startDate: LocalDate
  endDate: LocalDate
}

/** Week 1 is the Monday-to-Sunday week that holds the first day. */
export function weekOf(date: LocalDate, semester: SemesterInfo): number {
  return Math.floor(daysBetween(mondayOf(semester.startDate), date) / 7) + 1
}

export function weekCount(semester: SemesterInfo): number {
  return weekOf(semester.endDate, semester)
}

/** The date of a weekday (1 = Monday) in a semester week. */
export function dateInWeek(semester: SemesterInfo, week: number, weekday: number): LocalDate {
  return addDays(mondayOf(semester.startDate), (week - 1) * 7 + weekday - 1)
}

export function semesterOn<S extends SemesterInfo>(date: LocalDate, semesters: readonly S[]): S | undefined {
  return semesters.find((s) => s.startDate <= date && date <= s.endDate)
}

/** The semester holding the date, else the next one to start. */
export function semesterFrom<S extends SemesterInfo>(date: LocalDate, semesters: readonly S[]): S | undefined {
  return semesterOn(date, semesters) ?? [...semesters].sort(byStart).find((s) => s.startDate > date)
}

const TERM_NAMES: Record<1 | 2, RegExp> = { 1: /第一学期|上学期|秋季/, 2: /第二学期|下学期|春季/ }

/**
 * "第二学期" in a plan means the nearest such term: the one under way, else
 * the next to start, else the latest one.
 */
export function findTerm(term: Term | undefined, today: LocalDate, semesters: SemesterInfo[]): SemesterInfo | undefined {
  if (term === undefined || term === 'current') return semesterFrom(today, semesters)
  const named = semesters.filter((s) => TERM_NAMES[term].test(s.name)).sort(byStart)
  return (
    named.find((s) => s.startDate <= today && today <= s.endDate) ??
    named.find((s) => s.startDate > today) ??
    named.at(-1)
  )
}

function byStart(a: SemesterInfo, b: SemesterInfo): number {
  return a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0
}
