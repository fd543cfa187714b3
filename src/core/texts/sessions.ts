/** The texts of one session changed alone (/取消, /改期, /恢复 with a day), of /恢复, and of cancelling a whole series. */
import { echo } from '../limits.ts'

export const sessionsTexts = {
  sessions: {
    notLater: (from: string, to: string, example: string) =>
      `顺延（推迟）要往后改，${to}不在${from}之后，没有改动。请写具体日期，例如：${example}`,
    /** "「下周三」从原定的12月7日(周一)算起。": a 顺延 read from the session, not from today. */
    fromSession: (words: string, date: string) => `「${echo(words)}」从原定的${date}算起。`,
    seriesToOneDay: (id: number, example: string, whole: string) =>
      `#${id} 是例行活动，只写一个日子不知道改哪一次，没有改动。\n改某一次：${example}\n整个改成别的时间：${whole}`,
    /** A /改期 whose new time cannot be: what is wrong, and a command that works. */
    badMove: (problem: string, example: string) => `${problem}，没有改动。例如：${example}`,
    /** The same for a series given one day that cannot be: which session to move, and the whole rhythm. */
    badSeriesMove: (problem: string, id: number, example: string, whole: string) =>
      `${problem}，没有改动。#${id} 是例行活动：\n改某一次：${example}\n整个改成别的时间：${whole}`,
    badDay: (text: string, why: string, example: string) => `「${echo(text)}」${why}，没有改动任何活动。请核对日期，例如：${example}`,
    dayProblem: {
      badDate: '这个日期不存在', weekOutOfTerm: '学期里没有这一周', weekdayMismatch: '日期和星期对不上', termWeekMismatch: '日期和第几周对不上',
      needSemester: '要先设置学期才能按周算', inPast: '已经过去了', other: '读不出是哪一天',
    },
    /** The problem of a day, said exactly: "10月19日是周一，不是周二". */
    weekdayIs: (date: string, actual: string, written: string) => `${date}是${actual}，不是${written}`,
    weekIs: (date: string, actual: number, written: number) => `${date}是第${actual}周，不是第${written}周`,
    notInTerm: (date: string) => `${date}不在学期内`,
    weeksOnly: (weeks: number) => `这个学期只有 ${weeks} 周`,
    termWeeks: (weeks: number, week: number) => `这个学期只有 ${weeks} 周，没有第${week}周`,
    moveProblem: {
      badDate: '这个日期不存在', inPast: '这个时间已经过去了', badSpan: '结束日期要晚于开始日期', badTimeRange: '结束时间要晚于开始时间',
      noOccurrence: '这段时间里没有符合的日子', tooMany: '例行活动的次数太多', needBase: '没有原定的日子可以推迟', noSuchPeriod: '本学区的作息里没有这一节',
    },
    unreadable: (part: string, example: string) => `没看懂时间「${echo(part)}」，没有改动。例如：${example}`,
    notASession: (id: number, date: string, next: string, example: string) =>
      `#${id} 在${date}没有安排。${next ? `接下来的几次：${next}\n例如：${example}` : '之后没有安排了。'}`,
    cancelled: (id: number, title: string, when: string, reason?: string) =>
      `#${id}「${title}」${when} 这次取消${reason ? `，原因：${reason}` : ''}。其余各次照常。`,
    /** What a session cancelled alone keeps as its skipReason: the reason, or this word. */
    mark: (reason?: string) => reason ?? '已取消',
    alreadyCancelled: (id: number, date: string, move: string) =>
      `#${id} ${date}这一次已经取消了。恢复请发送：/恢复 ${id} ${date}\n改到别的日子照常举行：${move}`,
    holidayPaused: (date: string, reason: string, example: string) => `${date}因${reason}本来就暂停。要换一天举行请发送：${example}`,
    past: (date: string) => `${date}这一次已经过去了，不能再改。`,
    notCancelled: (id: number, date: string) => `#${id} ${date}这一次没有取消，照常进行。`,
    restored: (id: number, title: string, when: string) => `#${id}「${title}」${when} 这次恢复进行，报名照旧。`,
    moved: (id: number, title: string) => `#${id}「${title}」调整一次：`,
    from: (when: string) => `原定：${when}`,
    to: (when: string) => `改为：${when}`,
    /** A cancelled session moved: it is held again, on the new day. */
    restoredMoved: (from: string, to: string) => `${from}这次原已取消，现改到${to} 照常举行。`,
    othersSame: '其余各次不变。',
    clash: (target: string, id: number, session: string, move: string) =>
      `${target}已经有这项活动的一次了，没有改动。可以：\n只取消${session}这一次：/取消 ${id} ${session}\n或改到别的日子：${move}`,
    noNext: (id: number, example?: string) =>
      `#${id} 接下来没有可以改期的场次。${example ? `改放假暂停的那一次请写明日期，例如：${example}` : ''}`,
    pending: (id: number, example: string) => `#${id} 日期待定，还没有可推迟的日子。定下日期请发送：${example}`,
    oneDay: (example: string) => `一次活动只能改到某一天，例如：${example}`,
    moveUsage: (id: number, example: string) => `请写明改到哪天，例如：\n${example}\n/改期 ${id} 推迟一周\n/改期 ${id} 顺延到下周三`,
    cancelledMark: '（本次取消）',
    replanned: (id: number) => `注意：之前单独取消或改动的场次已按新时间重新安排，需要的话请再用 /取消 ${id} 日期 调整。`,
    cancelledList: (list: string) => `已取消的场次：${list}`,
    movedMark: (date: string) => `（原${date}）`,
  },

  /** /取消 of a whole series with sessions to come: asked first, done on /确认. */
  cancelSeries: {
    ask: (id: number, title: string, count: number, next: string, signups: number) =>
      `#${id}「${title}」是例行活动，接下来还有 ${count} 次（下一次：${next}），${signups > 0 ? `已有 ${signups} 人报名` : '还没有人报名'}。还没有取消。`,
    once: (word: string, example: string) => `原因里写了「${word}」：如果只停下一次，请发送：${example}`,
    oneOnly: (example: string) => `只取消某一次请写日期，例如：${example}`,
    confirm: (id: number, count: number, signups: number, minutes: number) =>
      `确实要取消整个活动（全部 ${count} 次${signups > 0 ? `，通知已报名的 ${signups} 人` : ''}），请在${minutes}分钟内发送：/确认 取消 ${id}`,
    nothing: '没有等待确认的取消。取消整个活动请先发送 /取消 编号 原因，例如：/取消 12 专家临时有事',
    nameIt: (waiting: number) => `取消整个活动要写明编号，没有改动。确实要取消请发送：/确认 取消 ${waiting}`,
    otherActivity: (waiting: number) => `等待确认的是取消 #${waiting}。确实要取消请发送：/确认 取消 ${waiting}`,
    inGroup: (id: number) => `请在学区的群里发送：/确认 取消 ${id}`,
  },

  restore: {
    wholeCancelled: (id: number) => `#${id} 整个活动已取消。恢复请发送：/恢复 ${id}`,
    notCancelled: (id: number, example?: string) => `#${id} 没有取消，不需要恢复。${example ? `恢复取消的某一次请写日期，例如：${example}` : ''}`,
    restored: (id: number, title: string, when: string, count: number) =>
      `#${id}「${title}」（${when}）已恢复${count > 0 ? `，${count} 人的报名照旧` : ''}。`,
  },
} as const
