import { toInstant, type LocalDate } from '../calendar/dates.ts'
import type { Tx } from '../db/client.ts'
import type { OutgoingMessage, Platform } from '../core/message.ts'
import type { District, Group } from '../generated/prisma/client.ts'
import type { DescribeEnv } from '../services/describe.ts'

/** One automatic message that may be due: when, until when it is still useful, and how to write it. */
export interface Candidate {
  key: string
  kind: 'digest' | 'before' | 'list' | 'pending' | 'summary'
  groupId: number | null
  occurrenceId: number | null
  /** When it is due, moved past the group's quiet hours. */
  dueAt: Date
  /** After this it is stale: skipped and logged, never sent late. */
  staleAt: Date
  /** The quiet hours of the group it goes to (or comes from): nothing goes out inside them, not even a late one. */
  quiet: Quiet
  /** The message, read in the given transaction; null when there is nothing to say (a week with nothing on). */
  build(tx: Tx): Promise<OutgoingMessage | null>
}

/** What planning one district's messages shares within a tick. */
export interface PlanContext {
  tx: Tx
  district: District
  describe: DescribeEnv
  now: Date
  /** The wall-clock time of `now` in the district. */
  nowTime: string
  closedOn(date: LocalDate): string | null
  groups: Map<number, Group>
  /** Digest texts written this tick, by "monday|send day". */
  digests: Map<string, Promise<string | null>>
  /** Digest times by the group's settings. */
  digestTimes: Map<string, { day: LocalDate; monday: LocalDate; dueAt: Date; staleAt: Date }>
}

export const chatOf = (g: Group) => ({ platform: g.platform as Platform, chatId: g.chatId })
/** A group's quiet hours, with the district's time now. */
export type Quiet = { from: string | null; to: string | null; time: string }
export const quietOf = (ctx: PlanContext, g: Group): Quiet => ({ from: g.quietFrom, to: g.quietTo, time: ctx.nowTime })
export const endOfDay = (date: LocalDate, tz: string) => new Date(toInstant(date, '23:59', tz).getTime() + 59_000)
