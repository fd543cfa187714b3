/** What several text modules share: role names, the limited fields' labels, the scheduling examples. */
import type { LimitedField } from '../limits.ts'
import type { Role } from '../roles.ts'

export const ROLE_NAMES: Record<Role, string> = {
  admin: '管理员',
  organizer: '组织者',
  mentor: '导师',
  teacher: '老师',
}

/** Who may use a command, for refusals and help. */
export const ROLE_WHO: Record<Role, string> = {
  admin: '学区管理员',
  organizer: '学区管理员和组织者',
  mentor: '学区管理员和导师',
  teacher: '所有老师',
}

export interface CommandHelp {
  summary: string
  usage: string
  examples: string[]
}

/** What each limited field is called in a refusal, and a correct example of it. */
export const LIMITED: Record<LimitedField, { label: string; example: string }> = {
  title: { label: '活动名称', example: '/排期 12月3日下午 联合教研' },
  place: { label: '地点', example: '/排期 12月3日下午 联合教研 @育秀实验学校' },
  subject: { label: '学科', example: '/排期 12月3日下午 联合教研 语文，或 /我是 语文' },
  host: { label: '主持人', example: '/排期 12月3日 13:30 名师讲堂 主持 王佩红' },
  presenter: { label: '主讲人', example: '/设置 12 主讲 王佩红' },
  whenText: { label: '时间', example: '/改期 12 第5周周三下午' },
  cancelReason: { label: '取消原因', example: '/取消 12 专家临时有事' },
  realName: { label: '姓名', example: '/我是 王芳 育秀实验学校 语文 教龄5' },
  school: { label: '学校名称', example: '/我是 王芳 育秀实验学校 语文 教龄5' },
  personName: { label: '名字', example: '/报名 12 李明 赵丽' },
  districtName: { label: '学区名称', example: '/设置 名称 育秀教育集团' },
  workshopName: { label: '工作室名称', example: '/工作室 创建 初中英语名师工作室 导师 王佩红' },
  semesterName: { label: '学期名称', example: '/学期 2026-09-01 2027-01-22 第一学期' },
  closedDayName: { label: '放假名称', example: '/放假 2027-02-10 至 2027-02-17 寒假' },
  question: { label: '问题', example: '/提问 如何设计单元作业？' },
  answer: { label: '回答', example: '/回答 7 可以先从单元目标出发，设计分层作业' },
  searchWords: { label: '要找的词', example: '/问题 搜索 作业' },
  leaveReason: { label: '请假原因', example: '/请假 12 外出培训' },
  lesson: { label: '听的课', example: '/听课 王芳 11月3日 语文《背影》' },
  lessonNote: { label: '备注', example: '/听课 王芳 11月3日 语文《背影》 备注 朗读指导到位' },
}

export const SCHEDULE_EXAMPLES = [
  '/排期 第4周周一下午 主题式联合教研 中小学语文 @育秀实验学校 名额40',
  '/排期 12月3日 13:30-16:00 名师讲堂 @建平实验中学 主持 王佩红',
  '/排期 双周一下午 常态化联合教研 语文',
]
