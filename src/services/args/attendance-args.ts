/**
 * An activity's attendance settings written with /设置 12: its 签到 window
 * (签到 前30分钟 后30分钟), the on-site code (签到码 / 不用签到码), 请假审批,
 * its 学时 (学时 3, 学时 默认, 不计学时) and level (级别 区级). Pure.
 */
import type { Activity } from '../../generated/prisma/client.ts'

export type AttendancePatch = Partial<Pick<Activity, 'checkinBefore' | 'checkinAfter' | 'checkinCode' | 'leaveApproval' | 'hours' | 'level'>>

export type AttendanceError = 'badWindow' | 'badHours' | 'badLevel'
export type AttendanceTake = { taken: number; patch: AttendancePatch } | { error: AttendanceError; text: string } | null

/** The levels an activity may carry, by the words a clerk writes. */
export const LEVEL_WORDS: Record<string, string> = {
  校级: 'school', 学校: 'school', 校内: 'school',
  学区级: 'district', 学区: 'district', 集团级: 'district', 集团: 'district', 片区级: 'district', 联盟级: 'district',
  区级: 'county', 县级: 'county', 区县级: 'county',
  市级: 'city',
}

const SWITCHES: Record<string, AttendancePatch> = {
  签到码: { checkinCode: true }, 需签到码: { checkinCode: true }, 需要签到码: { checkinCode: true }, 要签到码: { checkinCode: true },
  现场签到码: { checkinCode: true }, 开启签到码: { checkinCode: true }, 凭签到码: { checkinCode: true }, 现场签到: { checkinCode: true },
  不用签到码: { checkinCode: false }, 无需签到码: { checkinCode: false }, 不要签到码: { checkinCode: false }, 取消签到码: { checkinCode: false },
  关闭签到码: { checkinCode: false }, 不需签到码: { checkinCode: false }, 不需要签到码: { checkinCode: false },
  请假审批: { leaveApproval: true }, 请假需审批: { leaveApproval: true }, 请假需要审批: { leaveApproval: true }, 请假要审批: { leaveApproval: true },
  请假需批准: { leaveApproval: true },
  无需审批: { leaveApproval: false }, 请假无需审批: { leaveApproval: false }, 请假不审批: { leaveApproval: false }, 取消请假审批: { leaveApproval: false },
  请假不用审批: { leaveApproval: false }, 不审批: { leaveApproval: false }, 请假免审批: { leaveApproval: false },
  不计学时: { hours: 0 }, 无学时: { hours: 0 },
}

const WINDOW_WORD = /^签到(?:时间|窗口)?[:：]?(.*)$/
const HOURS_WORD = /^(?:学时|课时数?|计学时)[:：]?(.*)$/
const LEVEL_WORD = /^(?:级别|层级|活动级别)[:：]?(.*)$/
const RESET = new Set(['默认', '恢复默认', '按时长', '按时长计'])

/** "前30分钟", "开始前半小时", "提前1小时", "后30分钟", "结束后20分", in any order, glued or apart. */
const SIDE = /^(开始前|提前|前|结束后|后|延后)(\d{1,3}|半)(分钟|分|小时|个小时)?$/

function minutesOf(amount: string, unit: string | undefined): number | null {
  if (amount === '半') return unit === '小时' || unit === '个小时' ? 30 : null
  const n = Number(amount)
  const minutes = unit === '小时' || unit === '个小时' ? n * 60 : n
  return minutes >= 0 && minutes <= 240 ? minutes : null
}

/** Reads the window's sides from words[i] on; how many words it took, or an error. */
function takeWindow(words: readonly string[], i: number, first: string): AttendanceTake {
  const patch: AttendancePatch = {}
  const parts = first ? [first] : []
  let j = i + 1
  if (!first) {
    for (; j < words.length && j < i + 3; j++) {
      if (!SIDE.test(words[j]!) && !RESET.has(words[j]!)) break
      parts.push(words[j]!)
    }
  }
  if (parts.length === 0) return { error: 'badWindow', text: words[i]! }
  for (const part of parts) {
    if (RESET.has(part)) {
      patch.checkinBefore = null
      patch.checkinAfter = null
      continue
    }
    const m = SIDE.exec(part)
    const minutes = m ? minutesOf(m[2]!, m[3]) : null
    if (!m || minutes === null) return { error: 'badWindow', text: part }
    if (m[1] === '开始前' || m[1] === '提前' || m[1] === '前') patch.checkinBefore = minutes
    else patch.checkinAfter = minutes
  }
  return { taken: j - i, patch }
}

function readHours(text: string): number | null {
  const m = /^(\d{1,2}(?:\.\d{1,2})?|半)(?:个)?(?:学时|小时|课时)?$/.exec(text)
  if (!m) return null
  const n = m[1] === '半' ? 0.5 : Number(m[1])
  return n >= 0 && n <= 24 ? n : null
}

/**
 * One attendance setting starting at words[i], or null when words[i] is none.
 * `bareLevel`: also take a level written alone ("/设置 12 区级"); off where a
 * title may hold such a word.
 */
export function takeAttendanceSetting(words: readonly string[], i: number, bareLevel = true): AttendanceTake {
  const word = words[i]!
  const next = words[i + 1]
  const switched = SWITCHES[word]
  if (switched) return { taken: 1, patch: switched }
  const window = WINDOW_WORD.exec(word)
  if (window) return takeWindow(words, i, window[1]!)
  const hours = HOURS_WORD.exec(word)
  if (hours) {
    const value = hours[1] || next
    if (!value) return { error: 'badHours', text: word }
    const taken = hours[1] ? 1 : 2
    if (RESET.has(value)) return { taken, patch: { hours: null } }
    const n = readHours(value)
    return n === null ? { error: 'badHours', text: value } : { taken, patch: { hours: n } }
  }
  const level = LEVEL_WORD.exec(word)
  if (level) {
    const value = level[1] || next
    if (!value) return { error: 'badLevel', text: word }
    const key = LEVEL_WORDS[value]
    return key ? { taken: level[1] ? 1 : 2, patch: { level: key } } : { error: 'badLevel', text: value }
  }
  if (bareLevel && /级$/.test(word) && LEVEL_WORDS[word]) return { taken: 1, patch: { level: LEVEL_WORDS[word] } }
  return null
}
