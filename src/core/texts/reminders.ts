/** The texts of reminders. */
import { echo } from '../limits.ts'

export const remindersTexts = {
  reminders: {
    digestTitle: (label: string, range: string) => `【${label}学区活动】${range}`,
    paused: (date: string, reason: string, title: string) => `${date} ${reason}${/假$/.test(reason) ? '' : '放假'}，${title}暂停`,
    sessionCancelled: (date: string, title: string) => `${date} ${title}这次取消`,
    placesLeft: (left: number | null) => (left === null ? '' : left > 0 ? ` · 还剩${left}个名额` : ' · 名额已满（可候补）'),
    howToSignUp: (id: number) => `报名：发送 /报名 编号（例如 /报名 ${id}），发送 /活动 编号 查看详情。`,
    noticeHeader: '【提前公示】',
    moreThisWeek: (n: number) => `……还有 ${n} 项，发送 /本周 查看全部。`,
    openQuestions: (n: number, list: string[]) => `【待回答的问题】${n} 个：${list.join('；')} — 发送 /问题 查看`,
    today: '今天',
    tomorrow: '明天',
    dayAfter: '后天',
    inDays: (n: number) => `${n}天后`,
    onDay: (word: string, when: string) => `${word} ${when}`,
    inMinutes: (time: string, minutes: number) =>
      `${time} 开始（还有${minutes < 60 ? `${minutes}分钟` : `${Math.floor(minutes / 60)}小时${minutes % 60 ? `${minutes % 60}分钟` : ''}`}）`,
    before: (id: number, title: string, when: string, place: string | null) =>
      `【活动提醒】#${id}「${title}」${when}${place ? `，地点：${place}` : ''}。`,
    signedUp: (n: number, id: number) => `已报名 ${n} 人，请准时参加；不能参加请发送 /取消报名 ${id}`,
    /** One session of a series: withdrawing would leave every session; 请假 is for this one. */
    signedUpSeries: (n: number, id: number, day: string) => `已报名 ${n} 人，请准时参加；这一次不能参加请发送 /请假 ${id} ${day} 原因`,
    noneSignedUp: (id: number) => `还可以报名：发送 /报名 ${id}`,
    mentorQuestions: (list: string[]) => `请导师留意工作室待回答的问题：\n${list.join('\n')}`,
    listTitle: (id: number, title: string, when: string) => `【报名名单】#${id}「${title}」${when}`,
    settings: (lines: string[]) => `本群的自动提醒：\n${lines.join('\n')}`,
    /** After an admin's change: said as done, then the settings as they now are. */
    changed: (lines: string[]) => `已修改。本群的自动提醒：\n${lines.join('\n')}`,
    digestLine: (on: boolean, weekday: string, time: string) => `周报：${on ? `每${weekday} ${time}` : '已关闭'}`,
    leadsLine: (on: boolean, leads: string) => `活动提醒：${on ? `提前 ${leads}` : '已关闭'}`,
    quietLine: (from: string | null, to: string | null) => `免打扰：${from && to ? `${from}-${to}（期间的提醒顺延到结束后，来不及的不发）` : '无'}`,
    leadDays: (n: number, at: string) => `${n}天(${at})`,
    leadHours: (n: number) => `${n}小时`,
    leadMinutes: (n: number) => `${n}分钟`,
    footer: '管理员可以修改，例如：/提醒 周报 周日 19:00、/提醒 提前 1天 2小时、/提醒 关闭 周报、/提醒 免打扰 22:00-07:00',
    usage: '请这样写：/提醒 周报 周日 19:00、/提醒 提前 1天 2小时 15分钟、/提醒 关闭 周报、/提醒 开启 提前、/提醒 免打扰 22:00-07:00',
    adminOnly: '只有学区管理员可以修改提醒设置。发送 /提醒 查看当前设置。',
    badWeekday: (text: string) => `没看懂「${echo(text)}」。周报时间请这样写：/提醒 周报 周日 19:00`,
    badLead: (text: string) => `没看懂「${echo(text)}」。提前多久请这样写：/提醒 提前 1天 2小时 15分钟（最多 14 天、5 个）`,
    badQuiet: (text: string) => `没看懂「${echo(text)}」。免打扰请这样写：/提醒 免打扰 22:00-07:00，或 /提醒 免打扰 关闭`,
    noticeLine: (weeks: number) => `提前公示：提前 ${weeks} 周列入周报`,
    pendingChase: (id: number, title: string, when: string, window: string) =>
      `【日期待定】#${id}「${title}」（${when}，${window}）还没有定具体日期。定下来后请发送 /改期 ${id} <日期和时间>，例如：/改期 ${id} ${window.split('-')[0]}下午`,
  },
} as const
