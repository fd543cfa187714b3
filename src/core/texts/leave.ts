/** The texts of 请假 (/请假, /准假, /不准假, /销假) and its lines in rosters and digests. */
import { echo } from '../limits.ts'

export const leaveTexts = {
  leave: {
    needReason: (example: string) => `请写明请假原因，例如：${example}`,
    onlyOwn: (id: number, name: string) => `只能为自己请假：请 ${name} 本人发送 /请假 ${id} 原因（组织者和管理员可以代请假）。您自己请假请发送 /请假 ${id} 原因`,
    otherNotSignedUp: (name: string, id: number) => `${name} 没有报名 #${id}，不需要请假。`,
    notSignedUp: (id: number) => `您没有报名 #${id}，不需要请假。报名请发送 /报名 ${id}`,
    cancelled: (id: number) => `#${id} 已经取消，不用请假。`,
    noDate: (id: number) => `#${id} 的日期还没定，定下日子后再请假。发送 /活动 ${id} 查看。`,
    started: (id: number, day: string) => `#${id} ${day}这一次已经开始，不能再请假了。如有特殊情况请联系组织者。`,
    noneAhead: (id: number) => `#${id} 已经没有还没开始的场次，不能请假了。`,
    notHeld: (day: string) => `${day}这一次不举行（已取消或放假），不用请假。`,
    badDay: (text: string, example: string) => `「${echo(text)}」不是这项活动的日子，没有请假。请核对日期，例如：${example}`,
    notASession: (id: number, day: string, next: string, example: string) =>
      `#${id} ${day}没有活动${next ? `（接下来：${next}）` : ''}，没有请假。例如：${example}`,
    approved: (name: string, id: number, title: string, day: string, undo: string, series: boolean) =>
      `${name} 已请假：#${id}「${title}」${day}。${series ? '其余各次照常参加。' : ''}如又能参加，发送 ${undo}`,
    again: (name: string, id: number, day: string) => `已更新 ${name} 的请假原因：#${id} ${day}。`,
    pending: (name: string, id: number, title: string, day: string) =>
      `已收到 ${name} 的请假申请：#${id}「${title}」${day}。需要组织者审批，结果会告诉您；批准前请按报名参加。`,
    nobodyToAsk: (id: number) => `（组织者还没有私聊过我，请提醒组织者发送 /名单 ${id} 查看并审批。）`,
    toDecide: (name: string, id: number, title: string, day: string, reason: string, approve: string, refuse: string) =>
      `【请假审批】${name} 申请请假：#${id}「${title}」${day}\n原因：${reason}\n同意请发送 ${approve}\n不同意请发送 ${refuse}`,
    whomUsage: (command: string, id: string) =>
      command === '准假' ? `请写要准假的老师，例如：/准假 ${id} 赵丽` : `请写老师和不准假的原因，例如：/不准假 ${id} 赵丽 本次为考核课，请参加`,
    refusalUsage: (id: number, name: string) => `请写明不准假的原因，例如：/不准假 ${id} ${name} 本次为考核课，请参加`,
    noPending: (id: number) => `#${id} 没有等待审批的请假。`,
    noPendingOf: (name: string, id: number, names: string) => `${echo(name)} 在 #${id} 没有等待审批的请假。等待审批的有：${names}`,
    whichDay: (name: string, id: number, days: string, example: string) =>
      `${name} 在 #${id} 有几次请假等待审批（${days}），请写明哪一次，例如：${example}`,
    sameName: (n: number, name: string, id: number) => `有 ${n} 位「${echo(name)}」申请了请假，请 @ 本人，例如：/准假 ${id} @${echo(name)}`,
    decided: (approved: boolean, name: string, id: number, day: string) => `${approved ? '已准假' : '已不准假'}：${name}，#${id} ${day}。`,
    toldDirect: (name: string) => `已私聊告诉 ${name}。`,
    toldThere: (name: string) => `已在 ${name} 请假的地方告诉本人。`,
    toldNowhere: (name: string) => `${name} 还没有私聊过我，请当面告诉本人。`,
    teacherApproved: (name: string, id: number, title: string, day: string) =>
      `${name} 的请假已批准：#${id}「${title}」${day}。如又能参加，发送 /销假 ${id}`,
    teacherRefused: (name: string, id: number, title: string, day: string, reason: string | null) =>
      `${name} 的请假没有获准：#${id}「${title}」${day}。${reason ? `原因：${reason}。` : '原因请问组织者。'}请按时参加。`,
    noLeave: (id: number) => `您在 #${id} 没有请假，不需要销假。`,
    begun: (id: number) => `#${id} 您请假的那一次已经开始，不能再销假；到场了请发送「签到 ${id}」。`,
    backConfirmed: (name: string, id: number, title: string, day: string, position: number) =>
      `${name} 已销假：#${id}「${title}」${day}，正式名额第 ${position} 位。`,
    backWaiting: (name: string, id: number, title: string, day: string, position: number) =>
      `${name} 已销假：#${id}「${title}」${day}。请假时名额已递补给别人，您现在在候补第 ${position} 位，有人取消时自动递补。`,
    backSeries: (name: string, id: number, title: string, day: string) => `${name} 已销假：#${id}「${title}」${day}，请照常参加。`,
    backPending: (name: string, id: number, day: string) => `已撤回 ${name} 的请假申请：#${id} ${day}。`,
    rosterHeader: (n: number, day: string | null) => `请假${day ? `（${day}）` : ''} ${n} 人：`,
    rosterLine: (name: string, pending: boolean, reason: string | null) => `${name}${pending ? '（待审批）' : ''}${reason ? `：${reason}` : ''}`,
    rosterCount: (n: number, day: string | null) => `请假${day ? `（${day}）` : ''} ${n} 人。`,
    youOnLeave: (pending: boolean, id: number) => (pending ? '您的请假在等组织者审批。' : `您已请假。如又能参加，发送 /销假 ${id}`),
    digestCount: (n: number) => (n > 0 ? ` · 请假${n}人` : ''),
  },
} as const
