/** The texts of one session changed alone (/取消, /改期, /恢复 with a day), and of /恢复. */

export const sessionsTexts = {
  sessions: {
    notLater: (from: string, to: string, id: number, later: string) =>
      `顺延（推迟）要往后改，${to}不在${from}之后，没有改动。请写具体日期，例如：/改期 ${id} ${from.replace(/\(.*\)/, '')} 改到 ${later}下午`,
    seriesToOneDay: (id: number, session: string, to: string) =>
      `#${id} 是例行活动，只写一个日子不知道改哪一次，没有改动。\n改某一次：/改期 ${id} ${session} 改到 ${to}\n整个改成别的时间：/改期 ${id} 每周四下午`,
    badDay: (text: string, why: string, example: string) => `「${text}」${why}，没有改动任何活动。请核对日期，例如：${example}`,
    dayProblem: {
      badDate: '这个日期不存在', weekOutOfTerm: '学期里没有这一周', weekdayMismatch: '日期和星期对不上', termWeekMismatch: '日期和第几周对不上',
      needSemester: '要先设置学期才能按周算', inPast: '已经过去了', other: '读不出是哪一天',
    },
    notASession: (id: number, date: string, next: string, example: string) =>
      `#${id} 在${date}没有安排。${next ? `接下来的几次：${next}\n例如：${example}` : '之后没有安排了。'}`,
    cancelled: (id: number, title: string, when: string, reason?: string) =>
      `#${id}「${title}」${when} 这次取消${reason ? `，原因：${reason}` : ''}。其余各次照常。`,
    /** What a session cancelled alone keeps as its skipReason: the reason, or this word. */
    mark: (reason?: string) => reason ?? '已取消',
    alreadyCancelled: (id: number, date: string) => `#${id} ${date}这一次已经取消了。恢复请发送：/恢复 ${id} ${date}`,
    holidayPaused: (date: string, reason: string, id: number) =>
      `${date}因${reason}本来就暂停。要换一天举行请发送：/改期 ${id} ${date} 改到 10月8日下午`,
    past: (date: string) => `${date}这一次已经过去了，不能再改。`,
    notCancelled: (id: number, date: string) => `#${id} ${date}这一次没有取消，照常进行。`,
    restored: (id: number, title: string, when: string) => `#${id}「${title}」${when} 这次恢复进行，报名照旧。`,
    moved: (id: number, title: string) => `#${id}「${title}」调整一次：`,
    from: (when: string) => `原定：${when}`,
    to: (when: string) => `改为：${when}`,
    othersSame: '其余各次不变。',
    clash: (date: string) => `${date}已经有这项活动的一次了，请换一天。`,
    noNext: (id: number) => `#${id} 接下来没有可以改期的场次。请写明哪一次，例如：/改期 ${id} 11月16日 改到 11月17日下午`,
    pending: (id: number) => `#${id} 日期待定，还没有可推迟的日子。定下日期请发送：/改期 ${id} 12月3日下午`,
    oneDay: (id: number) => `一次活动只能改到某一天，例如：/改期 ${id} 11月16日 改到 11月17日下午`,
    moveUsage: (id: number) =>
      `请写明改到哪天，例如：\n/改期 ${id} 11月16日 改到 11月17日下午\n/改期 ${id} 推迟一周\n/改期 ${id} 顺延到下周三`,
    cancelledMark: '（本次取消）',
    replanned: (id: number) => `注意：之前单独取消或改动的场次已按新时间重新安排，需要的话请再用 /取消 ${id} 日期 调整。`,
    cancelledList: (list: string) => `已取消的场次：${list}`,
    movedMark: (date: string) => `（原${date}）`,
  },

  restore: {
    wholeCancelled: (id: number) => `#${id} 整个活动已取消。恢复请发送：/恢复 ${id}`,
    notCancelled: (id: number) => `#${id} 没有取消，不需要恢复。恢复某一次请写日期，例如：/恢复 ${id} 11月16日`,
    restored: (id: number, title: string, when: string, count: number) =>
      `#${id}「${title}」（${when}）已恢复${count > 0 ? `，${count} 人的报名照旧` : ''}。`,
  },
} as const
