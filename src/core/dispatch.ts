import type { Config } from '../config.ts'
import { inTx, type Db } from '../db/client.ts'
import type { Logger } from '../log.ts'
import { identify } from '../services/identity.ts'
import { parseCommandLine, type CommandLine } from './command-line.ts'
import { Refusal, type Command, type Context } from './command.ts'
import { createReply, type IncomingMessage, type OutgoingMessage, type ReplyFn, type SendFn } from './message.ts'
import type { Registry } from './registry.ts'
import { mayUse } from './roles.ts'
import { texts } from './texts.ts'

export interface DispatcherDeps {
  db: Db
  registry: Registry
  send: SendFn
  log: Logger
  config: Config
  clock: () => Date
}

export type Dispatch = (message: IncomingMessage) => Promise<void>

/**
 * The one entry for every platform. A command runs in one transaction; its
 * replies are sent only after it commits, so a failure sends nothing but one
 * polite sentence. Never throws.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  return async (message) => {
    const outbox: OutgoingMessage[] = []
    const push = (m: OutgoingMessage) => void outbox.push(m)
    const reply = createReply(push, message)
    let line: CommandLine | null = null
    try {
      line = parseCommandLine(message.text, deps.config.BOT_NAME)
      if (!line) {
        if (message.mentionedBot) reply(texts.router.addressed(deps.config.BOT_NAME))
      } else if (line.slash || message.mentionedBot) {
        await route(deps, message, line, reply, push)
      }
    } catch (err) {
      outbox.length = 0
      if (err instanceof Refusal) reply(err.text)
      else if (isBusy(err)) reply(texts.router.busy)
      else {
        deps.log.error({ err, platform: message.platform, chat: message.chat.id, command: line?.name }, 'command failed')
        reply(texts.router.internal)
      }
    }
    await flush(deps, outbox)
  }
}

async function route(
  deps: DispatcherDeps,
  message: IncomingMessage,
  line: CommandLine,
  reply: ReplyFn,
  push: (m: OutgoingMessage) => void,
): Promise<void> {
  const command = deps.registry.find(line.name)
  if (!command) {
    if (!line.slash) reply(texts.router.addressed(deps.config.BOT_NAME))
    else reply(texts.router.unknown(line.name, deps.registry.suggest(line.name)?.name))
    return
  }
  const now = deps.clock()
  await inTx(deps.db, async (tx) => {
    const who = await identify(tx, message, now)
    const ctx: Context = {
      message, tx, now, reply,
      sender: { memberId: who.memberId, name: who.name, roles: who.roles },
      groupId: who.groupId,
      district: who.district,
      post: push,
      registry: deps.registry,
      config: deps.config,
    }
    await runCommand(command, ctx, line)
  })
  deps.log.debug({ platform: message.platform, chat: message.chat.id, command: command.id }, 'command done')
}

async function runCommand(command: Command, ctx: Context, line: CommandLine): Promise<void> {
  if (command.scope === 'anywhere') return command.run(ctx, line)
  const district = ctx.district
  if (!district) throw new Refusal(ctx.message.chat.isDirect ? texts.router.groupOnly : texts.router.noDistrict)
  if (!mayUse(command.role, ctx.sender.roles)) throw new Refusal(texts.router.forbidden(command.name, command.role))
  return command.run({ ...ctx, district }, line)
}

async function flush(deps: DispatcherDeps, outbox: OutgoingMessage[]): Promise<void> {
  for (const message of outbox) {
    try {
      await deps.send(message)
    } catch (err) {
      deps.log.error({ err, platform: message.chat.platform, chat: message.chat.chatId }, 'send failed')
    }
  }
}

/** SQLite's lock held by another process past busy_timeout, or the tx mutex wait. */
function isBusy(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${String((err as { code?: unknown }).code ?? '')}` : ''
  return /SQLITE_BUSY|database is locked|P2028|Transaction API error|Unable to start a transaction/i.test(text)
}
