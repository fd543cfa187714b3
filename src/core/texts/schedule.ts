/** The texts of semester, closedDays, settings, schedule, activity, rules, feed. */
import { echo } from '../limits.ts'
import { SCHEDULE_EXAMPLES } from './common.ts'

export const scheduleTexts = {
  semester: {
    usage: '请这样写：/学期 2026-09-01 2027-01-22 第一学期',
    badDate: (text: string) => `「${echo(text)}」不是有效的日期，请写成 2026-09-01 这样。`,
    endBeforeStart: '结束日期要晚于开始日期。例如：/学期 2026-09-01 2027-01-22 第一学期',
    tooLong: '一个学期不会超过 30 周，请检查日期。例如：/学期 2026-09-01 2027-01-22 第一学期',
    overlaps: (name: string) => `这个学期与已设置的「${name}」时间重叠，请检查日期。`,
    saved: (name: string, from: string, to: string, weeks: number) =>
      `已设置${name}：${from} 至 ${to}，共 ${weeks} 周。`,
    holidays: (list: string) => `期间的法定假日：${list}。落在假日的例行活动会自动暂停。`,
    beyondData: (year: number) =>
      `提醒：系统只收录到 ${year} 年的法定节假日，之后的放假安排请用 /放假 登记，例如 /放假 ${year + 1}-01-01 元旦。`,
    today: (name: string, week: number, parity: string) => `今天是${name}第${week}周(${parity})。`,
    notInTerm: (next: string | null) => (next ? `今天不在学期内。${next}` : '今天不在学期内。'),
    nextTerm: (name: string, start: string) => `${name}将于${start}开始。`,
    none: '还没有设置学期。管理员可以发送：/学期 2026-09-01 2027-01-22 第一学期',
    list: (lines: string[]) => `已设置的学期：\n${lines.join('\n')}`,
    odd: '单周',
    even: '双周',
  },

  closedDays: {
    usage: '请这样写：/放假 2027-01-01 元旦，或 /放假 2027-02-10 至 2027-02-17 寒假',
    tooLong: '一次最多登记 60 天。',
    saved: (range: string, name: string, affected: number) =>
      affected > 0 ? `已登记 ${range}「${name}」，期间 ${affected} 次活动暂停。` : `已登记 ${range}「${name}」。`,
    already: (name: string, range: string) => `${name} ${range} 已经登记过了。`,
    updated: (range: string, name: string, was: string, paused: number, resumed: number) => {
      const changes = [paused > 0 ? `${paused} 次活动暂停` : '', resumed > 0 ? `${resumed} 次活动恢复` : ''].filter(Boolean)
      return [`已更新「${name}」：${range}`, `原为 ${was}。`, changes.length ? `${changes.join('，')}。` : ''].filter(Boolean).join('\n')
    },
    none: '本学区还没有登记放假日。法定节假日会自动识别。',
    list: (lines: string[]) => `本学区登记的放假日：\n${lines.join('\n')}`,
    defaultName: '放假',
  },

  settings: {
    usage: '请这样写：/设置 下午 14:00，或 /设置 名称 育秀教育集团，或 /设置 作息 第1节 8:00 … 放学后 15:40',
    badClock: (text: string) => `「${echo(text)}」不是有效的时间，请写成 14:00 这样。`,
    partSaved: (part: string, time: string) => `已设置：只写「${part}」的活动默认 ${time} 开始。`,
    nameSaved: (name: string) => `学区名称已改为「${name}」。`,
    badTimetable: '没看懂作息时间。请这样写：\n/设置 作息 第1节 8:00 第2节 8:55 第3节 10:00 … 放学后 15:40',
    timetableNone: '还没有设置作息时间。例如：\n/设置 作息 第1节 8:00 第2节 8:55 第3节 10:00 … 放学后 15:40',
    timetableNow: (list: string) => `本学区的作息：${list}`,
    timetableSaved: (list: string) => `已设置作息：${list}。写「第三节课」「放学后」的活动按此计时。`,
    timetableApplied: (n: number) => `已按新作息补上 ${n} 项活动的时刻。`,
    periodAt: (n: number, at: string) => `第${n}节 ${at}`,
    afterSchoolAt: (at: string) => `放学后 ${at}`,
  },

  schedule: {
    unreadable: (part: string) =>
      `没看懂时间「${echo(part)}」。可以这样写：\n${SCHEDULE_EXAMPLES[0]}\n/排期 12月3日下午 联合教研`,
    noWhen:
      `请写上活动时间，例如：\n${SCHEDULE_EXAMPLES[0]}\n/排期 12月3日下午 联合教研`,
    noWhenFor: (title: string) => `没有写时间。请写上哪天，例如：/排期 12月3日下午 ${echo(title)}`,
    noDate: (part: string) =>
      `「${echo(part)}」只有时刻，没有日期。请写上哪一天，例如：/排期 明天下午3点 联合教研，或 /排期 每周三 15:30 联合教研`,
    noTitle: '请写上活动名称，例如：/排期 12月3日下午 联合教研 语文',
    badCapacity: (text: string) => `「${echo(text)}」不是有效的名额，请写成 名额40 这样。`,
    needSemester:
      '这个时间要按学期来算，但还没有设置学期。管理员请先发送：/学期 2026-09-01 2027-01-22 第一学期\n例行活动也可以写明截止日期：/排期 每周三 15:30 至 2027-01-15 联合教研',
    termNotFound: '还没有设置这个学期。管理员请先发送：/学期 2027-02-22 2027-07-02 第二学期',
    weekOutOfTerm: (week: number, weeks: number) => `这个学期只有 ${weeks} 周，没有第${week}周。例如：/排期 第${Math.min(4, weeks)}周周一下午 联合教研`,
    badDate: '这个日期不存在，请检查月和日，例如：/排期 12月3日下午 联合教研',
    inPast: '这个时间已经过去了。请写一个将来的时间，例如：/排期 下周三下午 联合教研',
    weekdayMismatch: (date: string, written: string, actual: string) =>
      `${date}是${actual}，不是${written}。请核对后再发，例如：/排期 ${date}下午 联合教研`,
    termWeekMismatch: (date: string, written: number, actual: number | null) =>
      actual === null ? `${date}不在学期内，不是第${written}周。请核对后再发。` : `${date}是第${actual}周，不是第${written}周。请核对后再发。`,
    shiftNeedsActivity: '「推迟一周」这样的写法用于改期，例如：/改期 12 推迟一周',
    shiftSeries: (id: number) => `#${id} 是例行活动，请写新的时间，例如：/改期 ${id} 每周四下午`,
    shiftPending: (id: number, example: string) => `#${id} 的日期还没定，请直接写日期，例如：${example}`,
    badSpan: '结束日期要晚于开始日期，例如：/排期 11月30日至12月4日 教学视导',
    noSuchPeriod: (n: number) => `本学区的作息里没有第${n}节。查看或修改：/设置 作息 第1节 8:00 第2节 8:55 … 放学后 15:40`,
    badTimeRange: '结束时间要晚于开始时间，例如：/排期 12月3日 13:30-16:00 联合教研',
    noOccurrence: '在这段时间里没有符合的日子，请检查时间。例如：/排期 每周三 15:30 至 2027-01-15 联合教研',
    tooMany: (max: number) => `一次最多安排 ${max} 次例行活动，请缩短时间范围。`,
    created: (id: number, title: string) => `已安排 #${id}「${title}」`,
    pending: (label: string, range: string, id: number) =>
      `时间：${label}（${range}），具体日期待定。定下来后请发送 /改期 ${id} <日期和时间>`,
    repeats: (count: number, first: string, last: string) => `共 ${count} 次，${first}—${last}`,
    spanDays: (days: number) => `共${days}天`,
    sessions: (count: number) => `共 ${count} 次`,
    vaguePending: (label: string, range: string, id: number) =>
      `时间：${label}（${range}），具体日子待定。定下来后请发送 /改期 ${id} 每周三下午 这样的时间`,
    monthWeekRule: (month: number, week: number, range: string) => `「${month}月第${week}周」是${range}这一周（一周大半在哪个月，就算那个月的）。`,
    needTimetable:
      '第几节、放学后按本学区的作息计时，作息还没设置，先只登记日期。管理员请发送：\n/设置 作息 第1节 8:00 第2节 8:55 … 放学后 15:40\n设置后自动补上时刻。',
    /** One holiday on the line itself; several one per line. */
    skipped: (count: number, holidays: readonly string[]) =>
      holidays.length === 1 ? `假日暂停 ${count} 次：${holidays[0]}` : [`假日暂停 ${count} 次：`, ...holidays].join('\n'),
    onHoliday: (name: string) => `注意：这一天是${name}假期。`,
    noClock: '未写具体时刻，需要时可用 /改期 补上。',
    makeUpDay: (date: string, name: string) => `提醒：${date}是${name}调休上班日。`,
    onWeekend: (date: string) => `注意：${date}是周末。`,
    outsideTerm: (terms: string) => `注意：这个时间不在已设置的学期（${terms}）里。需要的话请先用 /学期 设置，例如：/学期 2027-02-22 2027-07-02 第二学期`,
    samePlace: (date: string, id: number, title: string) => `注意：${date}同一地点已有 #${id}「${title}」，时间有重叠。`,
    duplicateMoved: (date: string, id: number, title: string) => `注意：${date}已有同名的 #${id}「${title}」，是不是重复了？`,
    duplicate: (date: string, id: number, title: string, newId: number) =>
      `注意：${date}已有同名的 #${id}「${title}」，是不是排重了？不需要的话请发送 /取消 ${newId}`,
  },

  activity: {
    idUsage: (command: string, example: string) => `请写上活动编号，例如：/${command} ${example}`,
    oneAtATime: (command: string, ids: string[]) => `一次写一个编号，请分开发送：${ids.slice(0, 5).map((id) => `/${command} ${id}`).join('、')}`,
    notFound: (id: string) => `没有找到编号为 #${id} 的活动。发送 /活动 查看本学区的活动。`,
    notOwner: '只有学区管理员和这项活动的组织者可以修改它。',
    alreadyCancelled: (id: number) => `#${id} 已经取消了。`,
    cancelledNoMove: (id: number) => `#${id} 已经取消，不能改期。需要的话请重新 /排期。`,
    moved: (id: number, title: string) => `#${id}「${title}」已改期`,
    movedFrom: (before: string) => `原定：${before}`,
    cancelled: (id: number, title: string, when: string, reason?: string) =>
      `#${id}「${title}」（${when}）已取消${reason ? `，原因：${reason}` : ''}。`,
    detailTitle: (id: number, title: string) => `#${id}「${title}」`,
    when: (text: string) => `时间：${text}`,
    /** After a time written as tentative ("（暂定）"). */
    tentative: '（暂定）',
    place: (place: string) => `地点：${place}`,
    subject: (subject: string) => `学科：${subject}`,
    capacity: (n: number) => `名额：${n}`,
    host: (name: string) => `主持：${name}`,
    presenter: (name: string) => `主讲：${name}`,
    organizer: (name: string) => `组织者：${name}`,
    cancelledStatus: '状态：已取消',
    reason: (text: string) => `取消原因：${text}`,
    next: (list: string) => `接下来：${list}`,
    pendingWhen: (label: string, range: string) => `${label}（${range}，日期待定）`,
    everyWeek: (weekday: string) => `每${weekday}`,
    weekdayRun: (first: string, last: string) => `${first}至${last}`,
    evenWeeks: (weekday: string) => `双周${weekday}`,
    oddWeeks: (weekday: string) => `单周${weekday}`,
    everyOtherWeek: (weekday: string) => `隔周${weekday}`,
    monthlyNth: (nth: number, weekday: string) => (nth === -1 ? `每月最后一个${weekday}` : `每月第${nth}个${weekday}`),
    monthlyDay: (day: number) => `每月${day}日`,
    paused: (name: string) => `（${name}，暂停）`,
  },

  notice: {
    line: (id: number) => `无需报名（仅通知）。要开放报名请发送 /设置 ${id} 报名`,
    detail: '无需报名（仅通知）',
    opened: (id: number) => `已开放报名：发送 /报名 ${id}`,
    refused: (id: number, title: string) => `#${id}「${title}」是通知，无需报名，按时参加即可。`,
  },

  past: {
    ask: (when: string, minutes: number) =>
      `${when} 已经过去。如果是补登记已举行的活动（存档用，不发提醒），请在${minutes}分钟内发送：/确认 补登记`,
    saved: (id: number, title: string) => `已补登记 #${id}「${title}」`,
    never: '已举行，存档用，不发提醒。',
    nothing: '没有等待确认的补登记。请先发送 /排期 时间 活动名称，例如：/排期 10月20日下午 教学视导 @肇文学校',
    notPast: '这个时间还没到，不用补登记。请直接用 /排期 安排。',
  },

  rules: {
    yearsRange: (min: number | null, max: number | null) =>
      min !== null && max !== null ? `${min}-${max}年` : min !== null ? `${min}年及以上` : `${max}年及以下`,
    deadlineLine: (when: string) => `报名截止：${when}`,
    workshopLine: (id: number, name?: string) => `工作室：${name ? `${name}（#${id}）` : `#${id}`}`,
    yearsLimit: (range: string) => `教龄${range}`,
    subjectLimit: (subject: string) => `${subject}老师`,
    schoolLimit: (school: string) => `${school}`,
    menteesLimit: '工作室徒弟',
    limitsLine: (list: string) => `报名限：${list}`,
    closed: (id: number, deadline: string) => `#${id} 的报名已于 ${deadline} 截止。如有特殊情况请联系组织者代报名。`,
    needYears: (range: string) => `此活动限教龄${range}，请先发送 /我是 登记教龄，例如：/我是 王芳 育秀实验学校 语文 教龄5`,
    years: (range: string, years: number) => `此活动限教龄${range}，您登记的教龄是 ${years} 年。如登记有误，请发送 /我是 教龄N 更正。`,
    yearsOut: (range: string) => `此活动限教龄${range}，您登记的教龄不在这个范围。如登记有误，请私聊我发送 /我是 教龄N 更正。`,
    needSubject: (subject: string) => `此活动限${subject}老师，请先发送 /我是 登记学科，例如：/我是 王芳 育秀实验学校 语文 教龄5`,
    subject: (subject: string, has: string) => `此活动限${subject}老师，您登记的学科是${has}。`,
    needSchool: (school: string) => `此活动限${school}的老师，请先发送 /我是 登记学校，例如：/我是 王芳 育秀实验学校 语文 教龄5`,
    school: (school: string, has: string) => `此活动限${school}的老师，您登记的学校是${has}。`,
    menteesOnly: '此活动只限工作室的徒弟报名。申请拜师请发送 /拜师 工作室编号，发送 /工作室 查看编号。',
    /** The same reasons, said to an organizer signing someone else up (代报名): of them, not of 您. */
    other: {
      needYears: (range: string) => `此活动限教龄${range}，TA还没有登记教龄（TA可以发送 /我是 教龄5 登记）。`,
      years: (range: string, years: number) => `此活动限教龄${range}，TA登记的教龄是 ${years} 年。`,
      yearsOut: (range: string) => `此活动限教龄${range}，TA登记的教龄不在这个范围。`,
      needSubject: (subject: string) => `此活动限${subject}老师，TA还没有登记学科（TA可以发送 /我是 语文 登记）。`,
      subject: (subject: string, has: string) => `此活动限${subject}老师，TA登记的学科是${has}。`,
      needSchool: (school: string) => `此活动限${school}的老师，TA还没有登记学校（TA可以发送 /我是 育秀实验学校 登记）。`,
      school: (school: string, has: string) => `此活动限${school}的老师，TA登记的学校是${has}。`,
      menteesOnly: '此活动只限工作室的徒弟报名，TA还不是徒弟。可以用 /结对 把TA加为徒弟。',
    },
    badDeadline: (text: string) => `没看懂报名截止时间「${echo(text)}」，请写成：截止 12月1日，或 截止 12月1日 17:00`,
    badYears: (text: string) => `没看懂「${echo(text)}」，教龄范围请写成：教龄1-8、教龄9年以上 或 教龄5年以下`,
    settingsUsage: (id: number) =>
      `请写上要设置的内容，例如：\n/设置 ${id} 名称 主题式联合教研\n/设置 ${id} 地点 育秀实验学校报告厅\n/设置 ${id} 截止 12月1日\n/设置 ${id} 教龄1-8 限语文\n/设置 ${id} 名额50 仅徒弟\n/设置 ${id} 不报名（仅通知）\n/设置 ${id} 不限（取消全部报名限制）`,
    unknownSetting: (word: string, id: number) =>
      `没看懂「${echo(word)}」。例如：\n/设置 ${id} 地点 育秀实验学校报告厅\n/设置 ${id} 名称 主题式联合教研\n/设置 ${id} 截止 12月1日 名额40\n/设置 ${id} 不报名\n全部写法：/帮助 设置`,
    emptyDetail: (field: string, id: number) => `请写上新的${field}，例如：/设置 ${id} ${field} ${field === '地点' ? '育秀实验学校报告厅' : field === '学科' ? '中小学语文' : field === '主持' || field === '主讲' ? '王佩红' : '主题式联合教研'}`,
    fieldName: { title: '名称', place: '地点', subject: '学科', host: '主持', presenter: '主讲' },
    formerTitle: (title: string) => `原名称：${title}`,
    updated: (id: number, title: string) => `已更新 #${id}「${title}」`,
    overCapacity: (n: number) => `注意：已有 ${n} 人报名，超过新名额；已报名的老师保留名额。`,
  },

  feed: {
    signedUp: '✔已报名 ',
    howTo: (id: number) => `报名：在群里发送 /报名 ${id}`,
    districtName: (name: string) => `${name}活动`,
    memberName: (name: string) => `${name}的学区活动`,
    personal: (url: string) =>
      [
        `您的个人日历（本学区的活动，已报名的标有 ✔）：\n${url}`,
        '订阅方法：苹果手机 设置 → 日历 → 账户 → 添加账户 → 其他 → 添加已订阅的日历，粘贴上面的地址；安卓手机和电脑在日历应用里选择“通过网址订阅日历”。',
        '地址请勿转发；泄露后发送 /日历 重置 换一个新地址。',
      ].join('\n'),
    district: (url: string) =>
      [
        `学区日历（全部活动，没有个人信息）：\n${url}`,
        '订阅方法：苹果手机 设置 → 日历 → 账户 → 添加账户 → 其他 → 添加已订阅的日历；安卓手机和电脑在日历应用里选择“通过网址订阅日历”。私聊我发送 /日历 得到含自己报名的个人日历。',
      ].join('\n'),
    reset: '已换成新地址，旧地址不能再用。',
    resetAdminOnly: '只有学区管理员可以重置学区日历的地址。',
    notServed: '日历订阅还没有开启：请部署人员在 .env 中设置 PUBLIC_URL（机器人对外的网址，例如 https://bot.example.cn），重启后再发送 /日历。',
    usage: '请这样写：/日历，或 /日历 重置',
  },
} as const
