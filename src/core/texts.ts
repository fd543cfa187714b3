/**
 * Every sentence a user reads, in Chinese, grouped by command. Code elsewhere
 * passes values in; it never builds a sentence itself.
 */
import { echo, LIMITS, snippet, type LimitedField } from './limits.ts'
import { oneLine } from './visible-text.ts'
import type { Role } from './roles.ts'

export const ROLE_NAMES: Record<Role, string> = {
  admin: '管理员',
  organizer: '组织者',
  mentor: '导师',
  teacher: '老师',
}

/** Who may use a command, for refusals and help. */
export const ROLE_WHO: Record<Role, string> = {
  admin: '学区管理员',
  organizer: '学区管理员和组织者',
  mentor: '学区管理员和导师',
  teacher: '所有老师',
}

export interface CommandHelp {
  summary: string
  usage: string
  examples: string[]
}

/** What each limited field is called in a refusal, and a correct example of it. */
const LIMITED: Record<LimitedField, { label: string; example: string }> = {
  title: { label: '活动名称', example: '/排期 12月3日下午 联合教研' },
  place: { label: '地点', example: '/排期 12月3日下午 联合教研 @育秀实验学校' },
  subject: { label: '学科', example: '/排期 12月3日下午 联合教研 语文，或 /我是 语文' },
  host: { label: '主持人', example: '/排期 12月3日 13:30 名师讲堂 主持 王佩红' },
  whenText: { label: '时间', example: '/改期 12 第5周周三下午' },
  cancelReason: { label: '取消原因', example: '/取消 12 专家临时有事' },
  realName: { label: '姓名', example: '/我是 王芳 育秀实验学校 语文 教龄5' },
  school: { label: '学校名称', example: '/我是 王芳 育秀实验学校 语文 教龄5' },
  personName: { label: '名字', example: '/报名 12 李明 赵丽' },
  districtName: { label: '学区名称', example: '/设置 名称 育秀教育集团' },
  workshopName: { label: '工作室名称', example: '/工作室 创建 初中英语名师工作室 导师 王佩红' },
  semesterName: { label: '学期名称', example: '/学期 2026-09-01 2027-01-22 第一学期' },
  closedDayName: { label: '放假名称', example: '/放假 2027-02-10 至 2027-02-17 寒假' },
  question: { label: '问题', example: '/提问 如何设计单元作业？' },
  answer: { label: '回答', example: '/回答 7 可以先从单元目标出发，设计分层作业' },
  searchWords: { label: '要找的词', example: '/问题 搜索 作业' },
}

const SCHEDULE_EXAMPLES = [
  '/排期 第4周周一下午 主题式联合教研 中小学语文 @育秀实验学校 名额40',
  '/排期 12月3日 13:30-16:00 名师讲堂 @建平实验中学 主持 王佩红',
  '/排期 双周一下午 常态化联合教研 语文',
]

export const texts = {
  commands: {
    help: { summary: '查看命令和用法', usage: '/帮助 [命令]', examples: ['/帮助', '/帮助 排期'] },
    ping: { summary: '看看我在不在', usage: '/ping', examples: ['/ping'] },
    claim: {
      summary: '首次使用：用认领码把本群设为新学区，发送者成为管理员',
      usage: '/认领 <认领码> [学区名称]',
      examples: ['/认领 K7P2-9QXM 育秀教育集团'],
    },
    bind: {
      summary: '把本群绑定到已有的学区（用群绑定码可跨微信、飞书）；私聊我发个人绑定码，合并您两个平台的账号',
      usage: '/绑定 <学区名称或群绑定码>（在群里），/绑定 <个人绑定码>（私聊）',
      examples: ['/绑定 育秀教育集团', '/绑定 K7P2-9QXM', '/绑定 4821-0937'],
    },
    bindCode: {
      summary: '私聊我：取个人绑定码，把您的微信和飞书账号合为一人；管理员私聊我发 /绑定码 群：取群绑定码，把另一个群加入学区',
      usage: '/绑定码，或 /绑定码 群（管理员）',
      examples: ['/绑定码', '/绑定码 群'],
    },
    unbind: {
      summary: '把一个群移出学区（管理员）',
      usage: '/解绑（在该群里），或私聊 /解绑 <群编号>',
      examples: ['/解绑', '/解绑 12'],
    },
    confirm: {
      summary: '确认：私聊里完成账号合并；管理员确认同名新账号就是登记的老师',
      usage: '/确认，或 /确认 <名字>，或 /确认 @某人',
      examples: ['/确认', '/确认 王佩红', '/确认 @王佩红'],
    },
    grant: {
      summary: '授予角色：管理员、组织者、导师',
      usage: '/授权 <名字或@某人> 管理员|组织者|导师',
      examples: ['/授权 王佩红 导师', '/授权 @李明 组织者'],
    },
    revoke: {
      summary: '撤销角色',
      usage: '/撤销 <名字或@某人> [管理员|组织者|导师]',
      examples: ['/撤销 李明 组织者'],
    },
    semester: {
      summary: '查看今天是第几周；管理员可设置学期',
      usage: '/学期 [开始日期 结束日期 学期名称]',
      examples: ['/学期', '/学期 2026-09-01 2027-01-22 第一学期'],
    },
    closedDay: {
      summary: '登记学区放假或停课的日子，期间的活动自动暂停',
      usage: '/放假 <日期> [至 日期] [名称]',
      examples: ['/放假 2027-01-01 元旦', '/放假 2027-02-10 至 2027-02-17 寒假', '/放假'],
    },
    settings: {
      summary: '设置活动的报名规则（截止、教龄、学科、学校、仅徒弟、名额）；管理员还可设置学区默认时间和名称',
      usage: '/设置 <活动编号> <规则…>，或 /设置 上午|下午|晚上 <时:分>，或 /设置 名称 <学区名称>',
      examples: ['/设置 12 截止 12月1日 教龄1-8', '/设置 12 名额50 仅徒弟', '/设置 12 不限', '/设置 下午 14:00'],
    },
    schedule: {
      summary: '安排一项活动',
      usage: '/排期 <时间> <活动名称> [学科] [@地点或学校] [名额N] [主持 名字]',
      examples: SCHEDULE_EXAMPLES,
    },
    activities: {
      summary: '查看即将进行的活动；加编号看详情',
      usage: '/活动 [编号]',
      examples: ['/活动', '/活动 12'],
    },
    thisWeek: { summary: '本周的活动', usage: '/本周', examples: ['/本周'] },
    nextWeek: { summary: '下周的活动', usage: '/下周', examples: ['/下周'] },
    reschedule: {
      summary: '改期',
      usage: '/改期 <编号> <新时间>',
      examples: ['/改期 12 第5周周三下午', '/改期 12 12月10日 14:00-16:00'],
    },
    cancel: { summary: '取消活动', usage: '/取消 <编号> [原因]', examples: ['/取消 12 专家临时有事'] },
    signup: {
      summary: '报名参加活动；组织者可代报名',
      usage: '/报名 <活动编号> [代报名的名字…]，或回复活动通知「报名」',
      examples: ['/报名 12', '报名 12', '/报名 12 李明 赵丽'],
    },
    withdraw: { summary: '取消报名，名额自动递补给候补', usage: '/取消报名 <活动编号> [名字]', examples: ['/取消报名 12'] },
    roster: { summary: '查看报名名单（管理员和组织者看全部，其他老师看人数和自己的名次）', usage: '/名单 <活动编号>', examples: ['/名单 12'] },
    profile: {
      summary: '登记个人资料：姓名、学校、学科、教龄',
      usage: '/我是 <姓名> <学校> <学科> 教龄<年数>',
      examples: ['/我是 王芳 育秀实验学校 语文 教龄5', '/我是 教龄6'],
    },
    mine: { summary: '查看我的资料、报名和提问', usage: '/我的', examples: ['/我的'] },
    ask: {
      summary: '向工作室导师提问（私聊我提问默认不公开，只有导师和管理员能看到；写「公开」则群里也能看到）',
      usage: '/提问 [工作室编号] [公开] <问题>',
      examples: ['/提问 如何设计单元作业？', '/提问 工作室3 作文讲评课怎么上？', '/提问 公开 作业怎么分层？'],
    },
    askAnonymously: {
      summary: '匿名提问（只有管理员在私聊里能看到提问人；私聊我提问更隐秘）',
      usage: '/匿名提问 [工作室编号] [公开] <问题>',
      examples: ['/匿名提问 班里有学生长期不交作业怎么办？'],
    },
    questions: {
      summary: '查看待回答的问题；全部、搜索以往的回答',
      usage: '/问题 [全部 | 搜索 关键词 | 问题编号]',
      examples: ['/问题', '/问题 全部', '/问题 搜索 作业', '/问题 7'],
    },
    answer: { summary: '回答问题（导师、管理员）', usage: '/回答 <问题编号> <回答>', examples: ['/回答 7 可以先从单元目标出发，设计分层作业……'] },
    workshop: {
      summary: '名师工作室：列表、详情；管理员可创建',
      usage: '/工作室 [编号]，或 /工作室 创建 <名称> 导师 <名字…>',
      examples: ['/工作室', '/工作室 3', '/工作室 创建 初中英语名师工作室 导师 王佩红 曹益君'],
    },
    apply: { summary: '申请拜师，成为工作室的徒弟', usage: '/拜师 <工作室编号> [导师名字]', examples: ['/拜师 3', '/拜师 3 王佩红'] },
    approve: {
      summary: '通过拜师申请（工作室导师、管理员）',
      usage: '/通过 <工作室编号> <徒弟名字> [导师名字]',
      examples: ['/通过 3 李明'],
    },
    importData: {
      summary: '导入行事历：先把 Word/Excel 文件发给我，再发送 /导入 预览，/导入 确认 保存',
      usage: '/导入 [确认]',
      examples: ['/导入', '/导入 确认'],
    },
    exportData: {
      summary: '导出学期档案 Excel（活动、报名名单、签到表、答疑、师徒结对、统计），发到您的私聊',
      usage: '/导出 [活动编号]',
      examples: ['/导出', '/导出 12'],
    },
    calendar: {
      summary: '日历订阅地址：私聊我得到个人日历，在学区群里得到学区日历',
      usage: '/日历 [重置]',
      examples: ['/日历', '/日历 重置'],
    },
    reminders: {
      summary: '查看本群的自动提醒设置；管理员可修改周报时间、提前提醒、免打扰',
      usage: '/提醒 [周报 周日 19:00 | 提前 1天 2小时 15分钟 | 关闭 周报 | 开启 提前 | 免打扰 22:00-07:00]',
      examples: ['/提醒', '/提醒 周报 周日 19:00', '/提醒 提前 1天 1小时', '/提醒 关闭 周报', '/提醒 免打扰 22:00-07:00'],
    },
    pair: {
      summary: '直接指定师徒结对（工作室导师、管理员）',
      usage: '/结对 <工作室编号> <导师> <徒弟…>',
      examples: ['/结对 3 王佩红 李明'],
    },
  } satisfies Record<string, CommandHelp>,

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
    detail: (name: string, help: CommandHelp, aliases: readonly string[], role: Role) =>
      [
        `/${name} — ${help.summary}`,
        `用法：${help.usage}`,
        `例子：\n${help.examples.join('\n')}`,
        aliases.length ? `也可以写：${aliases.map((a) => `/${a}`).join(' ')}` : '',
        `谁可以用：${ROLE_WHO[role]}`,
      ]
        .filter(Boolean)
        .join('\n'),
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
  },

  startup: {
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
    configError: (details: string) => `配置有误，请检查 .env：\n${details}`,
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

  claim: {
    usage: '请附上认领码，例如：/认领 K7P2-9QXM 育秀教育集团',
    invalid: '认领码不对或已经用过了。请核对启动时打印的认领码；需要新的认领码请联系部署人员。',
    alreadyBound: (district: string) => `本群已经属于「${district}」，不需要再认领。`,
    nameTaken: (name: string) => `已经有名为「${echo(name)}」的学区了，请换一个名称。`,
    defaultName: '我的学区',
    done: (district: string, admin: string) =>
      `认领成功！本群已成为「${district}」的学区群，${admin} 是学区管理员。\n下一步：发送 /学期 2026-09-01 2027-01-22 第一学期 设置学期，然后用 /排期 安排活动。`,
    printed: (code: string) =>
      `认领码：${code}\n在学区的微信群或飞书群里发送「/认领 ${code} 学区名称」，该群即成为学区群，发送者成为学区管理员。此码只能用一次。`,
  },

  bind: {
    usage: '请写上学区名称或绑定码，例如：/绑定 育秀教育集团，或 /绑定 K7P2-9QXM',
    notFound: (name: string) => `没有找到名为「${echo(name)}」的学区，或您不是它的管理员。`,
    already: (district: string) => `本群已经绑定到「${district}」。`,
    alreadyBurnt: (district: string) => `本群已经绑定到「${district}」。这个绑定码已在群里公开，已作废。`,
    otherDistrictBurnt: (district: string) => `本群已绑定到「${district}」，改绑需由该学区的管理员操作。这个绑定码已在群里公开，已作废。`,
    otherDistrict: (district: string) => `本群已绑定到「${district}」。如需改绑，需由该学区的管理员操作。`,
    done: (district: string) => `已将本群绑定到「${district}」。学区的活动和提醒会同步到本群。`,
    badCode: '绑定码不对、已用过或已过期。请学区管理员私聊我发送 /绑定码 群 取一个新的，再在要加入的群里发送，例如：/绑定 K7P2-9QXM',
    doneByCode: (district: string) => `已将本群绑定到「${district}」。学区的活动和提醒会同步到本群。`,
    /** Binding with a code brings no role with it. */
    noRoleHere: (name: string) =>
      `（绑定群不带任何角色：${name} 在这个平台的账号还不是管理员。需要的话，请私聊我发送 /绑定码，把两个平台的账号合并为一人。）`,
    codeIssued: (code: string, district: string, hours: number) =>
      `「${district}」的群绑定码：${code}（${hours}小时内有效，只能用一次）\n在要加入学区的另一个群（微信群或飞书群）里发送：/绑定 ${code}\n绑定只把群加入学区，不授予任何角色；有人使用后我会私聊告诉您。`,
    codeSentDirect: '群绑定码已私聊发给您（绑定码只私聊发送，不发在群里）。',
    needDirect: (bot: string) =>
      `为了安全，群绑定码只私聊发送。请先私聊我（搜索「${bot}」发一条消息），再发送 /绑定码 群。`,
    codeInDirect: '群绑定码要在要加入学区的那个群里发送，例如：/绑定 K7P2-9QXM',
    notAdmin: '只有学区管理员可以取群绑定码。您个人的账号绑定码请发送 /绑定码。',
    codeUsed: (code: string, district: string, group: string, platform: string, name: string, groupId: number) =>
      `您的群绑定码 ${code} 已被 ${name} 使用：${platform}群「${group}」已加入「${district}」。\n如果不是您安排的，请发送 /解绑 ${groupId} 把它移出学区。`,
    unbindUsage: '请这样写：/解绑（在要移出学区的群里），或私聊我发送 /解绑 群编号，例如：/解绑 12',
    unbindNotFound: (id: string) => `本学区没有编号为 ${id} 的群。`,
    unbound: (title: string, district: string) => `已将「${title}」移出「${district}」，它不再收到学区的活动和提醒。`,
    unboundHere: (district: string) => `本群已移出「${district}」，不再收到学区的活动和提醒。`,
  },

  roles: {
    usage: '请这样写：/授权 王佩红 导师（可选角色：管理员、组织者、导师）',
    revokeUsage: '请这样写：/撤销 王佩红 导师',
    badRole: (word: string) => `「${echo(word)}」不是可以授予的角色。可选：管理员、组织者、导师。例如：/授权 王佩红 导师`,
    notFound: (name: string) =>
      `本学区还没有「${echo(name)}」的记录。请对方先在学区群里发一条消息，或者直接 @ 对方。`,
    ambiguous: (name: string, count: number) => `本学区有 ${count} 位「${echo(name)}」，请直接 @ 要授权的那一位。`,
    granted: (name: string, role: Role) => `已授予 ${name}「${ROLE_NAMES[role]}」角色。`,
    alreadyHeld: (name: string, role: Role) => `${name} 已经是${ROLE_NAMES[role]}。`,
    revoked: (name: string, roles: Role[]) => `已撤销 ${name} 的${roles.map((r) => `「${ROLE_NAMES[r]}」`).join('')}角色。`,
    notHeld: (name: string) => `${name} 没有可撤销的角色。`,
    lastAdmin: '不能撤销最后一位管理员：请先授予另一位老师管理员角色。',
    senior: (name: string) =>
      `${name} 成为管理员比您早，不能由您撤销。可以请 TA 本人发送 /撤销 ${name} 管理员，或请更早的管理员操作。`,
    needMention: (name: string, role: Role) =>
      `「${name}」已经在群里发过言。名字可以被别人改成一样的，授予角色请在群里直接 @ TA：/授权 @${name} ${ROLE_NAMES[role]}`,
    grantedAccount: (name: string, role: Role, where: string) => `已授予 ${name}（${where}）「${ROLE_NAMES[role]}」角色。`,
  },

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
    none: '本学区还没有登记放假日。法定节假日会自动识别。',
    list: (lines: string[]) => `本学区登记的放假日：\n${lines.join('\n')}`,
    defaultName: '放假',
  },

  settings: {
    usage: '请这样写：/设置 下午 14:00，或 /设置 名称 育秀教育集团',
    badClock: (text: string) => `「${echo(text)}」不是有效的时间，请写成 14:00 这样。`,
    partSaved: (part: string, time: string) => `已设置：只写「${part}」的活动默认 ${time} 开始。`,
    nameSaved: (name: string) => `学区名称已改为「${name}」。`,
  },

  schedule: {
    unreadable: (part: string) =>
      `没看懂时间「${echo(part)}」。可以这样写：\n${SCHEDULE_EXAMPLES[0]}\n/排期 12月3日下午 联合教研`,
    noWhen:
      `请写上活动时间，例如：\n${SCHEDULE_EXAMPLES[0]}\n/排期 12月3日下午 联合教研`,
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
    badTimeRange: '结束时间要晚于开始时间，例如：/排期 12月3日 13:30-16:00 联合教研',
    noOccurrence: '在这段时间里没有符合的日子，请检查时间。例如：/排期 每周三 15:30 至 2027-01-15 联合教研',
    tooMany: (max: number) => `一次最多安排 ${max} 次例行活动，请缩短时间范围。`,
    created: (id: number, title: string) => `已安排 #${id}「${title}」`,
    pending: (label: string, range: string, id: number) =>
      `时间：${label}（${range}），具体日期待定。定下来后请发送 /改期 ${id} <日期和时间>`,
    repeats: (count: number, first: string, last: string) => `共 ${count} 次：${first} 起，至 ${last}`,
    skipped: (list: string) => `以下日子是假日，活动暂停：${list}`,
    onHoliday: (name: string) => `注意：这一天是${name}假期。`,
    noClock: '未写具体时刻，需要时可用 /改期 补上。',
    makeUpDay: (date: string, name: string) => `提醒：${date}是${name}调休上班日。`,
  },

  activity: {
    idUsage: (command: string, example: string) => `请写上活动编号，例如：/${command} ${example}`,
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
    place: (place: string) => `地点：${place}`,
    subject: (subject: string) => `学科：${subject}`,
    capacity: (n: number) => `名额：${n}`,
    host: (name: string) => `主持：${name}`,
    organizer: (name: string) => `组织者：${name}`,
    cancelledStatus: '状态：已取消',
    reason: (text: string) => `取消原因：${text}`,
    next: (list: string) => `接下来：${list}`,
    pendingWhen: (label: string, range: string) => `${label}（${range}，日期待定）`,
    everyWeek: (weekday: string) => `每${weekday}`,
    evenWeeks: (weekday: string) => `双周${weekday}`,
    oddWeeks: (weekday: string) => `单周${weekday}`,
    everyOtherWeek: (weekday: string) => `隔周${weekday}`,
    monthlyNth: (nth: number, weekday: string) => (nth === -1 ? `每月最后一个${weekday}` : `每月第${nth}个${weekday}`),
    monthlyDay: (day: number) => `每月${day}日`,
    paused: (name: string) => `（${name}，暂停）`,
  },

  list: {
    empty: '近期没有安排活动。管理员或组织者可以用 /排期 安排，例如：/排期 第4周周一下午 联合教研',
    emptyWeek: (label: string) => `${label}没有安排活动。`,
    weekHeader: (label: string, range: string) => (label ? `【${label}】${range}` : `【${range}】`),
    thisWeek: (week?: number) => (week ? `本周(第${week}周)` : '本周'),
    nextWeek: (week?: number) => (week ? `下周(第${week}周)` : '下周'),
    laterWeek: (week?: number) => (week ? `第${week}周` : ''),
    semesterWeek: (n: number) => `(第${n}周)`,
    pendingHeader: '【日期待定】',
    more: (count: number) => `……还有 ${count} 项，发送 /活动 编号 查看详情。`,
  },
  signup: {
    howTo: (id: number) => `报名：回复本条消息「报名」，或发送 /报名 ${id}`,
    buttonJoin: '报名',
    buttonLeave: '取消报名',
    countLine: (confirmed: number, capacity: number | null, waiting: number) =>
      `已报名 ${confirmed}${capacity !== null ? `/${capacity}` : ' 人'}${waiting > 0 ? `，候补 ${waiting} 人` : ''}`,
    confirmed: (name: string, id: number, title: string, position: number, left: number | null) =>
      `${name} 报名成功：#${id}「${title}」，第 ${position} 位${left !== null ? `（还剩 ${left} 个名额）` : ''}。`,
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
    onlyOrganizers: '只有学区管理员和组织者可以替别人报名或取消。为自己报名请发送 /报名 12',
    onlyItsOrganizers: '只有学区管理员、这项活动的组织者和工作室导师可以取消别人的报名。取消自己的报名请发送 /取消报名 12',
    tooManyNames: (max: number) => `一次最多代报 ${max} 人，请分几次发送。`,
    withdrawn: (name: string, id: number, title: string) => `已取消 ${name} 的报名：#${id}「${title}」。`,
    notSignedUp: (id: number) => `您没有报名 #${id}，不需要取消。查看自己的报名请发送 /我的`,
    otherNotSignedUp: (name: string, id: number) => `${name} 没有报名 #${id}。没有取消任何人的报名。`,
    notFoundPerson: (name: string) => `本学区没有找到「${echo(name)}」。没有取消任何人的报名。`,
    promoted: (names: string, id: number, title: string, when: string) =>
      `名额空出，候补的 ${names} 已递补为正式名额：#${id}「${title}」，${when}。请准时参加；不能参加请发送 /取消报名 ${id}`,
    activityCancelled: (id: number) => `#${id} 已经取消，不能报名。发送 /活动 查看其他活动。`,
    over: (id: number) => `#${id} 已经开始或结束，不能再报名了。发送 /活动 查看近期活动。`,
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
    needSubject: (subject: string) => `此活动限${subject}老师，请先发送 /我是 登记学科，例如：/我是 王芳 育秀实验学校 语文 教龄5`,
    subject: (subject: string, has: string) => `此活动限${subject}老师，您登记的学科是${has}。`,
    needSchool: (school: string) => `此活动限${school}的老师，请先发送 /我是 登记学校，例如：/我是 王芳 育秀实验学校 语文 教龄5`,
    school: (school: string, has: string) => `此活动限${school}的老师，您登记的学校是${has}。`,
    menteesOnly: '此活动只限工作室的徒弟报名。申请拜师请发送 /拜师 工作室编号，发送 /工作室 查看编号。',
    badDeadline: (text: string) => `没看懂报名截止时间「${echo(text)}」，请写成：截止 12月1日，或 截止 12月1日 17:00`,
    badYears: (text: string) => `没看懂「${echo(text)}」，教龄范围请写成：教龄1-8、教龄9年以上 或 教龄5年以下`,
    settingsUsage: (id: number) =>
      `请写上要设置的内容，例如：\n/设置 ${id} 截止 12月1日\n/设置 ${id} 教龄1-8 限语文\n/设置 ${id} 名额50 仅徒弟\n/设置 ${id} 不限（取消全部报名限制）`,
    unknownSetting: (word: string, id: number) =>
      `没看懂「${echo(word)}」。可以设置：截止 日期、教龄1-8、限语文、限育秀实验学校、仅徒弟、名额N、@地点、工作室3、提前公示1周，例如：/设置 ${id} 截止 12月1日 教龄1-8`,
    updated: (id: number, title: string) => `已更新 #${id}「${title}」`,
    overCapacity: (n: number) => `注意：已有 ${n} 人报名，超过新名额；已报名的老师保留名额。`,
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
    noSignups: '近期没有报名的活动。',
    signupsHeader: (n: number) => `我的报名（${n}）：`,
    datePending: '日期待定',
    questionsHeader: '我的提问：',
  },

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
      `已收到问题 #${id}${workshop ? `（${workshop}）` : ''}，导师回答后会在这里通知您。`,
    recordedPrivately: (id: number, workshop?: string) =>
      `已收到问题 #${id}${workshop ? `（${workshop}）` : ''}。这个问题不公开：只有您、导师和管理员能看到，不会出现在群里；导师回答后会在这里通知您。想让学区的群里也看到，提问时在问题前写「公开」，例如：/提问 公开 如何设计单元作业？`,
    recordedShared: (id: number, workshop?: string) =>
      `已收到问题 #${id}${workshop ? `（${workshop}）` : ''}，已公开：学区的群里也能看到这个问题和提问人（问题列表、周报）。导师回答后会在这里通知您。不想公开时，提问时不写「公开」，例如：/提问 如何设计单元作业？`,
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

  link: {
    codeIssued: (code: string, minutes: number) =>
      `您个人的账号绑定码：${code}（${minutes}分钟内有效，只能用一次）\n请用您在另一个平台（微信或飞书）的账号私聊我发送：/绑定 ${code}\n确认后两个账号合并为同一人。只在自己的两个账号之间使用，不要发给别人。`,
    useDirect: '请私聊我发送 /绑定码，取您个人的账号绑定码。（把另一个群加入学区，需要学区管理员私聊我发送 /绑定码 群）',
    directOnly: '个人账号绑定码只能私聊我使用。这个码已在群里公开，已作废；请私聊我发送 /绑定码 重新取一个。',
    samePlatform: (platform: string) => `两个账号都在${platform}上。个人绑定码用来把您在微信和飞书的账号合为一人，同一个平台的两个账号不能合并。`,
    badCode: '绑定码不对、已用过或已过期。请在另一个平台私聊我发送 /绑定码 取一个新的，例如：/绑定 4821-0937',
    same: '这个绑定码就是您自己这个账号取的。请用另一个平台（微信或飞书）的账号私聊我发送 /绑定 绑定码。',
    platformName: (platform: string) => ({ wechat: '微信', lark: '飞书', console: '控制台' })[platform] ?? platform,
    account: (platform: string, name: string) => `${platform}「${name}」`,
    confirmAsk: (issuer: string, mine: string, minutes: number, warning: string) =>
      `将把这两个账号合并为同一人：\n· ${issuer}（取绑定码的账号）\n· ${mine}（您现在用的账号）\n合并后，两边的报名、提问${warning}都归同一人。只有两个账号都是您本人时才确认：${minutes}分钟内发送 /确认`,
    rolesWarning: (roles: string) => `和角色（${roles}）`,
    waitIssuer: (issuer: string) => `已确认。还需要在取码的账号 ${issuer} 上私聊我发送 /确认，合并才会完成。`,
    askIssuer: (other: string, roles: string, minutes: number) =>
      `${other} 用您取的绑定码，请求与您这个账号合并为同一人。合并后，您的报名、提问、个人资料${roles}都归那个账号所有。只有那个账号也是您本人时才确认：${minutes}分钟内发送 /确认；不是的话不用理会。`,
    issuerUnreachable: '还需要在取码的账号上确认，但它还没有私聊过我。请先用那个账号私聊我发一条消息，再重新取绑定码。',
    done: (name: string, platforms: string) => `绑定成功！${name} 在${platforms}的账号已合并为同一人，报名、提问和角色都已合并。`,
  },

  claims: {
    where: (platform: string, group: string | null) => (group ? `${platform}，在「${group}」` : platform),
    offeredToAdmins: (name: string, where: string, placeholder: string) =>
      `新账号「${name}」（${where}）第一次出现，名字与本学区登记的「${placeholder}」相同，而「${placeholder}」带有角色或工作室身份。\n是本人的话，请发送 /确认 ${placeholder}（同名的人不止一个时，在群里发送 /确认 @${name}）。不是的话不用理会，TA 不会得到这个身份。`,
    offeredToClaimant: (name: string) =>
      `（「${name}」这个名字在本学区有登记的角色或工作室身份；学区管理员确认是您本人后，您的账号才会得到它。）`,
    takenToAdmins: (name: string, where: string, placeholder: string) =>
      `新账号「${name}」（${where}）第一次发言，已按名字认作之前登记的「${placeholder}」（代报名等）。如果不是同一人，请告诉相关老师。`,
    usage: '请这样写：/确认 王佩红（管理员确认同名新账号就是登记的那位老师），或在群里 /确认 @王佩红。私聊里发送 /确认 完成账号合并。',
    nothing: '没有等您确认的事。',
    none: (name: string) => `没有等待确认的「${echo(name)}」。如果本人已经在群里，请在群里 @ TA：/确认 @${echo(name)}`,
    ambiguous: (name: string, n: number) => `有 ${n} 个新账号都叫「${echo(name)}」。请在群里 @ 本人确认：/确认 @${echo(name)}`,
    noPlaceholder: (name: string) => `本学区没有登记过、还没有账号的「${echo(name)}」。`,
    confirmed: (name: string, platform: string) => `已确认：${platform}账号「${name}」就是登记的「${name}」，TA 的角色、工作室和报名都已归到这个账号。`,
    listHeader: '等待管理员确认的同名新账号：',
    listLine: (name: string) => `· ${name} → 发送 /确认 ${name}`,
  },

  /** npm run confirm (the operator's /确认). */
  confirmCli: {
    usage: '用法：npm run confirm -- --district 学区名称 [--name 名字]',
    noDistrict: (name: string) => `没有名为「${name}」的学区。`,
    waiting: '等待确认的同名新账号：',
    line: (name: string) => `· ${name} → npm run confirm -- --district 学区名称 --name ${name}`,
    none: '没有等待确认的账号。',
    noneNamed: (name: string) => `没有等待确认的「${name}」。`,
    ambiguous: (name: string, n: number) => `有 ${n} 个新账号都叫「${name}」，请让学区管理员在群里 @ 本人确认：/确认 @${name}`,
    confirmed: (name: string) => `已确认：新账号就是登记的「${name}」，TA 的角色、工作室和记录都已归到这个账号。`,
  },

  codes: {
    slowDown: (minutes: number) => `输错的码太多了，请 ${minutes} 分钟后再试。如果忘了码，请重新取一个。`,
    wrongLog: 'wrong code',
    burntLog: 'code shown in a group: burnt',
  },

  reminders: {
    digestTitle: (label: string, range: string) => `【${label}学区活动】${range}`,
    paused: (date: string, reason: string, title: string) => `${date} ${reason}${/假$/.test(reason) ? '' : '放假'}，${title}暂停`,
    placesLeft: (left: number | null) => (left === null ? '' : left > 0 ? ` · 还剩${left}个名额` : ' · 名额已满（可候补）'),
    howToSignUp: '报名：发送 /报名 编号（例如 /报名 12），发送 /活动 编号 查看详情。',
    noticeHeader: '【提前公示】',
    moreThisWeek: (n: number) => `……还有 ${n} 项，发送 /本周 查看全部。`,
    openQuestions: (n: number, list: string[]) => `【待回答的问题】${n} 个：${list.join('；')} — 发送 /问题 查看`,
    tomorrow: '明天',
    dayAfter: '后天',
    inDays: (n: number) => `${n}天后`,
    onDay: (word: string, when: string) => `${word} ${when}`,
    inMinutes: (time: string, minutes: number) =>
      `${time} 开始（还有${minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`}）`,
    before: (id: number, title: string, when: string, place: string | null) =>
      `【活动提醒】#${id}「${title}」${when}${place ? `，地点：${place}` : ''}。`,
    signedUp: (n: number, id: number) => `已报名 ${n} 人，请准时参加；不能参加请发送 /取消报名 ${id}`,
    noneSignedUp: (id: number) => `还可以报名：发送 /报名 ${id}`,
    mentorQuestions: (list: string[]) => `请导师留意工作室待回答的问题：\n${list.join('\n')}`,
    listTitle: (id: number, title: string, when: string) => `【报名名单】#${id}「${title}」${when}`,
    settings: (lines: string[]) => `本群的自动提醒：\n${lines.join('\n')}`,
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
  export: {
    sheets: { activities: '活动', signups: '报名名单', signIn: '签到', questions: '答疑', pairs: '师徒结对', stats: '统计' },
    activityId: '活动编号',
    title: '活动名称',
    subject: '学科',
    place: '地点',
    start: '开始时间',
    end: '结束时间',
    whenText: '排期写法',
    organizer: '组织者',
    host: '主持',
    workshop: '工作室',
    capacity: '名额',
    confirmed: '已报名',
    waiting: '候补',
    status: '状态',
    scheduled: '已安排',
    cancelled: '已取消',
    pending: '日期待定',
    paused: (reason: string) => `暂停（${reason}）`,
    number: '序号',
    name: '姓名',
    school: '学校',
    signupStatus: '报名状态',
    signupStatuses: { confirmed: '已报名', waiting: '候补', cancelled: '已取消' },
    signedUpAt: '报名时间',
    by: '代报名人',
    signature: '签到（签名）',
    signInTitle: (id: number, title: string) => `#${id}「${title}」签到表`,
    signInWhen: (when: string, place: string) => `时间：${when}${place ? `    地点：${place}` : ''}`,
    questionId: '问题编号',
    asker: '提问人',
    anonymous: '匿名',
    yes: '是',
    question: '问题',
    askedAt: '提问时间',
    answerer: '回答人',
    answer: '回答',
    answeredAt: '回答时间',
    mentor: '导师',
    mentee: '徒弟',
    pairStatus: '状态',
    approved: '已结对',
    applied: '待审核',
    pairedAt: '日期',
    statsWho: '学校/教师',
    organized: '组织活动',
    attended: '参加人次',
    asked: '提问',
    answered: '回答',
    bySchool: '【按学校】',
    byTeacher: '【按教师】',
    noSchool: '（未登记学校）',
    fileName: (district: string, label: string) => `${district}-${label}-档案.xlsx`,
    activityFileName: (id: number, title: string) => `#${id}-${title}-名单.xlsx`,
    allTerms: '全部',
    sent: (file: string) => `已把「${file}」发到您的私聊，请查收。`,
    sentHere: (file: string) => `档案「${file}」：`,
    savedConsole: (path: string) => `档案已保存：${path}`,
    directOnly: '导出的档案含个人信息，只发到私聊：请先私聊我发送任意一条消息（例如 /ping），再在群里发送 /导出。',
    onlyOwn: '组织者只能导出自己组织的活动，例如：/导出 12',
    nothing: '没有可导出的活动。',
    termNotFound: (name: string) => `没有找到学期「${echo(name)}」。发送 /学期 查看已设置的学期。`,
  },
  importing: {
    usage: '用法：npm run import -- <行事历文件.docx|.xlsx|.csv|.txt> --district 学区名称 [--yes]',
    noDistrict: (name: string) => `没有名为「${name}」的学区。`,
    noSemester: '这个学区还没有设置学期。请先在群里发送 /学期 2026-09-01 2027-01-22 第一学期，再导入行事历。',
    header: (file: string, district: string, reference: string) => `行事历「${file}」→「${district}」（按 ${reference} 开始的学年读取）`,
    willCreate: (n: number) => `将创建 ${n} 项活动：`,
    created: (n: number) => `已创建 ${n} 项活动：`,
    item: (line: number, title: string, extras: string, when: string) => `  第${line}行 → ${title}${extras}，${when}`,
    pendingWhen: (range: string) => `${range}（日期待定）`,
    datedWhen: (first: string, count: number) => (count > 1 ? `${first} 起共 ${count} 次` : first),
    existing: (n: number) => `已导入过、跳过 ${n} 项（重复导入不会产生重复活动）。`,
    unreadable: (n: number) => `无法读取 ${n} 行：`,
    unreadableLine: (line: number, text: string, reason: string) => `  第${line}行「${snippet(text, 40)}」：${reason}`,
    noTime: '没有时间，也不在某个月份下面',
    noTitle: '只有学校、学科或时间，没有活动名称',
    badTime: (part: string) => `没看懂时间「${echo(part)}」`,
    confirm: '以上只是预览，还没有保存。确认无误后加上 --yes 再运行一次。',
    summary: (created: number, skipped: number, unreadable: number) => `完成：创建 ${created} 项，跳过 ${skipped} 项（已存在），无法读取 ${unreadable} 行。`,
    progress: '导入中',
    received: (name: string) => `收到「${name}」。发送 /导入 预览将要创建的活动，确认后发送 /导入 确认。`,
    tooBig: '文件太大了（最多 5 MB）。请只保留行事历部分再发送。',
    unreadableFile: (name: string, why: string) =>
      `读不了「${name}」：${why}。请只保留行事历部分，另存为新的 Word（.docx）或 Excel（.xlsx）文件，或复制成文本（.txt）后再发送。`,
    problems: {
      tooBig: (mb: number) => `文件超过 ${mb} MB`,
      corrupt: '文件已损坏，或不是真正的 Word（.docx）、Excel（.xlsx）或 CSV 文件',
      tooManyEntries: (max: number) => `文件里的部件太多（最多 ${max} 个）`,
      unzippedTooBig: (mb: number) => `解压后超过 ${mb} MB`,
      tooManyElements: (max: number) => `Word 文档的排版太复杂（超过 ${max} 个排版元素）`,
      tooManyLines: (max: number) => `有内容的行超过 ${max} 行`,
      tooManyRows: (max: number) => `行数（含空行）超过 ${max} 行`,
      outOfMemory: (mb: number) => `内容太复杂，读取时要用的内存超过 ${mb} MB`,
      tooSlow: (seconds: number) => `读了 ${seconds} 秒还没有读完`,
      failed: '读取时出错',
    },
    tooLong: (what: 'line' | 'title' | 'place' | 'subject', max: number) =>
      `${{ line: '这一行', title: '活动名称', place: '地点', subject: '学科' }[what]}超过 ${max} 字`,
    noFile: '请先把行事历文件（Word、Excel、CSV 或文本）发给我，再发送 /导入。',
    previewFooter: (n: number) => (n > 0 ? `以上只是预览，还没有保存。确认无误请发送：/导入 确认` : '没有可以创建的活动。'),
    more: (n: number) => `  ……还有 ${n} 项`,
    chatUsage: '请这样写：/导入（预览），或 /导入 确认（保存）',
    tooMany: (n: number, max: number) => `这个文件有 ${n} 项活动，一次最多导入 ${max} 项。请把行事历分成几个文件分别导入。`,
  },

  /** Lists too long for one chat message: the first ones, then how many more. */
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

export type Texts = typeof texts
