import type { Activity, Member } from '../generated/prisma/client.ts'
import type { LocalDate } from '../calendar/dates.ts'
import { sameSchool, sameSubject } from '../core/vocabulary.ts'
import { teachingYearsOn } from './members.ts'

export type RuleBreak =
  | { key: 'closed'; deadline: Date }
  | { key: 'needYears'; min: number | null; max: number | null }
  | { key: 'years'; min: number | null; max: number | null; years: number }
  | { key: 'needSubject'; subject: string }
  | { key: 'subject'; subject: string; has: string }
  | { key: 'needSchool'; school: string }
  | { key: 'school'; school: string; has: string }
  | { key: 'menteesOnly' }

export type Rules = Pick<Activity, 'deadline' | 'minYears' | 'maxYears' | 'subjectRule' | 'schoolRule' | 'menteesOnly'>

export interface Applicant {
  member: Pick<Member, 'teachingYears' | 'teachingYearsOn' | 'subject' | 'school'>
  isMentee: boolean
}

/**
 * The first rule of an activity a sign-up breaks, or null. Pure. With
 * `lenient` (an organizer signing someone else up), the deadline does not
 * apply and a profile field nobody has given is taken on trust.
 */
export function firstBreak(rules: Rules, who: Applicant, now: Date, today: LocalDate, lenient = false): RuleBreak | null {
  if (rules.deadline && now > rules.deadline && !lenient) return { key: 'closed', deadline: rules.deadline }
  const min = rules.minYears
  const max = rules.maxYears
  if (min !== null || max !== null) {
    const years = teachingYearsOn(who.member, today)
    if (years === null) {
      if (!lenient) return { key: 'needYears', min, max }
    } else if ((min !== null && years < min) || (max !== null && years > max)) {
      return { key: 'years', min, max, years }
    }
  }
  if (rules.subjectRule) {
    if (!who.member.subject) {
      if (!lenient) return { key: 'needSubject', subject: rules.subjectRule }
    } else if (!sameSubject(rules.subjectRule, who.member.subject)) {
      return { key: 'subject', subject: rules.subjectRule, has: who.member.subject }
    }
  }
  if (rules.schoolRule) {
    if (!who.member.school) {
      if (!lenient) return { key: 'needSchool', school: rules.schoolRule }
    } else if (!sameSchool(rules.schoolRule, who.member.school)) {
      return { key: 'school', school: rules.schoolRule, has: who.member.school }
    }
  }
  if (rules.menteesOnly && !who.isMentee) return { key: 'menteesOnly' }
  return null
}
