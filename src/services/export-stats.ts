/**
 * The archive's 统计 sheet: per school and per teacher, activities
 * organized, sign-ups, sessions attended, 请假, 缺席 and 学时 (from the
 * ledger, hours.ts), questions asked and answered.
 */
import type ExcelJS from 'exceljs'
import { texts } from '../core/texts/index.ts'
import type { Member } from '../generated/prisma/client.ts'
import { addSheet } from './export-attendance.ts'
import type { LedgerEntry } from './hours.ts'
import { listName } from './members.ts'
import { askerNamed, type ArchiveReader } from './question-access.ts'

const H = texts.export
const S = texts.hoursSheet

type Person = Pick<Member, 'realName' | 'displayName' | 'school' | 'subject'>

export interface StatsInput {
  activities: readonly { status: string; organizerId: number; organizer: Person; signups: readonly { status: string; memberId: number; member: Person }[] }[]
  questions: readonly { anonymous: boolean; askerId: number; asker: Member; answers: readonly { authorId: number; author: Person }[] }[]
  entries: readonly LedgerEntry[]
  reader: ArchiveReader
}

const COUNTS = ['organized', 'signedUp', 'present', 'leave', 'absent', 'hours', 'asked', 'answered'] as const
type Count = { who: string; school: string; subject: string } & Record<(typeof COUNTS)[number], number>

const round = (n: number) => Math.round(n * 100) / 100

export function addStatsSheet(wb: ExcelJS.Workbook, input: StatsInput): ExcelJS.Worksheet {
  const stats = addSheet(wb, H.sheets.stats, [
    { header: H.statsWho, key: 'who', width: 16 },
    { header: H.school, key: 'school', width: 20 },
    { header: H.subject, key: 'subject', width: 12 },
    { header: H.organized, key: 'organized', width: 10 },
    { header: S.signedUp, key: 'signedUp', width: 10 },
    { header: S.sessionsAttended, key: 'present', width: 10 },
    { header: S.leaves, key: 'leave', width: 8 },
    { header: S.absences, key: 'absent', width: 8 },
    { header: S.hours, key: 'hours', width: 8 },
    { header: H.asked, key: 'asked', width: 10 },
    { header: H.answered, key: 'answered', width: 10 },
  ])
  const zero = () => Object.fromEntries(COUNTS.map((k) => [k, 0])) as Record<(typeof COUNTS)[number], number>
  const people = new Map<number, Count>()
  const person = (id: number, m: Person) => {
    let c = people.get(id)
    if (!c) people.set(id, (c = { who: listName(m), school: m.school ?? '', subject: m.subject ?? '', ...zero() }))
    return c
  }
  for (const a of input.activities) {
    if (a.status === 'cancelled') continue
    person(a.organizerId, a.organizer).organized++
    for (const s of a.signups) if (s.status === 'confirmed' || s.status === 'leave') person(s.memberId, s.member).signedUp++
  }
  for (const e of input.entries) {
    const c = person(e.memberId, { realName: e.name, displayName: e.name, school: e.school || null, subject: e.subject || null })
    const why = e.outcome.kind === 'none' ? e.outcome.why.key : null
    if (why === 'leave') c.leave++
    else if (why === 'absent') c.absent++
    else c.present++
    c.hours = round(c.hours + (e.earned ?? 0))
  }
  for (const q of input.questions) {
    // An asker who may not be named here is not counted either: a count by name would name them.
    if (askerNamed(q, input.reader)) person(q.askerId, q.asker).asked++
    for (const ans of q.answers) person(ans.authorId, ans.author).answered++
  }
  const bySchool = new Map<string, Count>()
  for (const c of people.values()) {
    const school = c.school || H.noSchool
    const s = bySchool.get(school) ?? { who: school, school: '', subject: '', ...zero() }
    for (const k of COUNTS) s[k] = round(s[k] + c[k])
    bySchool.set(school, s)
  }
  stats.addRow({ who: H.bySchool }).font = { bold: true }
  for (const s of [...bySchool.values()].sort((a, b) => a.who.localeCompare(b.who, 'zh'))) stats.addRow(s)
  stats.addRow({})
  stats.addRow({ who: H.byTeacher }).font = { bold: true }
  for (const c of [...people.values()].sort((a, b) => a.school.localeCompare(b.school, 'zh') || a.who.localeCompare(b.who, 'zh'))) stats.addRow(c)
  return stats
}
