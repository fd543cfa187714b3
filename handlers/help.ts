import type { Command, CommandId } from '../src/core/command.ts'
import { whoMayUse } from '../src/core/permissions.ts'
import { texts, type CommandHelp } from '../src/core/texts/index.ts'

export const help: Command = {
  id: 'help',
  name: '帮助',
  aliases: ['help', '?', '菜单'],
  role: 'teacher',
  scope: 'anywhere',
  async run(ctx, line) {
    const topic = line.args[0]?.replace(/^\//, '')
    if (topic && !ALL.test(topic)) {
      const command = ctx.registry.find(topic)
      if (!command) return ctx.reply(texts.help.unknownTopic(topic))
      return ctx.reply(texts.help.detail(command.name, helpOf(command.id), command.aliases, whoMayUse(command)))
    }
    const usable = ctx.registry.usableBy(ctx.sender.roles).filter((c) => c.id !== 'ping' && c.id !== 'help')
    if (line.args[0] === undefined || !ALL.test(line.args[0])) return ctx.reply(menu(usable, ctx.config.BOT_NAME))
    const lines = usable.map((c) => texts.help.line(c.name, helpOf(c.id).summary))
    ctx.reply([texts.help.header(ctx.config.BOT_NAME), ...lines, texts.help.footer].join('\n'))
  },
}

export const ping: Command = {
  id: 'ping',
  name: 'ping',
  aliases: [],
  role: 'teacher',
  scope: 'anywhere',
  async run(ctx) {
    ctx.reply(texts.ping.pong)
  },
}

function helpOf(id: CommandId): CommandHelp {
  return texts.commands[id]
}

const ALL = /^(全部|所有|all)$/i

/** Which line of the short menu a command is on; those not named go on the last. */
const SECTIONS: Record<keyof typeof texts.help.sections, readonly CommandId[]> = {
  signup: ['signup', 'withdraw', 'roster', 'leave', 'withdrawLeave', 'approveLeave', 'refuseLeave', 'mine'],
  attendance: ['checkIn', 'checkOut', 'hours', 'checkinCode', 'markPresent', 'markAbsent'],
  activities: ['activities', 'thisWeek', 'nextWeek', 'calendar'],
  qa: ['ask', 'askAnonymously', 'questions', 'answer'],
  workshop: ['workshop', 'apply', 'approve', 'pair', 'observations'],
  profile: ['profile', 'webConsole', 'claim', 'confirm'],
  schedule: ['schedule', 'importData', 'exportData', 'record', 'archive'],
  change: ['reschedule', 'cancel', 'restore'],
  admin: ['semester', 'closedDay', 'settings', 'reminders', 'grant', 'revoke', 'bindCode', 'bind', 'unbind'],
  other: [],
}

/** /帮助: one line per kind of task, with the commands the sender may use; /帮助 全部 has a line per command. */
function menu(usable: readonly Command[], bot: string): string {
  const placed = new Set(Object.values(SECTIONS).flat())
  const lines = Object.entries(SECTIONS).flatMap(([section, ids]) => {
    const names = usable.filter((c) => (section === 'other' ? !placed.has(c.id) : ids.includes(c.id))).map((c) => c.name)
    return names.length ? [texts.help.section(texts.help.sections[section as keyof typeof SECTIONS], names)] : []
  })
  return [texts.help.header(bot), ...lines, texts.help.menuFooter].join('\n')
}
