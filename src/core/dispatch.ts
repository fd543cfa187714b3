import type { Config } from '../config.ts'
import { inTx, type Db, type Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'
import type { Role } from './roles.ts'
import { isBusy } from '../db/busy.ts'
import type { Logger } from '../log.ts'
import { identify, rolesOf } from '../services/identity.ts'
import { homeDistrictId } from '../services/members.ts'
import { claimOnce } from '../services/inbound-events.ts'
import { MAX_FILE_BYTES } from '../services/file-reader/limits.ts'
import { readLines } from '../services/import.ts'
import { fileProblemText } from '../services/import-report.ts'
import { plainCommand } from './plain-commands.ts'
import { FileTooBig } from './read-at-most.ts'
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

/**
 * Handles one message. For a button press (message.via === 'button') the
 * replies to it are returned instead of sent, for the platform to show in
 * place (a Lark card); everything else is sent.
 */
export type Dispatch = (message: IncomingMessage, hooks?: DispatchHooks) => Promise<OutgoingMessage[]>

export interface DispatchHooks {
  /**
   * Called once what the message does is in the database (or it was found to
   * do nothing), before its replies are sent: where a platform acknowledges
   * the event, so a crash after it loses no command.
   */
  committed?(): void
}

/**
 * The one entry for every platform. A command runs in one transaction; its
 * replies are sent only after it commits, so a failure sends nothing but one
 * polite sentence. Never throws.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  return async (message, hooks) => {
    const outbox: OutgoingMessage[] = []
    const push = (m: OutgoingMessage) => void outbox.push(m)
    const reply = createReply(push, message)
    let line: CommandLine | null = null
    try {
      line = parseCommandLine(message.text, deps.config.BOT_NAME)
      const parsed = line
      const plain = !parsed || !(parsed.slash || message.mentionedBot) ? plainCommand(message) : null
      if (message.file && !message.text.trim()) {
        await receiveFile(deps, message, reply, hooks)
      } else if (plain) {
        await route(deps, message, plain, reply, push)
      } else if (!parsed) {
        if (message.mentionedBot) reply(texts.router.addressed(deps.config.BOT_NAME))
      } else if (parsed.slash || message.mentionedBot) {
        await route(deps, message, parsed, reply, push)
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
    hooks?.committed?.()
    if (message.via !== 'button') {
      await flush(deps, outbox)
      return []
    }
    const answers = outbox.filter((m) => m.replyToId === message.id)
    await flush(deps, outbox.filter((m) => m.replyToId !== message.id))
    return answers
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
  const now = deps.clock()
  const keys = message.eventKeys ?? []
  // Where no command transaction takes the keys, a small one does (none is opened for a message without keys).
  const takenBefore = async () => keys.length > 0 && !(await inTx(deps.db, (tx) => claimOnce(tx, keys, now)))
  if (!command) {
    if (await takenBefore()) return
    if (!line.slash) reply(texts.router.addressed(deps.config.BOT_NAME))
    else reply(texts.router.unknown(line.name, deps.registry.suggest(line.name)?.name))
    return
  }
  // What the command says is kept per run of the transaction (a busy database runs it again), and sent after commit.
  const said = await inTx(deps.db, async (tx) => {
    // A redelivered event whose command has committed is dropped; one whose command never committed runs now.
    if (!(await claimOnce(tx, keys, now))) return null
    const out: OutgoingMessage[] = []
    const keep = (m: OutgoingMessage) => void out.push(m)
    const who = await identify(tx, message, now)
    const ctx: Context = {
      message, tx, now,
      reply: createReply(keep, message),
      sender: { memberId: who.memberId, name: who.name, roles: who.roles },
      groupId: who.groupId,
      district: who.district,
      post: keep,
      registry: deps.registry,
      config: deps.config,
    }
    await runCommand(command, ctx, line)
    return out
  }).catch(async (err: unknown) => {
    // A refusal changes nothing (its transaction is rolled back); its event is taken all the same, so a redelivery is not refused twice.
    if (err instanceof Refusal && (await takenBefore())) return null
    throw err
  })
  if (!said) return deps.log.debug({ keys }, 'event already handled')
  said.forEach(push)
  deps.log.debug({ platform: message.platform, chat: message.chat.id, command: command.id }, 'command done')
}

async function runCommand(command: Command, ctx: Context, line: CommandLine): Promise<void> {
  if (command.scope === 'anywhere') return command.run(ctx, line)
  if (!ctx.district && ctx.message.chat.isDirect && command.direct) await actForHomeDistrict(ctx)
  const district = ctx.district
  // "报名 12" typed as plain chat in a group that is no district's: not meant for the bot.
  if (!district && !line.slash && !ctx.message.mentionedBot && !ctx.message.chat.isDirect) return
  if (!district) throw new Refusal(ctx.message.chat.isDirect ? texts.router.groupOnly : texts.router.noDistrict)
  if (!mayUse(command.role, ctx.sender.roles)) throw new Refusal(texts.router.forbidden(command.name, command.role))
  return command.run({ ...ctx, district }, line)
}

/**
 * A file sent to the bot: kept for /导入 when an admin of the district sent
 * a 行事历 (Word, Excel, CSV or text); anyone else's files are left alone,
 * never downloaded.
 */
async function receiveFile(deps: DispatcherDeps, message: IncomingMessage, reply: ReplyFn, hooks?: DispatchHooks): Promise<void> {
  const file = message.file!
  if (!IMPORTABLE.test(file.name)) return
  const now = deps.clock()
  const keys = message.eventKeys ?? []
  const admin = await inTx(deps.db, async (tx) => {
    if (!(await claimOnce(tx, keys, now))) return null
    const who = await identify(tx, message, now)
    const home = who.district ? who : message.chat.isDirect ? await homeDistrict(tx, who.memberId) : null
    if (!home?.district || !home.roles.has('admin')) return null
    return { memberId: who.memberId, districtId: home.district.id }
  })
  // The event is taken once claimed: acknowledged now, not after the download and the read (seconds for a big file).
  hooks?.committed?.()
  if (!admin) return
  // A size the platform states is checked before the download; the download itself stops past the limit.
  if (file.size !== undefined && file.size > MAX_FILE_BYTES) return reply(texts.importing.tooBig)
  const bytes = await file.fetch(MAX_FILE_BYTES).catch((err: unknown) => {
    if (err instanceof FileTooBig) return null
    throw err
  })
  if (!bytes) return reply(texts.importing.tooBig)
  // Read now (in a worker, within limits), so a file that cannot be read is refused at once and never kept.
  const read = await readLines(file.name, bytes)
  if (!read.ok) {
    deps.log.info({ file: file.name, problem: read.problem }, 'import file refused')
    return reply(fileProblemText(file.name, read.problem))
  }
  await inTx(deps.db, async (tx) => {
    await tx.pendingImport.deleteMany({ where: { memberId: admin.memberId } })
    await tx.pendingImport.create({ data: { ...admin, name: file.name, bytes: new Uint8Array(bytes), receivedAt: now } })
  })
  reply(texts.importing.received(file.name))
}

const IMPORTABLE = /\.(docx|xlsx|csv|txt)$/i

/** In a direct chat, a member acts in the district they were last seen in, with their roles there. */
async function actForHomeDistrict(ctx: Context): Promise<void> {
  const home = await homeDistrict(ctx.tx, ctx.sender.memberId)
  if (!home) throw new Refusal(texts.router.noHomeDistrict)
  ctx.district = home.district
  ctx.sender = { ...ctx.sender, roles: home.roles }
}

/** The district a member was last seen in, and their roles there: where a direct chat acts. */
async function homeDistrict(tx: Tx, memberId: number): Promise<{ district: District; roles: Set<Role> } | null> {
  const districtId = await homeDistrictId(tx, memberId)
  if (!districtId) return null
  const district = await tx.district.findUniqueOrThrow({ where: { id: districtId } })
  return { district, roles: await rolesOf(tx, districtId, memberId) }
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
