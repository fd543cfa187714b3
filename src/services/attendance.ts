/**
 * An activity's people as a sign-up, a withdrawal or a change sees them: the
 * activity held while they are decided, the member a command names, and the
 * groups to tell when the activity changes or places free up, each with whom
 * to @mention there.
 */
import type { Tx } from '../db/client.ts'
import { lockActivity } from '../db/lock.ts'
import type { Activity } from '../generated/prisma/client.ts'
import { isPlatform, type ChatRef, type Person, type Platform } from '../core/message.ts'
import { findActivity, type ActivityWithOccurrences } from './activities.ts'
import { findMemberByName, mentionsAtMost, type FoundMember } from './members.ts'
import type { SignupWithMember } from './signups.ts'

/**
 * Holds the activity for the rest of the unit of work (lockActivity) and
 * reads it under that hold: whether a sign-up or withdrawal may go ahead
 * (cancelled or not, its dates, its rules and deadline) is decided on what
 * nothing can change before the sign-up is written. Null when the district
 * has no such activity.
 */
export async function holdActivity(tx: Tx, districtId: number, id: number): Promise<ActivityWithOccurrences | null> {
  await lockActivity(tx, id)
  return findActivity(tx, districtId, id)
}

/** The member a command names: by the account behind an @mention (none when it never spoke), else by name in the district. */
export async function namedMember(
  tx: Tx,
  districtId: number,
  who: { account: { platform: Platform; userId: string } } | { name: string },
): Promise<FoundMember> {
  if ('name' in who) return findMemberByName(tx, districtId, who.name)
  const account = await tx.account.findUnique({ where: { platform_userId: who.account }, include: { member: true } })
  return account ? { kind: 'one', member: account.member } : { kind: 'none' }
}

/** One group to tell: the chat (null: where it was asked), and whom to @mention there (the first so many, and how many more). */
export interface Audience {
  chat: ChatRef | null
  mentions: Person[]
  unmentioned: number
}

/**
 * Where a change to an activity is told: where it was asked, the activity's
 * own group, and every group of the district someone signed up from, each
 * @mentioning those signed up there (a sign-up from a direct chat counts
 * for the activity's group).
 */
export async function signedUpGroups(
  tx: Tx,
  activity: Pick<Activity, 'id' | 'groupId'>,
  districtId: number,
  askedIn: number,
): Promise<Audience[]> {
  const signups = await tx.signup.findMany({ where: { activityId: activity.id, status: { in: ['confirmed', 'waiting'] } }, orderBy: { seq: 'asc' } })
  const groupIds = new Set<number>([askedIn])
  if (activity.groupId) groupIds.add(activity.groupId)
  for (const s of signups) if (s.groupId) groupIds.add(s.groupId)
  const audiences: Audience[] = []
  for (const groupId of groupIds) {
    const group = await tx.group.findUnique({ where: { id: groupId } })
    if (!group || !isPlatform(group.platform)) continue
    if (group.id !== askedIn && group.districtId !== districtId) continue
    const fromThere = signups.filter((s) => (s.groupId ?? activity.groupId) === group.id)
    const { mentions, unmentioned } = await mentionsAtMost(tx, fromThere.map((s) => s.memberId), group.platform)
    audiences.push({ chat: group.id === askedIn ? null : { platform: group.platform, chatId: group.chatId }, mentions, unmentioned })
  }
  return audiences
}

/**
 * Where those promoted from the waiting list are told: the group each signed
 * up in, else the activity's group, else where it was asked (also for a group
 * of another district or platform). One audience per group.
 */
export async function promotedGroups(
  tx: Tx,
  activity: Pick<Activity, 'groupId'>,
  promoted: readonly SignupWithMember[],
  districtId: number,
  askedIn: { groupId: number; platform: Platform },
): Promise<(Audience & { promoted: SignupWithMember[] })[]> {
  const byGroup = new Map<number | null, SignupWithMember[]>()
  for (const s of promoted) {
    const groupId = s.groupId ?? activity.groupId ?? null
    byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), s])
  }
  const audiences: (Audience & { promoted: SignupWithMember[] })[] = []
  for (const [groupId, list] of byGroup) {
    const group = groupId === null ? null : await tx.group.findUnique({ where: { id: groupId } })
    const here = !group || group.id === askedIn.groupId || group.districtId !== districtId || !isPlatform(group.platform)
    const platform = here ? askedIn.platform : (group.platform as Platform)
    const { mentions, unmentioned } = await mentionsAtMost(tx, list.map((s) => s.memberId), platform)
    audiences.push({ chat: here ? null : { platform, chatId: group.chatId }, mentions, unmentioned, promoted: list })
  }
  return audiences
}
