/**
 * One member's 学时 this term and this school year, as /学时 tells them and
 * the web console's member and 我的 pages show them: the ledger (hours.ts)
 * over the school year holding today, split at the term holding today.
 * Written once here so the chat and the console cannot count differently.
 */
import type { Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'
import type { LocalDate } from '../calendar/dates.ts'
import { semesterOn, type SemesterInfo } from '../calendar/semester.ts'
import { texts } from '../core/texts/index.ts'
import { calendarEnv } from './calendar-env.ts'
import { ledger, type LedgerEntry } from './hours.ts'
import { schoolYearOf, totalsOf, type Totals } from './hours-rules.ts'

export interface HoursPeriod {
  today: LocalDate
  year: { from: LocalDate; to: LocalDate; startYear: number }
  /** The term holding today; null between terms. */
  term: SemesterInfo | null
  /** The year dates are written without ("12月2日" rather than "2026年12月2日"). */
  refYear: number
}

export interface MemberHours extends HoursPeriod {
  /** Every session of the school year the member was expected at or came to, by date. */
  entries: LedgerEntry[]
  /** Those in this term, and those earlier in the school year. */
  current: LedgerEntry[]
  earlier: LedgerEntry[]
  termTotals: Totals
  yearTotals: Totals
}

/** The school year and the term holding today in the district. */
export async function hoursPeriod(tx: Tx, district: District, now: Date): Promise<HoursPeriod> {
  const env = await calendarEnv(tx, district, now)
  return { today: env.today, year: schoolYearOf(env.today), term: semesterOn(env.today, env.semesters) ?? null, refYear: Number(env.today.slice(0, 4)) }
}

/** The member's sessions and 学时 this school year, split at this term. */
export async function memberHours(tx: Tx, district: District, memberId: number, now: Date): Promise<MemberHours> {
  const period = await hoursPeriod(tx, district, now)
  const entries = await ledger(tx, { districtId: district.id, from: period.year.from, to: period.year.to, memberId, now })
  const term = period.term
  const inTerm = (e: LedgerEntry) => term !== null && term.startDate <= e.date && e.date <= term.endDate
  const current = entries.filter(inTerm)
  return { ...period, entries, current, earlier: entries.filter((e) => !inTerm(e)), termTotals: totalsOf(current), yearTotals: totalsOf(entries) }
}

/** "2.5 学时", "主讲×2 5 学时", "0 学时（迟到 40 分钟）"; in a session's list, 请假 and 缺席 alone. */
export function earnedText(e: LedgerEntry, inSession = false): string {
  const T = texts.hours
  if (e.outcome.kind === 'earned') return T.earned(e.earned, e.role, e.factor)
  const why = T.whyOf(e.outcome.why)
  return inSession && (e.outcome.why.key === 'leave' || e.outcome.why.key === 'absent') ? why : T.none(why)
}
