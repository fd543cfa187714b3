/**
 * The domain services as a command sees them: every service function that
 * takes the transaction first, bound to one unit of work. A handler calls
 * `ctx.work.signups.signUp(activity, …)` and never sees the transaction or a
 * table; the web console builds the same object over its own unit of work.
 *
 * A family of services is one module here; a new module is one line below.
 */
import type { Tx } from '../db/client.ts'
import * as activities from './activities.ts'
import * as activityList from './activity-list.ts'
import * as activityRoster from './activity-roster.ts'
import * as archiveFiles from './archive-files.ts'
import * as attendance from './attendance.ts'
import * as calendarEnv from './calendar-env.ts'
import * as calendarFeed from './calendar-feed.ts'
import * as checkinCodes from './checkin-codes.ts'
import * as checkins from './checkins.ts'
import * as claimCodes from './claim-codes.ts'
import * as clashes from './clashes.ts'
import * as closedDays from './closed-days.ts'
import * as codeAttempts from './code-attempts.ts'
import * as directChats from './direct-chats.ts'
import * as districts from './districts.ts'
import * as eligibility from './eligibility.ts'
import * as exporting from './export.ts'
import * as hours from './hours.ts'
import * as identity from './identity.ts'
import * as importFiles from './import-files.ts'
import * as leaves from './leaves.ts'
import * as observations from './observations.ts'
import * as imports from './import.ts'
import * as memberDirectory from './member-directory.ts'
import * as memberHours from './member-hours.ts'
import * as members from './members.ts'
import * as mentorship from './mentorship.ts'
import * as mergeRequests from './merge-requests.ts'
import * as pastActivities from './past-activities.ts'
import * as placeholders from './placeholders.ts'
import * as profiles from './profiles.ts'
import * as questionAccess from './question-access.ts'
import * as questions from './questions.ts'
import * as records from './records.ts'
import * as reminderSettings from './reminder-settings.ts'
import * as semesters from './semesters.ts'
import * as seriesCancels from './series-cancels.ts'
import * as sessions from './sessions.ts'
import * as termArchive from './term-archive.ts'
import * as termStats from './term-stats.ts'
import * as termGrid from './term-grid.ts'
import * as signups from './signups.ts'
import * as timetables from './timetables.ts'
import * as webTokens from './web-tokens.ts'
import * as workshops from './workshops.ts'

const families = {
  activities, activityList, activityRoster, archiveFiles, attendance, calendarEnv, calendarFeed, checkinCodes, checkins, claimCodes, clashes, closedDays, codeAttempts, directChats,
  districts, eligibility, exporting, hours, identity, importFiles, imports, leaves, memberDirectory, memberHours, members, mentorship, mergeRequests, observations, pastActivities, placeholders, profiles,
  questionAccess, questions, records, reminderSettings, semesters, seriesCancels, sessions, signups, termArchive, termGrid, termStats, timetables, webTokens, workshops,
}

/** A module's functions that take the transaction first, with it bound. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TxFunction = (tx: Tx, ...args: any[]) => unknown
export type Bound<M> = {
  readonly [K in keyof M as M[K] extends TxFunction ? K : never]: M[K] extends (tx: Tx, ...args: infer A) => infer R ? (...args: A) => R : never
}

export type Services = { readonly [F in keyof typeof families]: Bound<(typeof families)[F]> }

declare module '../core/command.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Work extends Services {}
}

/** The services bound to one transaction (bound when first used: a command touches a few families). */
export function createWork(tx: Tx): Services {
  const bound = new Map<string, unknown>()
  return new Proxy({} as Services, {
    get(_, family) {
      if (typeof family !== 'string' || !(family in families)) return undefined
      if (!bound.has(family)) bound.set(family, bind(tx, families[family as keyof typeof families]))
      return bound.get(family)
    },
  })
}

function bind(tx: Tx, module: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === 'function') out[name] = (...args: unknown[]) => (value as (...a: unknown[]) => unknown)(tx, ...args)
  }
  return out
}
