/**
 * A held session's record (教研活动记录表): its summary (SessionRecord), and
 * everything the record shows, read together: who came (Attendance
 * "present"), who was on leave (Leave "approved"), who was absent (confirmed
 * sign-ups with neither, and those marked 缺席), and its kept files.
 */
import type { Tx } from '../db/client.ts'
import { localParts } from '../calendar/dates.ts'
import type { Activity, Occurrence } from '../generated/prisma/client.ts'
import { listName } from './members.ts'
import { sessionEnd } from './session-times.ts'

/** The sessions of an activity that have started (not paused, not cancelled), oldest first. */
export function heldSessions(tx: Tx, activityId: number, now: Date): Promise<Occurrence[]> {
  return tx.occurrence.findMany({ where: { activityId, skipReason: null, cancelled: false, startAt: { lte: now } }, orderBy: { startAt: 'asc' } })
}

/** Records a session's summary; true when it replaced an earlier one. */
export async function saveSummary(tx: Tx, session: { id: number; activityId: number }, summary: string, byId: number, at: Date): Promise<boolean> {
  const before = await tx.sessionRecord.findUnique({ where: { occurrenceId: session.id } })
  await tx.sessionRecord.upsert({
    where: { occurrenceId: session.id },
    create: { occurrenceId: session.id, activityId: session.activityId, summary, byId, at },
    update: { summary, byId, at },
  })
  return before !== null
}


export interface PersonLine {
  name: string
  school: string
  /** 签到 and 签退 times (HH:MM) for those present; the reason for those on leave. */
  note: string
}

export interface SessionRecordData {
  activityId: number
  title: string
  subject: string
  place: string
  host: string
  presenter: string
  organizer: string
  date: string
  /** "14:00-15:30", or empty for a day-only session. */
  time: string
  present: PersonLine[]
  leave: PersonLine[]
  absent: PersonLine[]
  summary: string
  files: { kind: string; name: string; path: string }[]
}

type Held = Occurrence & { activity: Activity & { organizer: { realName: string | null; displayName: string } } }

/** Everything a session's 记录表 shows, times in the district's zone. */
export async function sessionRecordData(tx: Tx, occurrenceId: number, tz: string): Promise<SessionRecordData> {
  const o: Held = await tx.occurrence.findUniqueOrThrow({ where: { id: occurrenceId }, include: { activity: { include: { organizer: true } } } })
  const a = o.activity
  const [attendance, leaves, signups, record, files] = await Promise.all([
    tx.attendance.findMany({ where: { occurrenceId }, orderBy: [{ checkInAt: 'asc' }, { id: 'asc' }] }),
    tx.leave.findMany({ where: { occurrenceId, status: 'approved' }, orderBy: { askedAt: 'asc' } }),
    tx.signup.findMany({ where: { activityId: a.id, status: 'confirmed' }, orderBy: { seq: 'asc' } }),
    tx.sessionRecord.findUnique({ where: { occurrenceId } }),
    tx.archiveFile.findMany({ where: { occurrenceId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
  ])
  const ids = [...new Set([...attendance.map((x) => x.memberId), ...leaves.map((x) => x.memberId), ...signups.map((x) => x.memberId)])]
  const members = new Map((await tx.member.findMany({ where: { id: { in: ids } } })).map((m) => [m.id, m]))
  const line = (memberId: number, note = ''): PersonLine => {
    const m = members.get(memberId)
    return { name: m ? listName(m) : '', school: m?.school ?? '', note }
  }
  const clock = (d: Date | null) => (d ? localParts(d, tz).time : '')
  const present = attendance.filter((x) => x.status === 'present')
  const presentIds = new Set(present.map((x) => x.memberId))
  const leaveIds = new Set(leaves.map((x) => x.memberId))
  const absentIds = [
    ...signups.map((s) => s.memberId),
    ...attendance.filter((x) => x.status === 'absent').map((x) => x.memberId),
  ].filter((id, i, all) => !presentIds.has(id) && !leaveIds.has(id) && all.indexOf(id) === i)
  return {
    activityId: a.id, title: a.title, subject: a.subject ?? '', place: a.place ?? '', host: a.host ?? '', presenter: a.presenter ?? '',
    organizer: listName(a.organizer), date: o.date,
    time: o.timed ? `${localParts(o.startAt, tz).time}-${localParts(sessionEnd(o), tz).time}` : '',
    present: present.map((x) => line(x.memberId, [clock(x.checkInAt), clock(x.checkOutAt)].filter(Boolean).join('-'))),
    // One who asked 请假 and came after all is listed as present only, as 学时 counts them.
    leave: leaves.filter((x) => !presentIds.has(x.memberId)).map((x) => line(x.memberId, x.reason)),
    absent: absentIds.map((id) => line(id)),
    summary: record?.summary ?? '',
    files: files.map((f) => ({ kind: f.kind, name: f.name, path: f.path })),
  }
}
