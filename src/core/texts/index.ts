/**
 * Every sentence a user reads, in Chinese, grouped by command (a module per
 * command family). Code elsewhere passes values in; it never builds a sentence itself.
 */
import { commandsTexts } from './commands.ts'
import { systemTexts } from './system.ts'
import { accountsTexts } from './accounts.ts'
import { scheduleTexts } from './schedule.ts'
import { listTexts } from './list.ts'
import { sessionsTexts } from './sessions.ts'
import { signupTexts } from './signup.ts'
import { workshopTexts } from './workshop.ts'
import { remindersTexts } from './reminders.ts'
import { filesTexts } from './files.ts'
import { leaveTexts } from './leave.ts'
import { observationsTexts } from './observations.ts'
import { recordsTexts } from './records.ts'
import { checkinTexts } from './checkin.ts'
import { hoursTexts } from './hours.ts'
import { attendanceSettingsTexts } from './attendance-settings.ts'
import { webTexts } from './web.ts'
import { webActivityTexts } from './web-activity.ts'
import { webPeopleTexts } from './web-people.ts'
import { webStatsTexts } from './web-stats.ts'
import { webTermTexts } from './web-term.ts'

export { ROLE_NAMES, ROLE_WHO, type CommandHelp } from './common.ts'

export const texts = {
  commands: commandsTexts.commands,
  ...systemTexts,
  ...accountsTexts,
  ...scheduleTexts,
  ...listTexts,
  ...sessionsTexts,
  ...signupTexts,
  ...workshopTexts,
  ...remindersTexts,
  ...filesTexts,
  ...leaveTexts,
  ...observationsTexts,
  ...recordsTexts,
  ...checkinTexts,
  ...hoursTexts,
  ...attendanceSettingsTexts,
  ...webTexts,
  ...webActivityTexts,
  ...webPeopleTexts,
  ...webStatsTexts,
  ...webTermTexts,
} as const

export type Texts = typeof texts
