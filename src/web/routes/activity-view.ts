/**
 * One activity's page, read in one unit of work and shaped for its view:
 * the details as /活动 12 says them, its sessions and what may be done to
 * each, and, for those /名单 shows the names to (seesRoster), the roster,
 * the 请假, and each held session's check-ins and 学时 from the 学时 ledger.
 */
import { localParts, type LocalDate } from '../../calendar/dates.ts'
import { formatDay } from '../../calendar/format.ts'
import type { Work } from '../../core/command.ts'
import { texts } from '../../core/texts/index.ts'
import type { Occurrence } from '../../generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../../services/activities.ts'
import { mayChangeActivity } from '../../services/activity-access.ts'
import type { ActivityLeave } from '../../services/activity-roster.ts'
import { isHeld } from '../../services/checkin-windows.ts'
import { describeAttendance } from '../../services/describe-attendance.ts'
import { describeCount, describeDetails, describeInstant, describeOccurrence, describeRules, describeWhenLines, type DescribeEnv } from '../../services/describe.ts'
import type { LedgerEntry } from '../../services/hours.ts'
import { earnedText } from '../../services/member-hours.ts'
import { listName } from '../../services/members.ts'
import { checkinWindow, hasEnded, isAhead, missedMinutes } from '../../services/session-times.ts'
import type { SignupWithMember } from '../../services/signups.ts'
import type { Viewer } from '../../services/web-tokens.ts'

const P = texts.webActivity

export interface SessionRow {
  id: number
  when: string
  state: string
  /** Not held: cancelled alone or paused by a holiday (shown struck through). */
  off: boolean
  canCancel: boolean
  canRestore: boolean
  canMove: boolean
  date: LocalDate
  time: string
}

export interface RosterRow { n: number; name: string; school: string; subject: string; at: string; byOther: boolean }
export interface LeaveRow { id: number; name: string; session: string; reason: string; state: string; refusal: string | null; pending: boolean }
export interface AttendanceRow { name: string; checkIn: string; checkOut: string; late: string; early: string; hours: string; marked: boolean }
export interface AttendanceGroup { label: string; rows: AttendanceRow[] }

export interface ActivityView {
  id: number
  title: string
  cancelled: boolean
  noSignup: boolean
  details: string[]
  series: boolean
  today: LocalDate
  sessions: SessionRow[]
  /** The viewer may change this activity (mayChangeActivity, as its commands decide): else its forms are not shown. */
  changes: boolean
  organizer: string
  /** The viewer sees the names (seesRoster); else only the counts and their own place. */
  full: boolean
  countLine: string
  mine: string | null
  capacity: number | null
  confirmed: RosterRow[]
  waiting: RosterRow[]
  leaves: LeaveRow[]
  attendance: AttendanceGroup[]
  /** The sessions a correction may name: held, their 签到 window opened. */
  markSessions: { id: number; label: string }[]
  settings: Record<'place' | 'subject' | 'capacity' | 'host' | 'presenter' | 'hours' | 'level', string>
}

/** The page of activity #id of the viewer's district; null when the district has none. */
export async function readActivityView(work: Work, viewer: Viewer, id: number, now: Date): Promise<ActivityView | null> {
  const activity = await work.activities.findActivity(viewer.districtId, id)
  if (!activity) return null
  const district = await work.districts.getDistrict(viewer.districtId)
  const env = await work.calendarEnv.calendarEnv(district, now)
  const describe: DescribeEnv = { timezone: district.timezone, today: env.today, semesters: env.semesters }
  const workshop = activity.workshopId ? await work.workshops.findWorkshop(district.id, activity.workshopId) : null
  const counts = (await work.signups.signupCounts([id])).get(id) ?? { confirmed: 0, waiting: 0 }
  const full = await work.activityRoster.seesRoster(activity, viewer)
  const roster = full ? await work.signups.roster(id) : { confirmed: [], waiting: [] }
  const leaves = full ? await work.activityRoster.activityLeaves(id) : []
  // Check-ins show live from the moment a session's 签到 window opens, before its start too.
  const opened = activity.occurrences.filter((o) => isHeld(o) && checkinWindow(activity, o).opensAt <= now).reverse()
  const through = new Date(Math.max(now.getTime(), ...opened.map((o) => o.startAt.getTime())))
  const ledger = full ? await work.hours.ledger({ districtId: district.id, activityId: id, now, through }) : []
  const place = full ? null : await work.signups.placeOf(id, viewer.memberId)
  const coming = activity.occurrences.filter((o) => !hasEnded(o, now))
  const cancelled = activity.status === 'cancelled'
  const plain = { ...describe, semesters: [] }
  return {
    id, title: activity.title, cancelled, noSignup: activity.noSignup, series: activity.occurrences.length > 1, today: env.today,
    details: [
      ...(cancelled ? [activity.cancelReason ? `${texts.activity.cancelledStatus}，${texts.activity.reason(activity.cancelReason)}` : texts.activity.cancelledStatus] : []),
      ...describeWhenLines(activity, coming.length ? coming : activity.occurrences, describe),
      ...describeDetails(activity),
      texts.activity.organizer(activity.organizer.displayName),
      ...describeRules(activity, describe, workshop?.name),
      ...describeAttendance(activity),
      activity.noSignup ? texts.notice.detail : describeCount(activity.capacity, counts),
    ],
    sessions: activity.occurrences.map((o) => sessionRow(activity, o, describe, now)),
    changes: mayChangeActivity(viewer, activity),
    organizer: activity.organizer.displayName,
    full,
    countLine: describeCount(activity.capacity, counts),
    mine: place ? (place.status === 'confirmed' ? texts.roster.youConfirmed(place.position) : texts.roster.youWaiting(place.position)) : null,
    capacity: activity.capacity,
    confirmed: roster.confirmed.map((s, i) => rosterRow(s, i, describe)),
    waiting: roster.waiting.map((s, i) => rosterRow(s, i, describe)),
    leaves: leaves.flatMap((l) => leaveRow(l, activity, plain)),
    attendance: attendanceGroups(opened, ledger, plain),
    markSessions: opened.map((o) => ({ id: o.id, label: describeOccurrence(o, plain) })),
    settings: {
      place: activity.place ?? '', subject: activity.subject ?? '', capacity: activity.capacity?.toString() ?? '', host: activity.host ?? '',
      presenter: activity.presenter ?? '', hours: activity.hours?.toString() ?? '', level: activity.level ?? 'district',
    },
  }
}

function sessionRow(activity: ActivityWithOccurrences, o: Occurrence, describe: DescribeEnv, now: Date): SessionRow {
  const cancelled = activity.status === 'cancelled'
  const ahead = isAhead(o, describe.today, now) && !cancelled
  return {
    id: o.id,
    when: describeOccurrence(o, describe),
    // Those still to come of a cancelled activity are not held either.
    state: cancelled && isAhead(o, describe.today, now) ? P.state.cancelled(null) : sessionState(o, describe, ahead ? 'ahead' : hasEnded(o, now) ? 'over' : 'under way'),
    off: o.skipReason !== null,
    // One session of a one-off is the activity: it is cancelled whole, with the confirmation below.
    canCancel: ahead && activity.occurrences.length > 1 && !o.skipReason,
    canRestore: ahead && o.cancelled,
    canMove: ahead,
    date: o.date,
    time: o.timed ? localParts(o.startAt, describe.timezone).time : '',
  }
}

function sessionState(o: Occurrence, describe: DescribeEnv, when: 'ahead' | 'under way' | 'over'): string {
  // A session cancelled without a reason keeps the word the command writes for it.
  if (o.cancelled) return P.state.cancelled(o.skipReason === texts.sessions.mark() ? null : o.skipReason)
  if (o.skipReason) return P.state.paused(o.skipReason)
  if (o.movedFrom) return P.state.moved(formatDay(o.movedFrom, Number(describe.today.slice(0, 4))))
  return when === 'ahead' ? P.state.normal : when === 'over' ? P.state.held : P.state.ongoing
}

function rosterRow(s: SignupWithMember, i: number, describe: DescribeEnv): RosterRow {
  return {
    n: i + 1, name: listName(s.member), school: s.member.school ?? '', subject: s.member.subject ?? '',
    at: describeInstant(s.signedUpAt, describe), byOther: s.byId !== null && s.byId !== s.memberId,
  }
}

function leaveRow(l: ActivityLeave, activity: ActivityWithOccurrences, plain: DescribeEnv): LeaveRow[] {
  const session = activity.occurrences.find((o) => o.id === l.occurrenceId)
  const state = l.status === 'pending' || l.status === 'approved' || l.status === 'refused' ? P.leaveState[l.status] : null
  if (!session || !state) return []
  return [{ id: l.id, name: listName(l.member), session: describeOccurrence(session, plain), reason: l.reason, state, refusal: l.refusal, pending: l.status === 'pending' }]
}

/** Each session whose 签到 window has opened, the latest first, with who was expected or came and what each earned. */
function attendanceGroups(sessions: Occurrence[], ledger: LedgerEntry[], plain: DescribeEnv): AttendanceGroup[] {
  const time = (at: Date | null) => (at ? localParts(at, plain.timezone).time : '')
  return sessions.map((o) => ({
    label: describeOccurrence(o, plain),
    rows: ledger.filter((e) => e.occurrenceId === o.id).map((e) => {
      const missed = missedMinutes(o, e)
      return {
        name: e.name, checkIn: time(e.checkInAt), checkOut: time(e.checkOutAt), late: P.minutes(missed.late), early: P.minutes(missed.early),
        hours: earnedText(e, true), marked: e.marked,
      }
    }),
  }))
}
