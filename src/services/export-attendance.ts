/**
 * The archive's attendance sheets, read from the 学时 ledger (hours.ts): the
 * 学时登记表 (per teacher: each session, its level, role and hours, and a
 * total row), and the real check-in and check-out times beside each
 * printable 签到 block.
 */
import type ExcelJS from 'exceljs'
import { localParts } from '../calendar/dates.ts'
import { texts } from '../core/texts/index.ts'
import { totalsOf } from './hours-rules.ts'
import type { LedgerEntry } from './hours.ts'

const S = texts.hoursSheet
const T = texts.hours
const DATE_FORMAT = 'yyyy-mm-dd'

export type Column = { header: string; key: string; width: number; style?: Partial<ExcelJS.Style> }

/** A sheet with a bold, frozen header row. */
export function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns
  ws.getRow(1).font = { bold: true }
  return ws
}

/** Why an entry earned nothing, or that its hours are not set; empty when it earned them. */
export function entryNote(e: LedgerEntry): string {
  if (e.outcome.kind === 'none') return T.whyOf(e.outcome.why)
  return e.earned === null ? T.earned(null, e.role, e.factor) : ''
}

/**
 * 学时登记表: one row per teacher and session (sessions that earned nothing
 * too, saying why), teachers by school and name, each closed by a total row.
 */
export function addHoursSheet(wb: ExcelJS.Workbook, entries: readonly LedgerEntry[]): ExcelJS.Worksheet {
  const ws = addSheet(wb, S.sheet, [
    { header: S.name, key: 'name', width: 14 },
    { header: S.school, key: 'school', width: 20 },
    { header: S.activityId, key: 'id', width: 8 },
    { header: S.title, key: 'title', width: 28 },
    { header: S.date, key: 'date', width: 12, style: { numFmt: DATE_FORMAT } },
    { header: S.level, key: 'level', width: 16 },
    { header: S.role, key: 'role', width: 8 },
    { header: S.factor, key: 'factor', width: 6 },
    { header: S.sessionHours, key: 'sessionHours', width: 10 },
    { header: S.earned, key: 'earned', width: 10 },
    { header: S.note, key: 'note', width: 30 },
  ])
  const byMember = new Map<number, LedgerEntry[]>()
  for (const e of entries) (byMember.get(e.memberId) ?? byMember.set(e.memberId, []).get(e.memberId)!).push(e)
  const people = [...byMember.values()].sort((a, b) => a[0]!.school.localeCompare(b[0]!.school, 'zh') || a[0]!.name.localeCompare(b[0]!.name, 'zh') || a[0]!.memberId - b[0]!.memberId)
  for (const own of people) {
    for (const e of own) {
      ws.addRow({
        name: e.name, school: e.school, id: e.activityId, title: e.title, date: new Date(`${e.date}T00:00:00Z`),
        level: T.levels[e.level], role: T.roles[e.role], factor: e.factor, sessionHours: e.sessionHours ?? '', earned: e.earned ?? '', note: entryNote(e),
      })
    }
    const totals = totalsOf(own)
    const row = ws.addRow({ name: S.total(own[0]!.name), school: own[0]!.school, earned: totals.total, note: T.total(totals.total, totals.byLevel) })
    row.font = { bold: true }
  }
  return ws
}

/** What the 签到 sheet shows beside a name: check-in and check-out times, and how it went. */
export function attendanceCells(e: LedgerEntry | undefined, tz: string): [string, string, string] {
  if (!e) return ['', '', '']
  const time = (d: Date | null) => (d ? localParts(d, tz).time : '')
  return [time(e.checkInAt), time(e.checkOutAt), attendanceWord(e)]
}

/** How a member attended a session, as the archive's sheets and the console say it: 出席, 出席（迟到 20 分钟）, 缺席, 请假… */
export function attendanceWord(e: LedgerEntry): string {
  if (e.outcome.kind === 'none') return T.whyOf(e.outcome.why)
  if (e.outcome.late > 0) return S.presentLate(e.outcome.late)
  if (e.outcome.early > 0) return S.presentEarly(e.outcome.early)
  return e.marked && !e.checkInAt ? S.marked : S.present
}

/**
 * The names of one session's printable block: the confirmed sign-ups in
 * their order, then anyone else the ledger has there (请假 after their place
 * went to the waiting list, a teacher who checked in without signing up),
 * each with their attendance cells.
 */
export function signInRows(
  confirmed: readonly { memberId: number; name: string; school: string; subject: string }[],
  session: readonly LedgerEntry[],
  tz: string,
): { name: string; school: string; subject: string; cells: [string, string, string] }[] {
  const entryOf = new Map(session.map((e) => [e.memberId, e]))
  const listed = new Set(confirmed.map((c) => c.memberId))
  const others = session.filter((e) => !listed.has(e.memberId))
  return [
    ...confirmed.map((c) => ({ name: c.name, school: c.school, subject: c.subject, cells: attendanceCells(entryOf.get(c.memberId), tz) })),
    ...others.map((e) => ({ name: e.name, school: e.school, subject: e.subject, cells: attendanceCells(e, tz) })),
  ]
}
