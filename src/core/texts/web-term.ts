/** The web console's 学期行事历 page: the term as a grid of weeks by weekday. */
export const webTermTexts = {
  webTerm: {
    title: '学期行事历',
    heading: (district: string, semester: string) => `${district} ${semester}行事历`,
    span: (from: string, to: string, weeks: number) => `${from} 至 ${to}，共 ${weeks} 周`,
    noSemester: '还没有设置学期，行事历无从排起。请管理员在学区群里发送 /学期，例如：/学期 2026-09-01 2027-01-22 第一学期',

    // The filters (a GET form)
    filters: '筛选',
    semester: '学期',
    subject: '学科',
    school: '承办学校',
    workshop: '工作室',
    all: '全部',
    apply: '查看',
    clear: '清除筛选',
    print: '打印视图',
    back: '返回行事历',
    current: '（当前）',
    filtered: (what: string) => `只列出：${what}`,
    ignored: (value: string) => `筛选条件「${value}」在这个学期的活动中没有，已忽略。请从下拉列表中选择。`,

    // The grid
    weekColumn: '周次',
    weekdays: ['周一', '周二', '周三', '周四', '周五'],
    weekend: '周六/周日',
    weekendDays: ['周六', '周日'],
    week: (n: number) => `第${n}周`,
    thisWeek: '本周',
    more: (count: number) => `……另有 ${count} 项（用上面的学科、学校、工作室筛选可以看到）`,
    closed: (name: string) => `${name}${/假$/.test(name) ? '' : ' 放假'}`,
    makeUp: (name: string) => `${name}调休上班`,
    untimed: '未定时',
    host: (name: string) => `主持 ${name}`,
    presenter: (name: string) => `主讲 ${name}`,
    count: (signedUp: number, capacity: number | null) => (capacity ? `${signedUp}/${capacity}` : `${signedUp}人`),
    countTitle: '已报名/名额',
    waiting: (n: number) => `候补${n}`,
    paused: (reason: string) => `（${reason}，暂停）`,
    cancelled: (reason: string) => (reason ? `（本次取消：${reason}）` : '（本次取消）'),
    moved: (from: string) => `（原${from}）`,
    continued: '（续）',
    empty: '这个学期还没有安排活动。',
    none: '没有符合筛选条件的活动。',

    // Dates still to be set
    weekPending: (n: number) => `第${n}周待定`,
    monthPending: (month: number) => `${month}月待定`,
    pendingWhen: (written: string, window: string) => `${written}，${window}`,
    legend: '说明：有删除线的场次不举行（假日暂停或单独取消），括号里是原因；“待定”是只定了周或月份、还没定日子的活动，定下日子请在群里发送 /改期 编号 日期。',
  },
} as const
