/** The texts of commands. */
import { SCHEDULE_EXAMPLES, type CommandHelp } from './common.ts'

export const commandsTexts = {
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

} as const
