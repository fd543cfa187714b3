/** The web console (/后台): the command's answers, and the words every page shares. */
export const webTexts = {
  web: {
    // /后台 in chat
    /** `who`: staff are told nothing more; a teacher what their own page shows; a mentor also 工作室与答疑. */
    link: (url: string, minutes: number, hours: number, who: 'staff' | 'mentor' | 'teacher') =>
      `网页后台登录链接（${minutes}分钟内有效，只能用一次，请勿转发）：\n${url}\n在电脑或手机浏览器打开，保持登录${hours}小时。${
        who === 'staff' ? '' : `\n您可以查看自己的报名、出席和学时${who === 'mentor' ? '，并在「工作室与答疑」查看您的工作室、回答老师们的问题' : ''}。`
      }`,
    directOnly: '登录链接只发私聊：请私聊我发送 /后台。',
    notServed: '网页后台还没有开启：请部署人员在 .env 中设置 PUBLIC_URL（机器人对外的网址，例如 https://bot.example.cn），重启后再发送 /后台。',
    endedAll: (sessions: number, links: number) => {
      const voided = links > 0 ? `还没用的登录链接（${links}个）也已作废。` : ''
      if (sessions > 0) return `已退出网页后台的全部登录（${sessions}处）。${voided}需要时再发送 /后台 获取新链接。`
      return links > 0 ? `您在网页后台没有登录中的会话；${voided}` : '您在网页后台没有登录中的会话。'
    },
    usage: '用法：/后台 获取登录链接；/后台 退出全部 结束所有已登录的浏览器。',
    signedOut: '登录已失效：请私聊机器人发送 /后台 获取新链接。',

    // Shared by every page
    title: '学区助手 · 后台',
    nav: {
      term: '学期行事历', activities: '活动', members: '成员', workshops: '工作室与答疑', stats: '统计', files: '导入 / 导出', me: '我的',
    },
    logout: '退出登录',
    signedInAs: (name: string, district: string, roles: string) => `${name}（${district}${roles ? ` · ${roles}` : ''}）`,
    login: {
      heading: '登录网页后台',
      prompt: (district: string) => `点击下面的按钮进入「${district}」的后台。`,
      button: '进入后台',
      used: '这个登录链接已经用过了（或已用 /后台 退出全部 作废）。请私聊机器人发送 /后台 获取新链接。',
      expired: '这个登录链接已过期（10分钟内有效）。请私聊机器人发送 /后台 获取新链接。',
      unknown: '这个登录链接无效。请私聊机器人发送 /后台 获取新链接。',
      needed: '请先登录：私聊机器人发送 /后台，打开它发来的链接。',
      loggedOut: '已退出登录。需要时私聊机器人发送 /后台 获取新链接。',
    },
    refused: {
      heading: '没有权限',
      notFoundHeading: '没有找到',
      csrfHeading: '页面已过期',
      tooLargeHeading: '内容太大',
      tooLarge: '提交的内容太大了：表单最多 64 KB，上传的文件最多 5 MB。请删减后再提交。',
      badRequestHeading: '无法处理',
      badRequest: '这个请求无法处理。请回到上一页重新填写后提交。',
      crossSite: '请直接打开机器人发来的链接登录：这个登录请求来自别的网站，已拒绝。',
      forbidden: '这个页面只有管理员或组织者可以查看。',
      staffOrMentorOnly: '这个页面只有管理员、组织者或导师可以查看。',
      adminOnly: '这个页面只有管理员可以查看。',
      notFound: '没有找到这一页：活动或成员不存在，或不属于您的学区。',
      csrf: '页面已过期，请刷新后再试。',
      back: '返回首页',
    },
    done: '已完成',
    failed: '未完成',
  },
} as const
