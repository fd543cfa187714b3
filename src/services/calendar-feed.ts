import { randomBytes } from 'node:crypto'
import ical, { ICalEventRepeatingFreq, type ICalRepeatingOptions, type ICalWeekday } from 'ical-generator'
import rrule from 'rrule'
import type { Tx } from '../db/client.ts'
import type { Activity, Occurrence } from '../generated/prisma/client.ts'
import { texts } from '../core/texts/index.ts'

// rrule's Node entry is CommonJS: named imports fail at run time.
const { rrulestr } = rrule

type FeedActivity = Activity & { occurrences: Occurrence[] }

/** When the end is not known, a session is taken to last this long. */
const DEFAULT_LENGTH_MS = 2 * 60 * 60_000
const UID_DOMAIN = 'xuequ-bot'
const FREQS: Record<number, ICalEventRepeatingFreq> = {
  [rrule.RRule.WEEKLY]: ICalEventRepeatingFreq.WEEKLY,
  [rrule.RRule.MONTHLY]: ICalEventRepeatingFreq.MONTHLY,
  [rrule.RRule.DAILY]: ICalEventRepeatingFreq.DAILY,
}
const DAYS: ICalWeekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as ICalWeekday[]

/**
 * An iCalendar feed: a recurring activity is one event with its RRULE and
 * an EXDATE for each occurrence a holiday skips; any other activity is one
 * event per occurrence. `mine` marks the activities the reader signed up for.
 */
export function buildFeed(name: string, activities: FeedActivity[], mine: ReadonlySet<number> = new Set()): string {
  const calendar = ical({ name, prodId: { company: 'xuequ-bot', product: 'xuequ-bot', language: 'ZH' } })
  for (const activity of activities) {
    if (activity.status !== 'scheduled' || activity.occurrences.length === 0) continue
    const summary = `${mine.has(activity.id) ? texts.feed.signedUp : ''}#${activity.id} ${activity.title}`
    const description = [activity.subject, activity.host && texts.activity.host(activity.host), activity.noSignup ? null : texts.feed.howTo(activity.id)].filter(Boolean).join('\n')
    const base = { summary, description, ...(activity.place ? { location: activity.place } : {}) }
    const repeating = activity.rrule ? repeatingOf(activity) : null
    if (repeating) {
      const first = activity.occurrences[0]!
      calendar.createEvent({ ...base, id: `activity-${activity.id}@${UID_DOMAIN}`, ...times(first), repeating })
      continue
    }
    for (const o of activity.occurrences) {
      if (o.skipReason) continue
      calendar.createEvent({ ...base, id: `occurrence-${o.id}@${UID_DOMAIN}`, ...times(o) })
    }
  }
  return calendar.toString()
}

function times(o: Occurrence): { start: Date; end: Date; allDay?: boolean } {
  // A multi-day activity with no time of day runs from its first day's start to its last day's end.
  if (!o.timed && o.endAt) return { start: o.startAt, end: o.endAt }
  if (!o.timed) return { start: new Date(`${o.date}T00:00:00Z`), end: new Date(`${o.date}T00:00:00Z`), allDay: true }
  return { start: o.startAt, end: o.endAt ?? new Date(o.startAt.getTime() + DEFAULT_LENGTH_MS) }
}

/**
 * The stored rule, restarted at the first stored occurrence and ended at the
 * last, with the skipped ones excluded; null when it cannot be said as one
 * rule (an all-day series, a session moved alone, or a rule this feed does not know).
 */
function repeatingOf(activity: FeedActivity): ICalRepeatingOptions | null {
  const list = activity.occurrences
  // A session moved alone (/改期 4 11月16日 改到 …) is no longer what the rule says: one event per session then.
  if (list.length < 2 || list.some((o) => !o.timed || o.movedFrom)) return null
  const options = rrulestr(activity.rrule!).origOptions
  const freq = options.freq !== undefined ? FREQS[options.freq] : undefined
  if (!freq) return null
  const weekdays = ([] as unknown[]).concat(options.byweekday ?? []) as { weekday: number; n?: number }[]
  const nth = weekdays.find((w) => w.n)?.n
  const repeating: ICalRepeatingOptions = {
    freq,
    ...(options.interval && options.interval > 1 ? { interval: options.interval } : {}),
    ...(weekdays.length ? { byDay: weekdays.map((w) => DAYS[w.weekday]!) } : {}),
    ...(nth ? { bySetPos: nth } : {}),
    ...(options.bymonthday !== undefined && options.bymonthday !== null ? { byMonthDay: options.bymonthday as number | number[] } : {}),
    until: list.at(-1)!.startAt,
  }
  const skipped = list.filter((o) => o.skipReason).map((o) => o.startAt)
  if (skipped.length) repeating.exclude = skipped
  return repeating
}

/** A long random token for a feed address: 32 characters, URL-safe. */
export function newFeedToken(): string {
  return randomBytes(24).toString('base64url')
}

/** The feed token of a district or of a member, made on first ask; `reset` replaces it. */
export async function feedToken(tx: Tx, owner: { districtId: number } | { memberId: number }, now: Date, reset = false): Promise<string> {
  const where = 'districtId' in owner ? { districtId: owner.districtId, memberId: null } : { memberId: owner.memberId, districtId: null }
  if (reset) await tx.calendarToken.deleteMany({ where })
  else {
    const found = await tx.calendarToken.findFirst({ where })
    if (found) return found.token
  }
  const token = newFeedToken()
  await tx.calendarToken.create({ data: { token, ...where, createdAt: now } })
  return token
}

/** The feed a token opens, or null (an unknown token gets the same 404 as any wrong path). */
export async function feedFor(tx: Tx, token: string): Promise<string | null> {
  const row = await tx.calendarToken.findUnique({ where: { token } })
  if (!row) return null
  const include = { occurrences: { orderBy: { startAt: 'asc' as const } } }
  if (row.districtId !== null) {
    const district = await tx.district.findUnique({ where: { id: row.districtId } })
    if (!district) return null
    const activities = await tx.activity.findMany({ where: { districtId: district.id, status: 'scheduled' }, include, orderBy: { id: 'asc' } })
    return buildFeed(texts.feed.districtName(district.name), activities)
  }
  if (row.memberId === null) return null
  // A member's feed: the activities of their districts, theirs marked.
  const member = await tx.member.findUnique({ where: { id: row.memberId } })
  if (!member) return null
  const activities = await tx.activity.findMany({
    where: { district: { memberships: { some: { memberId: member.id } } }, status: 'scheduled' },
    include,
    orderBy: { id: 'asc' },
  })
  const signups = await tx.signup.findMany({ where: { memberId: member.id, status: { in: ['confirmed', 'waiting'] } } })
  return buildFeed(texts.feed.memberName(member.realName || member.displayName), activities, new Set(signups.map((s) => s.activityId)))
}
