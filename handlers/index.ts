import type { Command } from '../src/core/command.ts'
import { activities, nextWeek, thisWeek } from './activities.ts'
import { calendar } from './calendar.ts'
import { checkIn, checkinCode, checkOut } from './checkin.ts'
import { markAbsent, markPresent } from './checkin-marks.ts'
import { confirm } from './accounts.ts'
import { bind, bindCode, claim, settings, unbind } from './district.ts'
import { exportData } from './export.ts'
import { help, ping } from './help.ts'
import { hours } from './hours.ts'
import { importData } from './import.ts'
import { approveLeave, askLeave, cancelLeave, denyLeave } from './leave.ts'
import { observe } from './observations.ts'
import { mine, profile } from './profile.ts'
import { answer, ask, askAnonymously, questions } from './questions.ts'
import { archive, record } from './records.ts'
import { reminders } from './reminders.ts'
import { grant, revoke } from './roles.ts'
import { cancel } from './cancel.ts'
import { reschedule, schedule } from './schedule.ts'
import { restore } from './sessions.ts'
import { closedDay, semester } from './semester.ts'
import { signup, signupList, withdrawSignup } from './signup.ts'
import { apply, approve, pair, workshop } from './workshop.ts'
import { webConsole } from './web-console.ts'

/** Every command, in the order /帮助 lists them: what teachers use most first. */
export const commands: readonly Command[] = [
  activities, thisWeek, nextWeek, signup, withdrawSignup, signupList, checkIn, checkOut, askLeave, cancelLeave,
  profile, mine, ask, askAnonymously, questions, workshop, apply,
  semester, calendar, reminders, hours, webConsole, answer, approve, pair, observe, approveLeave, denyLeave,
  schedule, reschedule, cancel, restore, importData, exportData, record, archive, checkinCode, markPresent, markAbsent,
  closedDay, claim, bind, bindCode, unbind, confirm, grant, revoke, settings,
  help, ping,
]
