/** The texts of router, help, ping, calendar, startup, platform, codes, longLists, limits, names. */
import { echo, LIMITS, type LimitedField } from '../limits.ts'
import type { Role } from '../roles.ts'
import { LIMITED, ROLE_WHO, type CommandHelp } from './common.ts'

export const systemTexts = {
  router: {
    unknown: (typed: string, suggestion?: string) =>
      suggestion
        ? `没有「/${echo(typed)}」这个命令。您是想用 /${suggestion} 吗？发送 /帮助 查看全部命令。`
        : `没有「/${echo(typed)}」这个命令。发送 /帮助 查看全部命令。`,
    addressed: (bot: string) => `您好，我是${bot}。发送 /帮助 查看我能做什么。`,
    noDistrict:
      '本群还没有绑定学区。首次使用请学区管理员发送 /认领 <认领码>；已有学区的管理员请发送 /绑定 <学区名称>。',
    groupOnly: '请在学区的群里发送这个命令。',
    forbidden: (command: string, role: Role) =>
      `抱歉，/${command} 只有${ROLE_WHO[role]}可以使用。如需权限，请联系学区管理员。`,
    internal: '抱歉，处理这条消息时出错了，请稍后再试。如果一直不行，请联系学区管理员。',
    busy: '系统繁忙，请稍后再试。',
    busyQueued: '系统繁忙，您的消息已收到，正在排队，处理后会回复您。请不要重复发送。',
    noHomeDistrict: '我还不知道您属于哪个学区。请先在学区的群里发一条命令（例如 /活动），之后就可以私聊我了。',
  },

  help: {
    header: (bot: string) => `${bot}可以帮您：`,
    line: (name: string, summary: string) => `/${name} — ${summary}`,
    footer: '发送 /帮助 命令名 查看用法和例子，例如 /帮助 排期',
    sections: {
      signup: '报名', attendance: '签到与学时', activities: '活动', qa: '答疑', workshop: '工作室', profile: '我的资料', schedule: '排期', change: '改期与取消', admin: '学期与设置', other: '其他',
    },
    section: (label: string, names: readonly string[]) => `【${label}】${names.map((n) => `/${n}`).join(' ')}`,
    menuFooter: '看用法和例子：/帮助 报名\n每个命令的说明：/帮助 全部',
    /** who: the command's role first, then each form that needs more (src/core/permissions.ts). */
    detail: (name: string, help: CommandHelp, aliases: readonly string[], who: readonly { usage?: string; role: Role; also?: string }[]) =>
      [
        `/${name} — ${help.summary}`,
        `用法：${help.usage}`,
        `例子：\n${help.examples.join('\n')}`,
        aliases.length ? `也可以写：${aliases.map((a) => `/${a}`).join(' ')}` : '',
        `谁可以用：${ROLE_WHO[who[0]!.role]}`,
        ...who.slice(1).map((w) => `/${w.usage}：${ROLE_WHO[w.role]}${w.also ? `，${w.also}` : ''}`),
      ]
        .filter(Boolean)
        .join('\n'),
    /** After a form's role in 谁可以用, those a form is open to beyond it (handlers/signup-forms.ts). */
    alsoWorkshopMentors: '以及工作室活动的导师',
    alsoThoseWhoRunIt: '以及这项活动的组织者和工作室导师',
    unknownTopic: (typed: string) => `没有「${echo(typed)}」这个命令。发送 /帮助 查看全部命令。`,
  },

  ping: { pong: 'pong' },

  calendar: {
    weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
    year: (y: number) => `${y}年`,
    day: (m: number, d: number) => `${m}月${d}日`,
    dayOfWeek: (day: string, weekday: string) => `${day}(${weekday})`,
    sameMonthRange: (from: string, toDay: number) => `${from}-${toDay}日`,
    range: (from: string, to: string) => `${from}-${to}`,
    span: (from: string, to: string) => `${from}—${to}`,
  },

  startup: {
    database: (kind: 'sqlite' | 'postgres', where: string, migrated: number, processes: number) =>
      `数据库：${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}（${where}）${migrated > 0 ? `，本次启动更新了表结构（${migrated} 项迁移）` : ''}` +
      `${kind === 'postgres' ? `；连着这个库的机器人进程共 ${processes} 个（含本进程）` : ''}。`,
    wechatStandby: (seconds: number) => `微信：这个微信号已由另一个机器人进程登录，本进程待命；那个进程停止后（意外退出时约 ${seconds} 秒后）由本进程接手登录。`,
    wechatTakeover: '微信：本进程接手登录微信。',
    console: (bot: string, district: string) =>
      `${bot}已启动：控制台群（属于「${district}」）。\n直接输入一行即以「我」（管理员）的身份发言；输入「王老师> /活动」以王老师的身份发言。\n发送 /帮助 查看命令，Ctrl+D 退出。`,
    connect: [
      '接入真实的群：',
      '  微信：在 .env 中设置 WECHAT_ENABLED=true（默认 wechaty-puppet-wechat4u，扫码登录），或 WECHATY_PUPPET / WECHATY_PUPPET_SERVICE_TOKEN。',
      '  飞书：在 .env 中设置 LARK_APP_ID 和 LARK_APP_SECRET（默认长连接模式，不需要公网地址）。',
      '  详见 README.md。',
    ].join('\n'),
    live: (name: string, detail: string) => `已接入 ${name}：${detail}`,
    off: (name: string, why: string) => `未接入 ${name}：${why}`,
    failed: (name: string, why: string) => `${name} 启动失败：${why}`,
    consoleOff: '已有平台接入且不在终端中运行（设置 CONSOLE=on 可同时打开）',
    wechatDetail: (puppet: string) => `wechaty（${puppet}），登录会话保存在 data/ 下`,
    wechatOff: '未配置（设置 WECHAT_ENABLED=true，或 WECHATY_PUPPET / WECHATY_PUPPET_SERVICE_TOKEN）',
    larkWs: (domain: string) => `长连接模式（${domain}）`,
    larkWebhook: (port: number, path: string, cardPath: string, domain: string) =>
      `事件回调模式，监听 http://0.0.0.0:${port}${path}，卡片回调 http://0.0.0.0:${port}${cardPath}（${domain}）`,
    larkOff: '未配置（设置 LARK_APP_ID 和 LARK_APP_SECRET）',
    running: '正在运行，按 Ctrl+C 停止。',
    calendar: (url: string, port: number) => `日历订阅：${url}（本机端口 ${port}，发送 /日历 取得地址）`,
    webConsole: (url: string, port: number) => `网页后台：${url}（本机端口 ${port}，私聊机器人发送 /后台 取得登录链接）`,
    configError: (details: string) => `配置有误，请检查 .env：\n${details}`,
    migrating: (count: number) => `正在更新数据库的表结构（${count} 项迁移，首次启动约需 10-20 秒）……`,
    noChannel: 'CONSOLE=off，且没有配置微信或飞书：本进程不收发任何消息（只在数据库里报到）',
    /** The database named by DATABASE_URL cannot be reached: why, and what to check. */
    databaseUnreachable: (where: string, problem: string) => `无法连接数据库 ${where}：${problem}。\n请检查 .env 里的 DATABASE_URL，例如 DATABASE_URL=postgresql://用户:密码@127.0.0.1:5432/库名（密码里的 @ # / 等符号要写成 %40 %23 %2F）。`,
    databaseProblems: {
      refused: '连接被拒绝（数据库服务没有启动，或端口不对）',
      noHost: '找不到这台主机',
      noDatabase: '这个库不存在，请先建库（例如 createdb 库名）',
      auth: '用户名或密码不对',
      badUrl: '地址的格式不对',
      timeout: '连接超时',
    },
    dataFolder: (folder: string, code: string) =>
      `无法在 ${folder} 存放数据库（${({ EACCES: '没有写入权限', EPERM: '没有写入权限', EROFS: '磁盘是只读的', ENOTDIR: '路径中有一段不是文件夹', EEXIST: '同名的文件占了这个位置', ENOENT: '文件夹不存在且无法创建', ENOSPC: '磁盘已满' } as Record<string, string>)[code] ?? code}）。\n请把 DATABASE_URL 改到一个可写的文件夹，例如 DATABASE_URL=file:./data/xuequ.db，或检查这个文件夹的权限。`,
  },

  platform: {
    greeting: (bot: string) =>
      [
        `大家好，我是${bot}，帮学区安排联合教研等活动、发提醒、收报名。`,
        '开始使用：学区管理员发送「/认领 认领码 学区名称」把本群设为学区群，或发送「/绑定 学区名称」加入已有学区。',
        '发送 /帮助 查看全部命令。',
      ].join('\n'),
    wechatScan: (url: string) => `请用学区助手的微信号扫码登录（也可在浏览器打开此链接显示二维码）：\n${url}`,
    /** A Lark member whose name the app may not read (no contact permission). */
    larkUnknownName: (tail: string) => `飞书用户${tail}`,
    /** A card press answered late: taken, its result follows in the chat. */
    cardTaken: '已收到，结果稍后在群里告诉您。',
  },

  codes: {
    slowDown: (minutes: number) => `输错的码太多了，请 ${minutes} 分钟后再试。如果忘了码，请重新取一个。`,
    wrongLog: 'wrong code',
    burntLog: 'code shown in a group: burnt',
  },

  longLists: {
    rosterMore: (n: number, id: number) => `……还有 ${n} 人。完整名单：管理员和组织者可发送 /导出 ${id}`,
    namesAndCount: (names: string, total: number) => `${names} 等 ${total} 人`,
    mentionsCapped: (shown: number, more: number) => `（报名人数较多，只 @ 了前 ${shown} 位；本通知同样适用于其余 ${more} 位。）`,
    promotedCapped: (shown: number, more: number, id: number) =>
      `（人数较多，只 @ 了前 ${shown} 位；其余 ${more} 位请发送 /名单 ${id} 查看自己的名次。）`,
  },

  limits: {
    command: (max: number) => `这条消息太长了（一条命令最多 ${max} 个字），没有处理。请精简后再发，长的内容可以分几次发送，例如：/提问 如何设计单元作业？`,
    mentions: (max: number) => `一条命令最多 @ ${max} 个人，请分几次发送，例如：/报名 12 @李明 @赵丽`,
    people: (max: number) => `一条命令最多写 ${max} 个人，请分几次发送，例如：/结对 3 王佩红 李明 赵丽`,
    tooLong: (field: LimitedField) =>
      `${LIMITED[field].label}太长了（最多 ${LIMITS[field]} 个字），请精简后再发。例如：${LIMITED[field].example}`,
  },
  names: {
    /** The name shown for someone whose platform name is empty or imitates the bot's. */
    placeholder: (tail: string) => `成员${tail}`,
    ownLikeBot: (bot: string) => `不能用和「${bot}」相像的名字登记，以免被当成机器人的消息。请写您的真实姓名，例如：/我是 王芳`,
    otherLikeBot: (bot: string) => `不能用和「${bot}」相像的名字登记别人，请写对方的真实姓名，例如：/报名 12 李明`,
  },
} as const
