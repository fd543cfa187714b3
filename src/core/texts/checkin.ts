/** The texts of 签到, 签退, the on-site code, corrections and the organizer's summary after a session. */
import { echo, snippet } from '../limits.ts'

export const checkinTexts = {
  checkin: {
    /** "#12「联合教研」12月3日(周四) 13:30" */
    session: (id: number, title: string, when: string) => `#${id}「${title}」${when}`,
    done: (name: string, session: string, time: string, late: number, standing: 'onLeave' | 'signedUp' | 'walkIn') =>
      `${name} 已签到：${session}，${time}${late > 0 ? `（迟到${late}分钟）` : ''}。${standing === 'signedUp' ? '' : `\n${standing === 'walkIn' ? '您没有报名这项活动，按未报名到场记录。' : '您这次请了假，现在到场了：按出席记录，这次的请假不再算。'}`}\n离开时请发送「签退」。`,
    /** A self check-out in the very instant of the check-in. */
    outBeforeOwnIn: (name: string, id: number, time: string) => `${name} 在 ${time} 签到 #${id}，签退要在签到之后。请稍后再发送「签退 ${id}」；时间不对请找组织者更正。`,
    /** A self check-in after the check-out an organizer recorded. */
    inAfterOwnOut: (name: string, id: number, time: string) => `${name} 已在 ${time} 签退过 #${id}，不能再签到。时间不对请找组织者更正。`,
    already: (name: string, id: number, time: string) => `${name} 已在 ${time} 签到过 #${id}，不用再签。离开时请发送「签退」。`,
    outDone: (name: string, session: string, time: string, early: number) =>
      `${name} 已签退：${session}，${time}${early > 0 ? `（早退${early}分钟）` : ''}。`,
    outAlready: (name: string, id: number, time: string) => `${name} 已在 ${time} 签退过 #${id}。时间不对请找组织者更正。`,
    notCheckedIn: (id: number) => `您还没有签到 #${id}，不能签退。现在在场请先发送「签到 ${id}」；补签请找组织者。`,
    notCheckedInAny: '您今天还没有签到，不能签退。先发送「签到」；补签请找组织者。',
    nothingOpen: '现在没有可以签到的活动（签到从开始前30分钟到结束后30分钟）。发送 /本周 查看本周的活动。',
    whichOne: (command: string, lines: string[], example: number) =>
      `现在有 ${lines.length} 项活动可以${command}，请写上编号：\n${lines.join('\n')}\n例如：${command} ${example}`,
    notYet: (id: number, when: string) => `#${id} 签到 ${when} 开始，到时再发送「签到 ${id}」。`,
    closed: (id: number, when: string) => `#${id} 的签到已在 ${when} 结束。没签上的请找组织者补签。`,
    noSession: (id: number) => `#${id} 还没有定下日子，不能签到。`,
    notHeld: (id: number, date: string, reason: string) => `#${id} ${date}这次不举行（${snippet(reason, 30)}），不用签到。`,
    activityCancelled: (id: number, reason: string | null) => `#${id} 已经取消${reason ? `（${snippet(reason, 30)}）` : ''}，不用签到。`,
    usage: '请这样写：签到、签到 12，需要签到码时：签到 12 4821',
    outUsage: '请这样写：签退、签退 12',
    needCode: (id: number) => `#${id} 需要现场签到码：请看现场屏幕上的四位数字，私聊我发送「签到 ${id} 4821」（把 4821 换成屏幕上的码；码不要发在群里）。`,
    codeInGroup: (id: number) => `签到码请私聊我发送，不要发在群里（在家的人也能看到）。请私聊我发送「签到 ${id} 屏幕上的四位码」；刚发的码几分钟后就失效。`,
    wrongCode: (id: number) =>
      `签到码不对或已过期（每3分钟换一次）。请看现场屏幕上最新的码再发，例如：签到 ${id} 4821；屏幕上的码过期了请组织者私聊我发送 /签到码 ${id} 换新。`,
    wrongLog: 'wrong check-in code',
    slowDown: (minutes: number, id: number) => `签到码输错太多次，请 ${minutes} 分钟后再试；也可以请组织者为您补签（/到场 ${id} 您的名字）。`,
    /** /签到码 */
    codeGroupOnly: (id: number | string) => `签到码不能发在群里（群里的人在家也能看到）。请私聊我发送 /签到码 ${id}`,
    codeOnlyOrganizers: (id: number | string) => `只有学区管理员和这项活动的组织者（或登记了角色的主持人）可以取签到码。签到请发送「签到 ${id}」`,
    codeNotNeeded: (id: number) => `#${id} 没有要求签到码，老师发送「签到 ${id}」就能签到。要求现场签到码请发送 /设置 ${id} 签到码`,
    code: (session: string, code: string, until: string, id: number) =>
      `${session} 的签到码：${code}\n${until} 前有效，每3分钟换一次；过期后再发 /签到码 ${id} 取新码。\n请把下面的二维码放在现场屏幕上，老师私聊我发送「签到 ${id} ${code}」签到（扫码可看到这句话）。`,
    codeQrText: (id: number, code: string) => `签到 ${id} ${code}`,
    codeFileName: (id: number, code: string) => `签到码-${id}-${code}.png`,
    /** Corrections */
    onlyOrganizers: (id: number | string) => `只有学区管理员和这项活动的组织者可以为别人签到、记到场或缺席。为自己签到请发送「签到 ${id}」`,
    markUsage: (command: string, id: number | string = 12) => `请这样写：/${command} ${id} 王芳 李明；例行活动写上日子：/${command} ${id} 12月3日 王芳`,
    /**
     * The refusals below show the command as it was written: `lead` is its
     * start ("/签到 24" or "/签到 24 11月24日"), `name` the person written
     * ("李明", "@李明"), so the example is the same line corrected.
     */
    timeUsage: (lead: string, name: string, command: string) => `请这样写：${lead} ${name} ${command === '签到' ? '14:05' : '16:30'}（名字后写时刻）`,
    badTime: (text: string, lead: string, name: string, command: string) =>
      `没看懂时刻「${echo(text)}」。请这样写：${lead} ${name} ${command === '签到' ? '14:05' : '16:30'}`,
    timeOutside: (time: string, opens: string, closes: string, lead: string, name: string) =>
      `${time} 不在这次活动的签到时间（${opens}-${closes}）里。请写这个时间段里的时刻，例如：${lead} ${name} ${opens}`,
    timeAhead: (time: string, now: string, command: string, lead: string, name: string) =>
      `${time} 还没到（现在 ${now}），不能记为已${command}。请写已经过去的时刻，例如：${lead} ${name} ${now}`,
    /** A correction that would put the 签退 at or before the 签到: `example` is a time that fits. */
    outNotAfterIn: (out: string, checkIn: string, person: string, lead: string, name: string, example: string) =>
      `签退时刻 ${out} 不晚于 ${person} 的签到时刻 ${checkIn}，签退要在签到之后。没有更改签到。请写 ${checkIn} 之后的时刻，例如：${lead} ${name} ${example}；是签到时刻记错了的话，请先更正签到。`,
    inNotBeforeOut: (checkIn: string, out: string, person: string, lead: string, name: string, example: string) =>
      `签到时刻 ${checkIn} 不早于 ${person} 的签退时刻 ${out}，签到要在签退之前。没有更改签到。请写 ${out} 之前的时刻，例如：${lead} ${name} ${example}；是签退时刻记错了的话，请先更正签退。`,
    notFound: (name: string, lead: string) =>
      `本学区没有找到「${echo(name)}」。没有更改任何人的签到。请核对名字后重发；名字没错的话请 @ 本人，例如：${lead} @${echo(name)}`,
    ambiguous: (name: string, count: number, lead: string) =>
      `本学区有 ${count} 位叫「${echo(name)}」的老师。没有更改任何人的签到，请 @ 本人再发，例如：${lead} @${echo(name)}`,
    tooManyNames: (max: number) => `一次最多写 ${max} 人，请分几次发送。`,
    badDay: (text: string, command: string, id: number | string, name: string) =>
      `「${echo(text)}」不是能用的日子。请写这项活动举行的日子，例如：/${command} ${id} 12月3日 ${name}`,
    noSessionToMark: (id: number, command: string, name: string) => `#${id} 还没有举行过，没有可以更改的签到。例行活动请写上日子，例如：/${command} ${id} 12月3日 ${name}`,
    noSessionOn: (id: number, date: string, command: string, name: string) => `#${id} 在 ${date} 没有活动。请写它举行的日子，例如：/${command} ${id} 12月3日 ${name}`,
    sessionNotHeldMark: (id: number, date: string) => `#${id} ${date}这次没有举行，不能记签到。`,
    /** /缺席 for someone on approved 请假: 请假 stands, and nothing is written. */
    absentOnLeave: (people: string, present: string) =>
      `${people} 已请假并获准，签到表和学时里记为请假，不算缺席。没有更改任何人的签到。如实际到场了，请发送：${present}`,
    onLeavePerson: (name: string, reason: string) => `${name}（${snippet(reason, 30)}）`,
    othersAbsent: (retry: string) => `其他人请这样记缺席：${retry}`,
    roleNote: (role: 'presenter' | 'host') => (role === 'presenter' ? '（主讲）' : '（主持）'),
    markedPresent: (session: string, names: string) => `已记到场：${session}\n${names}`,
    markedAbsent: (session: string, names: string) => `已记缺席：${session}\n${names}`,
    markedIn: (session: string, name: string, time: string) => `已更正：${name} 在 ${time} 签到（${session}）。`,
    markedOut: (session: string, name: string, time: string) => `已更正：${name} 在 ${time} 签退（${session}）。`,
    /** The organizer's summary after a session, in their direct chat. */
    summaryTitle: (session: string) => `【签到汇总】${session}`,
    summaryCounts: (signedUp: number, present: number) => `报名 ${signedUp} · 签到 ${present}`,
    summaryLine: (label: string, names: string) => `${label}：${names}`,
    late: '迟到',
    early: '早退',
    absent: '缺席',
    onLeave: '请假',
    walkIns: '未报名到场',
    none: '无',
    summaryForAdmin: (organizer: string) => `（组织者 ${organizer} 还没有私聊过我，汇总发给管理员；请 TA 私聊我发一句话，以后直接发给 TA。）`,
    summaryFooter: (id: number) => `更正：/到场 ${id} 王芳、/缺席 ${id} 赵丽、/签到 ${id} 王芳 14:05`,
    buttonCheckIn: '签到',
    alsoItsOrganizer: '以及这项活动的组织者',
    alsoSessionStaff: '以及这项活动的组织者、有角色（组织者、导师）的主持人和主讲人',
  },
} as const
