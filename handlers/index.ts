import type { Command } from '../src/core/command.ts'
import { activities, nextWeek, thisWeek } from './activities.ts'
import { bind, bindCode, claim, settings } from './district.ts'
import { help, ping } from './help.ts'
import { grant, revoke } from './roles.ts'
import { cancel, reschedule, schedule } from './schedule.ts'
import { closedDay, semester } from './semester.ts'

/** Every command, in the order /帮助 lists them. */
export const commands: readonly Command[] = [
  activities, thisWeek, nextWeek, semester,
  schedule, reschedule, cancel,
  closedDay, claim, bind, bindCode, grant, revoke, settings,
  help, ping,
]
