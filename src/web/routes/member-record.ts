import { formatDate } from '../../calendar/format.ts'
import type { Work } from '../../core/command.ts'
import { texts } from '../../core/texts/index.ts'
import type { District, Member } from '../../generated/prisma/client.ts'
import { describeOccurrence } from '../../services/describe.ts'
import { attendanceWord } from '../../services/export-attendance.ts'
import type { LedgerEntry } from '../../services/hours.ts'
import { earnedText } from '../../services/member-hours.ts'
import { listName, teachingYearsOn } from '../../services/members.ts'
import { placeText } from '../../services/profiles.ts'

const R = texts.webPeople.record
const H = texts.hours
/** Coming sign-ups listed on one page (the chat's /我的 lists 10). */
const MAX_SIGNUPS = 50

/** The member's profile fields as the console shows them; 教龄 as it stands today. */
export function profileOf(member: Member, today: string) {
  const years = teachingYearsOn(member, today)
  return { name: listName(member), school: member.school ?? '', subject: member.subject ?? '', years: years === null ? '' : texts.webPeople.members.yearsValue(years) }
}

/**
 * What /我的 and /学时 tell a member about themselves, in one district:
 * coming sign-ups (with 请假), each session this school year with how they
 * attended and what it earned, and the totals of the term and the year.
 */
export async function memberRecord(work: Work, district: District, memberId: number, now: Date) {
  const hours = await work.memberHours.memberHours(district, memberId, now)
  const coming = await work.profiles.comingSignups(memberId, { today: hours.today, now }, district.id, MAX_SIGNUPS)
  const env = { timezone: district.timezone, today: hours.today, semesters: [] }
  const row = (e: LedgerEntry) => ({
    date: formatDate(e.date, hours.refYear), time: e.time ?? '', id: e.activityId, title: e.title,
    level: H.levels[e.level], attendance: attendanceWord(e), earned: earnedText(e),
  })
  return {
    signups: coming.shown.map((s) => ({
      id: s.activityId, title: s.title, when: s.next ? describeOccurrence(s.next, env) : texts.profile.datePending,
      state: s.onLeave ? R.onLeave : placeText(s), onLeave: s.onLeave,
    })),
    moreSignups: coming.total - coming.shown.length,
    termTotal: hours.term ? R.termTotal(hours.term.name, H.total(hours.termTotals.total, hours.termTotals.byLevel)) : R.noTerm,
    yearTotal: R.yearTotal(hours.year.startYear, H.total(hours.yearTotals.total, hours.yearTotals.byLevel)),
    unset: hours.yearTotals.unset > 0 ? R.unsetNote(hours.yearTotals.unset) : '',
    current: hours.current.map(row),
    earlier: hours.earlier.map(row),
  }
}

export type MemberRecord = Awaited<ReturnType<typeof memberRecord>>
