import type ExcelJS from 'exceljs'
import type { Tx } from '../db/client.ts'
import { localParts, type LocalDate } from '../calendar/dates.ts'
import { texts } from '../core/texts/index.ts'
import type { Member } from '../generated/prisma/client.ts'
import { addHoursSheet, signInRows } from './export-attendance.ts'
import { addStatsSheet } from './export-stats.ts'
import { ledger, type LedgerEntry } from './hours.ts'
import { listName } from './members.ts'
import { askerNamed, visibleWhere, type ArchiveReader } from './question-access.ts'

/**
 * What an export covers: a district, optionally one term's dates or one
 * activity; and whose file it is. An admin's holds everything; anyone
 * else's only the activities they organize and, of the Q&A and pairs, only
 * the workshops they mentor (question-access.ts names who sees which asker).
 */
export interface ExportScope {
  districtId: number
  from?: LocalDate
  to?: LocalDate
  activityId?: number
  reader: ArchiveReader
  /** Sessions after this have not been held (attendance, 学时); without it every session counts as held. */
  now?: Date
}

const H = texts.export

/** A wall-clock time in the district as Excel shows it (Excel dates have no timezone). */
function excelTime(instant: Date, tz: string): Date {
  const { date, time } = localParts(instant, tz)
  return new Date(`${date}T${time}:00Z`)
}

const TIME_FORMAT = 'yyyy-mm-dd hh:mm'
const DATE_FORMAT = 'yyyy-mm-dd'

/**
 * The archive workbook (专项档案): 活动, 报名名单, 签到 (a printable sign-in
 * sheet per activity, with the real check-in and check-out times beside it),
 * 答疑, 师徒结对, 统计, 学时登记表. Chinese headers, widths set,
 * times in the district's local time.
 */
export async function buildWorkbook(tx: Tx, scope: ExportScope): Promise<ExcelJS.Workbook> {
  const district = await tx.district.findUniqueOrThrow({ where: { id: scope.districtId } })
  const tz = district.timezone
  const { reader } = scope
  const admin = reader.roles.has('admin')
  const mine = reader.memberId ?? -1
  const activities = await tx.activity.findMany({
    where: {
      districtId: district.id,
      ...(scope.activityId ? { id: scope.activityId } : {}),
      ...(admin ? {} : { organizerId: mine }),
      ...(scope.from && scope.to ? { OR: [{ occurrences: { some: { date: { gte: scope.from, lte: scope.to } } } }, { pendingFrom: { lte: scope.to }, pendingTo: { gte: scope.from } }] } : {}),
    },
    include: {
      organizer: true,
      workshop: true,
      occurrences: { orderBy: { startAt: 'asc' }, ...(scope.from && scope.to ? { where: { date: { gte: scope.from, lte: scope.to } } } : {}) },
      signups: { include: { member: true }, orderBy: { seq: 'asc' } },
    },
    orderBy: { id: 'asc' },
  })
  const entries = await ledger(tx, {
    districtId: district.id, from: scope.from, to: scope.to, activityId: scope.activityId, organizerId: admin ? undefined : mine, now: scope.now,
  })
  const entriesAt = new Map<number, LedgerEntry[]>()
  for (const e of entries) (entriesAt.get(e.occurrenceId) ?? entriesAt.set(e.occurrenceId, []).get(e.occurrenceId)!).push(e)
  const wb = new (await excel()).Workbook()
  wb.creator = 'xuequ-bot'
  wb.created = new Date(0)

  const sheet = (name: string, columns: { header: string; key: string; width: number; style?: Partial<ExcelJS.Style> }[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = columns
    ws.getRow(1).font = { bold: true }
    return ws
  }

  const acts = sheet(H.sheets.activities, [
    { header: H.activityId, key: 'id', width: 8 },
    { header: H.title, key: 'title', width: 28 },
    { header: H.subject, key: 'subject', width: 14 },
    { header: H.place, key: 'place', width: 20 },
    { header: H.start, key: 'start', width: 18, style: { numFmt: TIME_FORMAT } },
    { header: H.end, key: 'end', width: 18, style: { numFmt: TIME_FORMAT } },
    { header: H.whenText, key: 'whenText', width: 22 },
    { header: H.organizer, key: 'organizer', width: 12 },
    { header: H.host, key: 'host', width: 12 },
    { header: H.workshop, key: 'workshop', width: 20 },
    { header: H.capacity, key: 'capacity', width: 8 },
    { header: H.confirmed, key: 'confirmed', width: 8 },
    { header: H.waiting, key: 'waiting', width: 8 },
    { header: H.status, key: 'status', width: 16 },
  ])
  for (const a of activities) {
    const confirmed = a.signups.filter((s) => s.status === 'confirmed').length
    const waiting = a.signups.filter((s) => s.status === 'waiting').length
    const common = {
      id: a.id, title: a.title, subject: a.subject ?? '', place: a.place ?? '', whenText: a.whenText,
      organizer: listName(a.organizer), host: a.host ?? '', workshop: a.workshop?.name ?? '', capacity: a.capacity ?? '',
      confirmed, waiting,
    }
    if (a.occurrences.length === 0) acts.addRow({ ...common, start: '', end: '', status: a.status === 'cancelled' ? H.cancelled : H.pending })
    for (const o of a.occurrences) {
      const status = a.status === 'cancelled' ? H.cancelled : o.cancelled ? H.sessionCancelled(o.skipReason === texts.sessions.mark() ? null : o.skipReason) : o.skipReason ? H.paused(o.skipReason) : H.scheduled
      acts.addRow({
        ...common,
        start: o.timed ? excelTime(o.startAt, tz) : new Date(`${o.date}T00:00:00Z`),
        end: o.endAt ? excelTime(o.endAt, tz) : '',
        status,
      })
    }
  }

  const list = sheet(H.sheets.signups, [
    { header: H.activityId, key: 'id', width: 8 },
    { header: H.title, key: 'title', width: 28 },
    { header: H.number, key: 'n', width: 6 },
    { header: H.name, key: 'name', width: 12 },
    { header: H.school, key: 'school', width: 20 },
    { header: H.subject, key: 'subject', width: 12 },
    { header: H.signupStatus, key: 'status', width: 10 },
    { header: H.signedUpAt, key: 'at', width: 18, style: { numFmt: TIME_FORMAT } },
    { header: H.by, key: 'by', width: 12 },
  ])
  const memberNames = new Map<number, string>()
  for (const a of activities) for (const s of a.signups) memberNames.set(s.memberId, listName(s.member))
  for (const a of activities) {
    let n = 0
    for (const s of a.signups) {
      n++
      const by = s.byId && s.byId !== s.memberId ? (memberNames.get(s.byId) ?? (await nameOf(tx, s.byId))) : ''
      list.addRow({
        id: a.id, title: a.title, n, name: listName(s.member), school: s.member.school ?? '', subject: s.member.subject ?? '',
        status: H.signupStatuses[s.status as 'confirmed' | 'waiting' | 'cancelled'] ?? s.status, at: excelTime(s.signedUpAt, tz), by,
      })
    }
  }

  // 签到: one block per activity session, a page each when printed.
  const sign = wb.addWorksheet(H.sheets.signIn, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  sign.columns = [{ width: 8 }, { width: 14 }, { width: 24 }, { width: 14 }, { width: 22 }, { width: 10 }, { width: 10 }, { width: 18 }]
  for (const a of activities.filter((x) => x.status !== 'cancelled')) {
    for (const o of a.occurrences.filter((x) => !x.skipReason)) {
      const title = sign.addRow([H.signInTitle(a.id, a.title)])
      title.font = { bold: true, size: 14 }
      sign.addRow([H.signInWhen(`${localParts(o.startAt, tz).date}${o.timed ? ` ${localParts(o.startAt, tz).time}` : ''}`, a.place ?? '')])
      const header = sign.addRow([H.number, H.name, H.school, H.subject, H.signature, texts.hoursSheet.checkIn, texts.hoursSheet.checkOut, texts.hoursSheet.attendance])
      header.font = { bold: true }
      const confirmed = a.signups
        .filter((s) => s.status === 'confirmed')
        .map((s) => ({ memberId: s.memberId, name: listName(s.member), school: s.member.school ?? '', subject: s.member.subject ?? '' }))
      const people = signInRows(confirmed, entriesAt.get(o.id) ?? [], tz)
      people.forEach((p, i) => sign.addRow([i + 1, p.name, p.school, p.subject, '', ...p.cells]))
      for (let i = 0; i < Math.max(5, 10 - people.length); i++) sign.addRow([people.length + i + 1, '', '', '', ''])
      sign.lastRow!.addPageBreak()
    }
  }

  const askerLabelIn = (q: { anonymous: boolean; asker: Member }) => (askerNamed(q, reader) ? listName(q.asker) : texts.qa.anonymous)
  const qa = sheet(H.sheets.questions, [
    { header: H.questionId, key: 'id', width: 8 },
    { header: H.workshop, key: 'workshop', width: 20 },
    { header: H.asker, key: 'asker', width: 12 },
    { header: H.anonymous, key: 'anonymous', width: 6 },
    { header: H.question, key: 'question', width: 40 },
    { header: H.askedAt, key: 'askedAt', width: 18, style: { numFmt: TIME_FORMAT } },
    { header: H.answerer, key: 'answerer', width: 12 },
    { header: H.answer, key: 'answer', width: 50 },
    { header: H.answeredAt, key: 'answeredAt', width: 18, style: { numFmt: TIME_FORMAT } },
  ])
  const questions = scope.activityId
    ? []
    : await tx.question.findMany({
        where: {
          AND: [visibleWhere(district.id, reader), scope.from && scope.to ? { askedAt: { gte: new Date(`${scope.from}T00:00:00Z`), lte: new Date(`${scope.to}T23:59:59Z`) } } : {}],
        },
        include: { asker: true, workshop: true, answers: { include: { author: true }, orderBy: { answeredAt: 'asc' } } },
        orderBy: { id: 'asc' },
      })
  for (const q of questions) {
    const base = { id: q.id, workshop: q.workshop?.name ?? '', asker: askerLabelIn(q), anonymous: q.anonymous ? H.yes : '', question: q.text, askedAt: excelTime(q.askedAt, tz) }
    if (q.answers.length === 0) qa.addRow({ ...base, answerer: '', answer: '', answeredAt: '' })
    for (const ans of q.answers) qa.addRow({ ...base, answerer: listName(ans.author), answer: ans.text, answeredAt: excelTime(ans.answeredAt, tz) })
  }

  const pairs = sheet(H.sheets.pairs, [
    { header: H.workshop, key: 'workshop', width: 24 },
    { header: H.mentor, key: 'mentor', width: 12 },
    { header: H.mentee, key: 'mentee', width: 12 },
    { header: H.school, key: 'school', width: 20 },
    { header: H.pairStatus, key: 'status', width: 10 },
    { header: H.pairedAt, key: 'at', width: 14, style: { numFmt: DATE_FORMAT } },
    { header: texts.observations.exportHeader, key: 'observations', width: 10 },
  ])
  const mentees = scope.activityId
    ? []
    : await tx.mentee.findMany({ where: { workshop: { districtId: district.id, ...(admin ? {} : { mentors: { some: { memberId: mine } } }) } }, include: { workshop: true, member: true, mentor: true }, orderBy: [{ workshopId: 'asc' }, { id: 'asc' }] })
  // 听课 per pair in the exported span (both directions: observations.ts).
  const observed = new Map((mentees.length === 0 ? [] : await tx.observation.groupBy({
    by: ['mentorId', 'menteeId'],
    where: { districtId: district.id, ...(scope.from && scope.to ? { date: { gte: scope.from, lte: scope.to } } : {}) },
    _count: { _all: true },
  })).map((c) => [`${c.mentorId}:${c.menteeId}`, c._count._all]))
  for (const m of mentees) {
    pairs.addRow({
      workshop: m.workshop.name, mentor: m.mentor ? listName(m.mentor) : '', mentee: listName(m.member), school: m.member.school ?? '',
      status: m.status === 'approved' ? H.approved : H.applied, at: excelTime(m.approvedAt ?? m.appliedAt, tz),
      observations: m.mentorId === null ? '' : observed.get(`${m.mentorId}:${m.memberId}`) ?? 0,
    })
  }

  addStatsSheet(wb, { activities, questions, entries, reader })
  addHoursSheet(wb, entries)
  return wb
}

async function nameOf(tx: Tx, memberId: number): Promise<string> {
  const m = await tx.member.findUnique({ where: { id: memberId } })
  return m ? listName(m) : ''
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** One sheet as CSV (exceljs' writer) with a UTF-8 BOM, so Excel and WPS open the Chinese text correctly. */
export async function sheetCsv(wb: ExcelJS.Workbook, sheetName: string): Promise<Buffer> {
  const ws = wb.getWorksheet(sheetName)
  const csv = await wb.csv.writeBuffer({
    sheetName,
    formatterOptions: { rowDelimiter: '\r\n', includeEndRowDelimiter: true },
    // Dates as the sheet shows them: day and time, or the day alone in a date column.
    map: (value: unknown, index: number) =>
      value instanceof Date ? value.toISOString().slice(0, ws?.getColumn(index + 1).numFmt === DATE_FORMAT ? 10 : 16).replace('T', ' ') : (value ?? ''),
  })
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(csv)])
}

/**
 * exceljs, loaded when a workbook is first needed: it is a quarter of the
 * bot's memory if loaded at start, and most processes never export.
 */
export async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default
}
