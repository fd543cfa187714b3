/**
 * A group's automatic messages (/提醒): the weekly digest, the reminders
 * before each activity, quiet hours. They are columns of the group.
 */
import type { Tx } from '../db/client.ts'
import type { Group } from '../generated/prisma/client.ts'

/** What may change of a group's reminder settings. */
export type ReminderChange = Partial<Pick<Group, 'digestOn' | 'digestWeekday' | 'digestAt' | 'leadsOn' | 'leads' | 'quietFrom' | 'quietTo'>>

/** The group, with its settings. */
export function groupReminders(tx: Tx, groupId: number): Promise<Group> {
  return tx.group.findUniqueOrThrow({ where: { id: groupId } })
}

/** Changes the group's settings; returns the group as now stored. */
export function changeGroupReminders(tx: Tx, groupId: number, change: ReminderChange): Promise<Group> {
  return tx.group.update({ where: { id: groupId }, data: change })
}
