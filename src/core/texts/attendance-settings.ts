/** The texts of an activity's attendance settings (/设置 12 签到 …) and the district's 学时 and 听课 rules (/设置 学时 …, /设置 听课 …). */
import { echo } from '../limits.ts'

/** An activity's level as a district writes it (Activity.level; null is 学区级). */
export const LEVEL_NAMES: Record<string, string> = { school: '校级', district: '学区级（集团级）', county: '区级', city: '市级' }
export const levelName = (level: string | null): string => LEVEL_NAMES[level ?? 'district'] ?? '学区级'

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 0.2 → "五分之一（20%）", 0.25 → "四分之一（25%）", 0.15 → "15%". */
export function shareName(share: number): string {
  const percent = `${Math.round(share * 1000) / 10}%`
  for (let d = 2; d <= 10; d++) {
    if (Math.abs(share * d - 1) < 1e-9) return `${CHINESE_DIGITS[d]}分之一（${percent}）`
  }
  return percent
}

const times = (factor: number) => `${factor} 倍`

export const attendanceSettingsTexts = {
  attendanceSettings: {
    window: (before: number, after: number) => `签到：开始前 ${before} 分钟至结束后 ${after} 分钟可签到、签退`,
    code: (id: number) => `签到需现场签到码：组织者私聊我发送 /签到码 ${id} 获取（每几分钟换一次）`,
    noCode: '签到不需签到码',
    approval: (id: number) => `请假需组织者审批（/准假 ${id} 姓名）`,
    noApproval: '请假无需审批，提交即准',
    hours: (hours: number, level: string) => `学时：每次 ${hours}（${level}）`,
    hoursByLength: (level: string) => `学时：按每次活动时长计，取整到半小时（${level}）`,
    noHours: (level: string) => `学时：不计（${level}）`,
    badWindow: (text: string, id: number) =>
      `没看懂签到时间「${echo(text)}」。例如：/设置 ${id} 签到 前30分钟 后30分钟（每边最多 240 分钟；恢复默认：/设置 ${id} 签到 默认）`,
    badHours: (text: string, id: number) =>
      `没看懂学时「${echo(text)}」。请写 0 到 24 之间的数字，例如：/设置 ${id} 学时 3，或 /设置 ${id} 学时 2.5；按时长计：/设置 ${id} 学时 默认`,
    badLevel: (text: string, id: number) => `没看懂级别「${echo(text)}」。请写 校级、学区级（集团级）、区级 或 市级，例如：/设置 ${id} 级别 区级`,
  },

  districtRules: {
    hours: (r: { presenterFactor: number; hostFactor: number; missShare: number }) =>
      `本学区的学时规则：主讲 ${times(r.presenterFactor)}，主持 ${times(r.hostFactor)}；迟到、早退合计达到一次活动时长的${shareName(r.missShare)}，该次不计学时。`,
    hoursSaved: (r: { presenterFactor: number; hostFactor: number; missShare: number }) =>
      `已设置。${attendanceSettingsTexts.districtRules.hours(r)}`,
    hoursUsage: '请这样写：\n/设置 学时 主讲 2倍\n/设置 学时 主持 1.5倍\n/设置 学时 缺勤 1/5（迟到、早退合计达到这个比例不计学时）\n查看：/设置 学时',
    badFactor: (text: string) => `没看懂倍数「${echo(text)}」。请写 0.5 到 5 之间的倍数，例如：/设置 学时 主讲 2倍`,
    badShare: (text: string) => `没看懂比例「${echo(text)}」。例如：/设置 学时 缺勤 1/5（也可写 五分之一、20%）`,
    observations: (n: number) =>
      n === 0 ? '本学区的听课要求：不设最低次数。' : `本学区的听课要求：每对师徒每学期至少 ${n} 次；工作室群的周报会列出还没有达到的师徒。`,
    observationsSaved: (n: number) => `已设置。${attendanceSettingsTexts.districtRules.observations(n)}`,
    badObservations: (text: string) => `没看懂「${echo(text)}」。请这样写：/设置 听课 每学期 2次（0 表示不设最低次数，最多 20 次）`,
  },
} as const
