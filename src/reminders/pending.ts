import { addDays, mondayOf, toInstant } from '../calendar/dates.ts'
import { formatRange } from '../calendar/format.ts'
import type { Tx } from '../db/client.ts'
import { isPlatform, type OutgoingMessage } from '../core/message.ts'
import { texts } from '../core/texts/index.ts'
import type { Activity } from '../generated/prisma/client.ts'
import { pendingBetween } from '../services/activities.ts'

/** How far ahead of its window an activity without a date starts to be chased. */
const CHASE_WEEKS_AHEAD = 4
/** When, on Monday, its organizer is reminded. */
const CHASE_AT = '09:00'

export interface PendingChase {
  key: string
  activity: Activity
  dueAt: Date
  staleAt: Date
  build(tx: Tx): Promise<OutgoingMessage | null>
}

/**
 * Activities whose date is still to be set: once a week (Monday morning),
 * from four weeks before their window until it ends, their organizer is
 * reminded in a direct chat that the date is open and how to set it.
 */
export async function pendingChases(tx: Tx, districtId: number, today: string, tz: string): Promise<PendingChase[]> {
  const monday = mondayOf(today)
  const open = await pendingBetween(tx, districtId, today, addDays(monday, CHASE_WEEKS_AHEAD * 7 + 6))
  return open.map((activity) => ({
    key: `pending:${activity.id}:${monday}`,
    activity,
    dueAt: toInstant(monday, CHASE_AT, tz),
    staleAt: toInstant(addDays(monday, 5), '00:00', tz),
    build: (t) => chaseMessage(t, activity),
  }))
}

async function chaseMessage(tx: Tx, activity: Activity): Promise<OutgoingMessage | null> {
  const chat = await tx.group.findFirst({ where: { direct: true, ownerId: activity.organizerId }, orderBy: { lastSeenAt: 'desc' } })
  if (!chat || !isPlatform(chat.platform)) return null
  const window = formatRange(activity.pendingFrom!, activity.pendingTo!)
  return { chat: { platform: chat.platform, chatId: chat.chatId }, text: texts.reminders.pendingChase(activity.id, activity.title, activity.whenText, window) }
}
