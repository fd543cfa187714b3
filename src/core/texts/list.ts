/** The texts of the listings: /活动, /活动 12月, /活动 第14周, /活动 全部, /活动 待定, /本周, /下周. */
export const listTexts = {
  list: {
    empty: '近期没有安排活动。管理员或组织者可以用 /排期 安排，例如：/排期 第4周周一下午 联合教研',
    emptyWeek: (label: string) => `${label}没有安排活动。`,
    weekHeader: (label: string, range: string) => (label ? `【${label}】${range}` : `【${range}】`),
    thisWeek: (week?: number) => (week ? `本周(第${week}周)` : '本周'),
    nextWeek: (week?: number) => (week ? `下周(第${week}周)` : '下周'),
    laterWeek: (week?: number) => (week ? `第${week}周` : ''),
    semesterWeek: (n: number) => `(第${n}周)`,
    pendingHeader: '【日期待定】',
    /** Under /本周 and /下周 (one message): the rest, all of it, is one command away. */
    moreInWeek: (count: number, command: string) => `……还有 ${count} 项，全部列出请发送 ${command}。`,
    moreComing: (count: number, pending: number) =>
      `……还有 ${count} 项${pending > 0 ? `（其中日期待定 ${pending} 项）` : ''}，发送 /活动 全部 或 /活动 12月 查看。`,
    pendingHint: (count: number) => `日期待定共 ${count} 项，全部列出请发送 /活动 待定`,
    nothingSoon: (weeks: number, next: string) => `${weeks}周内没有安排活动。下一项：${next}`,
    monthHeader: (label: string) => `【${label}的活动】`,
    termHeader: (name: string) => `【${name}余下的活动】`,
    emptyRange: (label: string) => `${label}没有安排活动。`,
    monthLabel: (month: number, year?: number) => (year ? `${year}年${month}月` : `${month}月`),
    termLabel: (name: string) => `${name}余下的日子`,
    noTerm: '还没有设置学期，不能按周或学期查看。管理员可以设置，例如：/学期 2026-09-01 2027-01-22 第一学期',
    /** The last line of every message of a long listing but the last. */
    continued: '（接下条）',
    /** A listing longer than a few messages: how many are left, and a narrower listing that shows them. */
    moreInRange: (count: number, pending: number, narrower: string) =>
      `……还有 ${count} 项没有列出${pending > 0 ? `（其中日期待定 ${pending} 项）` : ''}，请${narrower}${pending > 0 ? '；日期待定的发送 /活动 待定' : ''}。`,
    narrowerMonth: '按月份查看，例如：/活动 12月',
    narrowerWeek: '按周次查看，例如：/活动 第14周',
    narrowerDetail: '按编号查看详情，例如：/活动 12；完整清单管理员可发送 /导出',
    pendingAllHeader: (count: number, id: number, day: string) => `【日期待定的活动】共 ${count} 项。定下日期请发送 /改期 编号 日期，例如：/改期 ${id} ${day}下午`,
    pendingNone: '没有日期待定的活动。',
    pendingPast: '（时间已过，请改期或取消）',
  },
} as const
