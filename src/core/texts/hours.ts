/** The texts of 学时 (/学时) and the archive's 学时登记表 and attendance columns. */
import { echo } from '../limits.ts'

type LevelKey = 'school' | 'district' | 'county' | 'city'
type RoleKey = 'presenter' | 'host' | 'participant'

const LEVELS: Record<LevelKey, string> = { school: '校级', district: '学区级（集团级）', county: '区级', city: '市级' }
const ROLES: Record<RoleKey, string> = { presenter: '主讲', host: '主持', participant: '参与' }
const WHY = {
  late: (m: number) => `迟到 ${m} 分钟`,
  early: (m: number) => `早退 ${m} 分钟`,
  lateAndEarly: (late: number, early: number) => `迟到 ${late} 分钟、早退 ${early} 分钟`,
  absent: '缺席',
  absentUndecided: '缺席（请假未审批）',
  leave: '请假',
  overlap: (activityId: number) => `与 #${activityId} 时间重叠`,
} as const

/** "2.5", "3", "3.75": hours as a clerk writes them. */
const num = (n: number) => String(Math.round(n * 100) / 100)

export const hoursTexts = {
  hours: {
    levels: LEVELS,
    roles: ROLES,
    why: WHY,
    unset: '未定',
    whyOf: (why: { key: 'late' | 'early'; minutes: number } | { key: 'lateAndEarly'; late: number; early: number } | { key: 'absent'; undecided?: true } | { key: 'leave' } | { key: 'overlap'; activityId: number }): string =>
      why.key === 'lateAndEarly' ? WHY.lateAndEarly(why.late, why.early)
      : why.key === 'late' || why.key === 'early' ? WHY[why.key](why.minutes)
      : why.key === 'overlap' ? WHY.overlap(why.activityId)
      : why.key === 'absent' && why.undecided ? WHY.absentUndecided
      : WHY[why.key],
    /** "2.5 学时", "主讲×2 5 学时", "0 学时（迟到 25 分钟）", "学时未定". */
    earned: (hours: number | null, role: RoleKey, factor: number) =>
      hours === null ? '学时未定' : `${role !== 'participant' && factor !== 1 ? `${ROLES[role]}×${num(factor)} ` : role !== 'participant' ? `${ROLES[role]} ` : ''}${num(hours)} 学时`,
    none: (why: string) => `0 学时（${why}）`,
    entry: (day: string, id: number, title: string, level: LevelKey, what: string) => `${day} #${id} ${title} · ${LEVELS[level]} · ${what}`,
    /** "共 5.5 学时：学区级（集团级） 2.5、区级 3" */
    total: (total: number, byLevel: Partial<Record<LevelKey, number>>) => {
      const parts = (Object.keys(LEVELS) as LevelKey[]).filter((l) => byLevel[l]).map((l) => `${LEVELS[l]} ${num(byLevel[l]!)}`)
      return `共 ${num(total)} 学时${parts.length > 0 ? `：${parts.join('、')}` : ''}`
    },
    mineTitle: (name: string) => `【${name}的学时】`,
    termLine: (term: string, total: string) => `本学期（${term}）${total}`,
    noTerm: '今天不在学期内。',
    yearLine: (startYear: number, total: string) => `本学年（${startYear}—${startYear + 1}学年）${total}`,
    termHeader: '【本学期】',
    earlierHeader: '【本学年此前】',
    nothingYet: '本学年还没有您参加活动的记录。签到后，这里会列出每次活动的学时。',
    unsetNote: (n: number, id: number) => `有 ${n} 次活动只定了日期、没有时刻，学时未定：由组织者设置，例如 /设置 ${id} 学时 2`,
    sentPrivately: '已把学时私聊发给您，请查收。',
    directOnly: (command: string) => `学时含个人信息，只发到私聊：请先私聊我发送任意一条消息（例如 /ping），再发送 ${command}。`,
    othersDirectOnly: (arg: string) => `别人的学时含个人信息，只在私聊里查看：请私聊我发送 /学时 ${echo(arg)}`,
    onlyAdmins: '只有学区管理员可以查看别人的学时。查看自己的学时：/学时',
    onlyRunners: (id: number) => `只有 #${id} 的组织者和学区管理员可以查看它的出席和学时。查看自己的学时：/学时`,
    notFound: (name: string) => `没有找到老师「${echo(name)}」。发送 /学时 全部 查看全部老师，再照名单上的名字发送，例如 /学时 王芳`,
    many: (name: string, n: number) => `学区里有 ${n} 位叫「${echo(name)}」的老师，请发送 /学时 全部 查看各人的学时。`,
    everyoneTitle: (term: string | null, startYear: number) => `【全部老师的学时】${term ? `本学期（${term}）/ ` : ''}本学年（${startYear}—${startYear + 1}学年）`,
    everyoneLine: (name: string, school: string, term: number | null, year: number) =>
      `${name}${school ? `（${school}）` : ''}：${term !== null ? `本学期 ${num(term)}，` : ''}本学年 ${num(year)} 学时`,
    nobody: '本学年还没有任何老师的学时记录。',
    activityTitle: (id: number, title: string, level: LevelKey, hours: number | null) =>
      `【#${id}「${title}」出席和学时】${LEVELS[level]}，${hours === null ? '学时未定' : `每次 ${num(hours)} 学时`}`,
    sessionLine: (day: string, present: number, leave: number, absent: number) =>
      `${day}：出席 ${present} 人${leave ? `，请假 ${leave} 人` : ''}${absent ? `，缺席 ${absent} 人` : ''}`,
    personLine: (name: string, what: string) => `  ${name} ${what}`,
    notHeld: (id: number) => `#${id} 还没有出席记录（还没有举行，或举行时没有人报名、签到）。`,
    nameUsage: '查看一位老师的学时：/学时 王芳；全部老师：/学时 全部',
  },
  hoursSheet: {
    sheet: '学时登记表',
    name: '姓名',
    school: '学校',
    activityId: '活动编号',
    title: '活动名称',
    date: '日期',
    level: '级别',
    role: '身份',
    factor: '倍数',
    sessionHours: '每次学时',
    earned: '所得学时',
    note: '说明',
    total: (name: string) => `${name} 合计`,
    checkIn: '签到时间',
    checkOut: '签退时间',
    attendance: '出勤',
    present: '出席',
    marked: '到场（补登）',
    presentLate: (m: number) => `出席（迟到 ${m} 分钟）`,
    presentEarly: (m: number) => `出席（早退 ${m} 分钟）`,
    signedUp: '报名人次',
    sessionsAttended: '出席次数',
    leaves: '请假',
    absences: '缺席',
    hours: '学时',
  },
} as const
