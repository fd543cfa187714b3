import type { Activity } from '../generated/prisma/client.ts'
import { texts } from '../core/texts/index.ts'
import { levelName } from '../core/texts/attendance-settings.ts'
import { DEFAULT_CHECKIN_MINUTES } from './session-times.ts'

type AttendanceFields = Pick<Activity, 'id' | 'checkinBefore' | 'checkinAfter' | 'checkinCode' | 'leaveApproval' | 'hours' | 'level'>

/** An activity's attendance settings as /设置 12 repeats them after a change: the 签到 window and code, 请假, 学时 and level. */
export function describeAttendance(activity: AttendanceFields): string[] {
  const t = texts.attendanceSettings
  const level = levelName(activity.level)
  return [
    t.window(activity.checkinBefore ?? DEFAULT_CHECKIN_MINUTES, activity.checkinAfter ?? DEFAULT_CHECKIN_MINUTES),
    activity.checkinCode ? t.code(activity.id) : t.noCode,
    activity.leaveApproval ? t.approval(activity.id) : t.noApproval,
    activity.hours === null ? t.hoursByLength(level) : activity.hours === 0 ? t.noHours(level) : t.hours(activity.hours, level),
  ]
}
