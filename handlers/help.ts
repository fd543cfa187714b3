import type { Command, CommandId } from '../src/core/command.ts'
import { texts, type CommandHelp } from '../src/core/texts/index.ts'

export const help: Command = {
  id: 'help',
  name: '帮助',
  aliases: ['help', '?', '菜单'],
  role: 'teacher',
  scope: 'anywhere',
  async run(ctx, line) {
    const topic = line.args[0]?.replace(/^\//, '')
    if (topic) {
      const command = ctx.registry.find(topic)
      if (!command) return ctx.reply(texts.help.unknownTopic(topic))
      return ctx.reply(texts.help.detail(command.name, helpOf(command.id), command.aliases, command.role))
    }
    const lines = ctx.registry
      .usableBy(ctx.sender.roles)
      .filter((c) => c.id !== 'ping')
      .map((c) => texts.help.line(c.name, helpOf(c.id).summary))
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
