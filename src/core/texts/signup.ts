/** The texts of signup, roster, profile. */
import { echo } from '../limits.ts'

export const signupTexts = {
  signup: {
    howTo: (id: number) => `报名：回复本条消息「报名」，或发送 /报名 ${id}`,
    buttonJoin: '报名',
    buttonLeave: '取消报名',
    countLine: (confirmed: number, capacity: number | null, waiting: number) =>
      `已报名 ${confirmed}${capacity !== null ? `/${capacity}` : ' 人'}${waiting > 0 ? `，候补 ${waiting} 人` : ''}`,
    confirmed: (name: string, id: number, title: string, position: number, left: number | null) =>
      `${name} 报名成功：#${id}「${title}」，第 ${position} 位${left !== null ? `（还剩 ${left} 个名额）` : ''}。`,
    /** After a series' confirmation: one sign-up covers every session. */
    series: (sessions: number) => `这是例行活动，报名即参加全部 ${sessions} 次。`,
    waiting: (name: string, id: number, title: string, position: number) =>
      `#${id}「${title}」名额已满，${name} 已进入候补第 ${position} 位。有人取消时会自动递补，并在群里通知您。`,
    already: (name: string, id: number, confirmed: boolean, position: number) =>
      `${name} 已经报过 #${id} 了：${confirmed ? `正式名额第 ${position} 位` : `候补第 ${position} 位`}。`,
    /** Confirmations gathered in one message while a burst of sign-ups lasts (接龙). */
    gatheredHead: (id: number, title: string) => `#${id}「${title}」报名：`,
    gatheredLine: (name: string, place: string) => `${name}：${place}`,
    confirmedPlace: (position: number) => `已报名，第 ${position} 位`,
    waitingPlace: (position: number) => `候补第 ${position} 位`,
    alreadyPlace: (confirmed: boolean, position: number) => `之前已报名（${confirmed ? `第 ${position} 位` : `候补第 ${position} 位`}）`,
    forOthersTitle: (id: number, title: string) => `代报名 #${id}「${title}」：`,
    forOther: (name: string, place: string, created: boolean) =>
      `${name}：${place}${created ? '（还没在群里发过言，已按名字登记）' : ''}`,
    otherBreaks: (name: string, reason: string) => `${name} 不能报名：${reason}\n没有为任何人报名，请调整后重发。`,
    onlyOrganizers: (id: number | string) => `只有学区管理员和组织者可以替别人报名。为自己报名请发送 /报名 ${id}`,
    onlyItsOrganizers: (id: number | string) => `只有学区管理员、这项活动的组织者和工作室导师可以取消别人的报名。取消自己的报名请发送 /取消报名 ${id}`,
    tooManyNames: (max: number) => `一次最多代报 ${max} 人，请分几次发送。`,
    meantWithdraw: (id: string) => `取消自己的报名请发送 /取消报名 ${id}`,
    withdrawn: (name: string, id: number, title: string) => `已取消 ${name} 的报名：#${id}「${title}」。`,
    notSignedUp: (id: number) => `您没有报名 #${id}，不需要取消。查看自己的报名请发送 /我的`,
    otherNotSignedUp: (name: string, id: number) => `${name} 没有报名 #${id}。没有取消任何人的报名。`,
    notFoundPerson: (name: string) => `本学区没有找到「${echo(name)}」。没有取消任何人的报名。`,
    promoted: (names: string, id: number, title: string, when: string) =>
      `名额空出，候补的 ${names} 已递补为正式名额：#${id}「${title}」，${when}。请准时参加；不能参加请发送 /取消报名 ${id}`,
    activityCancelled: (id: number) => `#${id} 已经取消，不能报名。发送 /活动 查看其他活动。`,
    over: (id: number) => `#${id} 已经开始或结束，不能再报名了。发送 /活动 查看近期活动。`,
    badProfile: (id: number, profile: string) => `没看懂资料「${echo(profile)}」，没有报名。请这样写：报名 ${id} 王芳/育秀实验学校/语文/5年`,
    whichActivity: (command: string, lines: string[]) =>
      lines.length
        ? `请写上活动编号，例如：/${command} ${lines[0]!.slice(1).split(' ')[0]}\n近期的活动：\n${lines.join('\n')}`
        : `请写上活动编号，例如：/${command} 12。发送 /活动 查看活动和编号。`,
  },

  roster: {
    title: (id: number, title: string) => `#${id}「${title}」报名名单`,
    confirmedHeader: (n: number, capacity: number | null) => (capacity !== null ? `已报名 ${n}/${capacity}：` : `已报名 ${n} 人：`),
    waitingHeader: (n: number) => `候补 ${n} 人：`,
    nobody: (id: number) => `（还没有人报名。报名请发送 /报名 ${id}）`,
    byOther: '（代报名）',
    youConfirmed: (position: number) => `您已报名，第 ${position} 位。`,
    youWaiting: (position: number) => `您在候补第 ${position} 位。`,
    youNot: (id: number) => `您还没有报名。报名请发送 /报名 ${id}`,
    youNotFull: (id: number) => `名额已满，您现在报名会进入候补，有人取消时自动递补。候补请发送 /报名 ${id}`,
  },

  profile: {
    usage: '请这样写：/我是 王芳 育秀实验学校 语文 教龄5（可以只写要更新的项，例如 /我是 教龄6）',
    unreadable: (word: string) => `没看懂「${echo(word)}」。请这样写：/我是 王芳 育秀实验学校 语文 教龄5`,
    badName: (name: string) => `「${echo(name)}」不像是姓名。请这样写：/我是 王芳 育秀实验学校 语文 教龄5`,
    badYears: (n: number) => `教龄 ${n} 年似乎太长了，请检查，例如：/我是 教龄5`,
    saved: (line: string) => `已记录：${line}\n发送 /我的 查看您的报名和提问。`,
    mine: (line: string) => `我的资料：${line}`,
    none: '还没有登记个人资料。发送 /我是 王芳 育秀实验学校 语文 教龄5 登记后，报名名单会显示学校和学科。',
    years: (n: number) => `教龄${n}年`,
    yearsKept: '（教龄已记录，只在私聊里显示）',
    noSignups: '近期没有报名的活动。',
    /** Said beside an activity in /我的 when the member is on 请假 for its next meeting. */
    onLeave: (id: number) => `（这一次请假，能参加了请发送 /销假 ${id}）`,
    signupsHeader: (n: number) => `我的报名（${n}）：`,
    datePending: '日期待定',
    questionsHeader: '我的提问：',
  },

} as const
