/** The texts of claim, bind, roles, link, claims, confirmCli. */
import { echo } from '../limits.ts'
import type { Role } from '../roles.ts'
import { ROLE_NAMES } from './common.ts'

export const accountsTexts = {
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

} as const
