/** The texts of workshop, qa. */
import { echo } from '../limits.ts'
import { oneLine } from '../visible-text.ts'

export const workshopTexts = {
  workshop: {
    none: '本学区还没有名师工作室。管理员可以创建，例如：/工作室 创建 初中英语名师工作室 导师 王佩红 曹益君',
    listHeader: '本学区的名师工作室：',
    listLine: (id: number, name: string, mentors: string[], mentees: number) =>
      `${id}. ${name} — 导师：${mentors.join('、') || '未定'}；徒弟 ${mentees} 人`,
    listFooter: (id: number) => `发送 /工作室 ${id} 查看详情，/拜师 ${id} 申请拜师。`,
    createUsage: '请这样写：/工作室 创建 初中英语名师工作室 导师 王佩红 曹益君',
    mentorNeedsMention: (name: string) =>
      `「${echo(name)}」已经在群里发过言或登记过。名字可以被别人改成一样的，请在群里直接 @ 这位导师：/工作室 创建 初中英语名师工作室 导师 @${echo(name)}`,
    nameTaken: (name: string) => `本学区已经有「${name}」了。发送 /工作室 查看。`,
    created: (id: number, name: string, mentors: string[]) => `已创建工作室 ${id}「${name}」，导师：${mentors.join('、')}。`,
    placeholders: (names: string) => `${names} 还没在学区群里发过言，已按名字登记；他们首次在群里发言后自动关联。`,
    next: (id: number) =>
      `老师们可发送 /拜师 ${id} 申请拜师；工作室活动请这样排期：/排期 每月第一个周三下午 工作室沙龙 工作室${id}`,
    notFound: (id: number | string) => `没有找到编号为 ${id} 的工作室。发送 /工作室 查看本学区的工作室。`,
    idUsage: (command: string, id: number, tail: string, list: string[]) =>
      `请写上工作室编号，例如：/${command} ${id}${tail}${list.length ? `\n本学区的工作室：\n${list.join('\n')}` : ''}`,
    title: (id: number, name: string) => `工作室 ${id}「${name}」`,
    mentors: (names: string) => `导师：${names}`,
    nobody: '未定',
    unassigned: '待定导师',
    menteesHeader: (n: number) => `徒弟 ${n} 人：`,
    pairLine: (mentor: string, mentees: string) => `  ${mentor} — ${mentees}`,
    noMentees: (id: number) => `还没有徒弟。申请拜师请发送 /拜师 ${id}`,
    applied: (names: string, id: number) => `待审核的拜师申请：${names}（导师或管理员发送 /通过 ${id} 名字）`,
    sessionsHeader: '近期工作室活动：',
    noSessions: (id: number) => `近期没有工作室活动。排期时写上「工作室${id}」即可关联。`,
    openQuestions: (n: number) => `待回答的问题 ${n} 个，发送 /问题 查看。`,
    selfMentor: '您是这个工作室的导师，不需要拜师。',
    notMentorHere: (name: string, workshop: string) => `「${echo(name)}」不是「${workshop}」的导师。发送 /工作室 查看导师名单。`,
    alreadyMentee: (workshop: string, mentor: string) => `已经是「${workshop}」的徒弟了（导师：${mentor}）。`,
    alreadyApplied: (workshop: string, id: number, name: string) =>
      `${name} 已经申请过「${workshop}」，请等待导师或管理员审核（/通过 ${id} ${name}）。`,
    appliedDone: (workshop: string, id: number, name: string) =>
      `${name} 已申请加入「${workshop}」，请等待导师或管理员审核：/通过 ${id} ${name}`,
    approveUsage: (id: number) => `请写上徒弟的名字，例如：/通过 ${id} 李明`,
    noApplication: (name: string, id: number) =>
      `没有找到 ${echo(name)} 的拜师申请。请对方先发送 /拜师 ${id}，或直接结对：/结对 ${id} 导师名字 ${echo(name)}`,
    approved: (mentee: string, workshop: string, mentor: string) => `${mentee} 已成为「${workshop}」的徒弟，导师：${mentor}。`,
    approvedNoMentor: (mentee: string, workshop: string, id: number) =>
      `${mentee} 已成为「${workshop}」的徒弟。请指定导师：/结对 ${id} 导师名字 ${mentee}`,
    pairUsage: (id: number) => `请这样写：/结对 ${id} 王佩红 李明（先写导师，再写徒弟）`,
    mentorAsMentee: (name: string) => `${name} 是这个工作室的导师，不能同时做徒弟。`,
    paired: (mentor: string, mentee: string, before: string | null) =>
      `${mentor} — ${mentee} 结对成功${before ? `（原导师：${before}）` : ''}。`,
    notItsMentor: '只有这个工作室的导师和学区管理员可以审核和结对。',
  },

  qa: {
    askUsage: (command: string) => `请写上问题，例如：/${command} 如何设计单元作业？`,
    whichWorkshop: (command: string, list: string[]) =>
      `本学区有多个工作室，请写明问哪个，例如：/${command} 工作室${list[0]!.split(' ')[0]} 如何设计单元作业？\n${list.join('\n')}`,
    recorded: (id: number, workshop?: string) =>
      `已收到问题 #${id}${workshop ? `（${workshop}）` : ''}，${workshop ? '导师' : '管理员'}回答后会在这里通知您。`,
    recordedPrivately: (id: number, workshop?: string) =>
      `已收到问题 #${id}${workshop ? `（${workshop}）` : ''}。这个问题不公开：只有您、导师和管理员能看到，不会出现在群里；${workshop ? '导师' : '管理员'}回答后会在这里通知您。想让学区的群里也看到，提问时在问题前写「公开」，例如：/提问 公开 如何设计单元作业？`,
    recordedShared: (id: number, workshop?: string) =>
      `已收到问题 #${id}${workshop ? `（${workshop}）` : ''}，已公开：学区的群里也能看到这个问题和提问人（问题列表、周报）。${workshop ? '导师' : '管理员'}回答后会在这里通知您。不想公开时，提问时不写「公开」，例如：/提问 如何设计单元作业？`,
    recordedAnonymously: (id: number, workshop?: string) =>
      `已匿名记录问题 #${id}${workshop ? `（${workshop}）` : ''}。这个问题不公开：只有您、导师和管理员能看到，不会出现在群里；除管理员外没有人能看到提问人。回答会发到这里。想让群里也看到（仍不显示提问人），提问时在问题前写「公开」，例如：/匿名提问 公开 学生不交作业怎么办？`,
    recordedAnonymouslyShared: (id: number, workshop?: string) =>
      `已匿名记录问题 #${id}${workshop ? `（${workshop}）` : ''}，已公开：学区的群里也能看到这个问题，但不显示提问人（只有管理员能看到）。回答会发到这里。不想公开时，提问时不写「公开」，例如：/匿名提问 学生不交作业怎么办？`,
    privateInGroup: (command: string) =>
      `在群里发的问题，群里的人都已经看到了。只想让导师和管理员看到，请私聊我发送，例如：/${command} 如何设计单元作业？`,
    recordedAnonymouslyInGroup: (id: number) =>
      `已匿名记录问题 #${id}，问题列表中不显示提问人。提示：在群里发的消息大家都能看到，下次可以私聊我发送 /匿名提问。`,
    answerUsage: '请这样写：/回答 7 您的回答（7 是问题编号，发送 /问题 查看）',
    answerEmpty: (id: number) => `请写上回答内容，例如：/回答 ${id} 可以先从单元目标出发……`,
    notFound: (id: string) => `没有找到编号为 #${id} 的问题。发送 /问题 查看。`,
    notItsMentor: '只有这个工作室的导师和学区管理员可以回答。',
    /** The question quoted on one line: a teacher's line breaks cannot make lines of the bot's own. */
    answerPost: (id: number, question: string, author: string, text: string) =>
      `【答疑 #${id}】\n问：${oneLine(question)}\n答（${author}）：${text}`,
    delivered: (id: number, where: string) => `已回答 #${id}，回答已发到${where ? `「${where}」` : '提问的群'}。`,
    answerKept: (id: number) => `已回答 #${id}。提问人私聊我发送 /问题 ${id} 就能看到回答。`,
    deliveredPrivately: (id: number, asker: string | null) => `已回答 #${id}，回答已私聊发给${asker ? `提问人（${asker}）` : '提问人'}。`,
    listLine: (id: number, text: string, answers: number, anonymous: boolean) =>
      `#${id} ${text}${anonymous ? '（匿名）' : ''} — ${answers > 0 ? `已回答 ${answers} 条` : '待回答'}`,
    questionLine: (id: number, text: string, asker: string, notShared = false) => `#${id} ${text}（${asker}${notShared ? '，不公开' : ''}）`,
    answerLine: (author: string, text: string) => `  答（${author}）：${text}`,
    workshopLine: (name: string) => `  工作室：${name}`,
    unanswered: '  （待回答）',
    answeredCount: (n: number) => ` — 已回答 ${n} 条`,
    anonymous: '匿名',
    anonymousToAdmin: (name: string) => `匿名·${name}`,
    openHeader: (n: number) => `待回答的问题（${n}）：`,
    allHeader: (n: number) => `全部问题（${n}）：`,
    noneOpen: '目前没有待回答的问题。发送 /问题 全部 查看以往的问答。',
    noneAtAll: '还没有人提问。提问请发送：/提问 如何设计单元作业？',
    more: (n: number) => `……还有 ${n} 个`,
    listFooter: '发送 /问题 编号 查看回答，/问题 搜索 关键词 查找以往的回答。',
    listUsage: '请这样写：/问题、/问题 全部、/问题 搜索 作业 或 /问题 7',
    searchUsage: '请写上要找的词，例如：/问题 搜索 作业',
    searchNone: (words: string) => `没有找到含「${echo(words)}」的问答。`,
    searchHeader: (words: string, n: number) => `含「${echo(words)}」的问答（${n}）：`,
  },

} as const
