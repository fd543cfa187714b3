import type { Config } from '../config.ts'
import type { Logger } from '../log.ts'
import { admit } from './intake.ts'
import { plainCommand } from './plain-commands.ts'
import { FileTooBig } from './read-at-most.ts'
import { parseCommandLine, type CommandLine } from './command-line.ts'
import { Refusal, type Command, type Context } from './command.ts'
import type { Domain, Unit } from './domain.ts'
import { createReply, replyMessage, type IncomingMessage, type OutgoingMessage } from './message.ts'
import type { Registry } from './registry.ts'
import { assertMayUse } from './permissions.ts'
import type { AcceptedFile, PostedFiles } from './posted-files.ts'
import { texts } from './texts/index.ts'

/** What the dispatcher needs of the outbox sender (src/platforms/outbox-sender.ts); a unit of work writes the rows. */
export interface Delivery<Row> {
  /** Sends rows written in a committed unit of work. */
  deliver(rows: readonly Row[]): Promise<unknown>
  /** Sends without writing (the database is locked): a "busy" answer. */
  sendNow(message: OutgoingMessage): Promise<void>
}

export interface DispatcherDeps<Row = unknown> {
  /** Units of work over the domain services (src/services/domain.ts). */
  domain: Domain<Row>
  registry: Registry
  outbox: Delivery<Row>
  log: Logger
  config: Config
  clock: () => Date
  /** Photos and files posted in a group, kept for an activity's record (handlers/records.ts). */
  postedFiles?: PostedFiles
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
 * The one entry for every platform. A command runs in one transaction, and
 * what it will send is written to the outbox in that same transaction: sent
 * after commit, and after a restart if the process died first. A refusal
 * changes nothing but its own answer. Never throws.
 */
export function createDispatcher<Row>(deps: DispatcherDeps<Row>): Dispatch {
  return async (incoming, hooks) => {
    // Sizes and names are settled before anything reads the message (intake.ts); long chat not for the bot is left alone.
    const admitted = admit(incoming, deps.config.BOT_NAME)
    if (!admitted) {
      hooks?.committed?.()
      return []
    }
    const { message } = admitted
    const line = admitted.refusal ? null : parseCommandLine(message.text, deps.config.BOT_NAME)
    let done: Done<Row>
    try {
      // Too big to read: answered, and nothing of it recorded (not even who sent it).
      done = admitted.refusal ? await answer(deps, message, admitted.refusal) : await dispatchAdmitted(deps, message, line, hooks)
    } catch (err) {
      done = await failure(deps, message, line, err)
    }
    hooks?.committed?.()
    await deps.outbox.deliver(done.rows).catch((err: unknown) => deps.log.error({ err }, 'delivery failed'))
    return done.answers
  }
}

/** A message of a readable size: a file, a plain command ("报名 12"), a command, or chat addressed to the bot. */
async function dispatchAdmitted<Row>(deps: DispatcherDeps<Row>, message: IncomingMessage, parsed: CommandLine | null, hooks?: DispatchHooks): Promise<Done<Row>> {
  const plain = !parsed || !(parsed.slash || message.mentionedBot) ? plainCommand(message) : null
  if (message.file && !message.text.trim()) return receiveFile(deps, message, hooks)
  if (plain) return route(deps, message, plain)
  if (!parsed) return message.mentionedBot ? answer(deps, message, texts.router.addressed(deps.config.BOT_NAME)) : { rows: [], answers: [] }
  if (parsed.slash || message.mentionedBot) return route(deps, message, parsed)
  return { rows: [], answers: [] }
}

/** What a message did: the outbox rows it wrote (committed), and the answers a button press shows in place. */
interface Done<Row> {
  rows: Row[]
  answers: OutgoingMessage[]
}

/**
 * Writes what a command says in its transaction. A button press's answers to
 * itself are not written: the platform shows them in place (a Lark card).
 */
export async function keep<Row>(unit: Unit<Row>, message: IncomingMessage, said: OutgoingMessage[]): Promise<Done<Row>> {
  const inPlace = (m: OutgoingMessage) => message.via === 'button' && m.replyToId === message.id
  const rows = await unit.write(said.filter((m) => !inPlace(m)))
  return { rows, answers: said.filter(inPlace) }
}

/** One answer to a message, with its event keys taken: nothing when the event was handled before. */
async function answer<Row>(deps: DispatcherDeps<Row>, message: IncomingMessage, text: string): Promise<Done<Row>> {
  const now = deps.clock()
  const done = await deps.domain.unit(async (unit) => {
    if (!(await unit.claimOnce(message.eventKeys ?? [], now))) return null
    return keep(unit, message, [replyMessage(message, text)])
  })
  return done ?? { rows: [], answers: [] }
}

/**
 * A refused command's answer, with what the refusal records (a wrong code).
 * Who sent it is still recorded (identify runs again, alone): a new account
 * whose name waits for an admin's /确认 is told so, and the admins asked,
 * even when its first command was refused.
 */
async function refuse<Row>(deps: DispatcherDeps<Row>, message: IncomingMessage, refusal: Refusal): Promise<Done<Row>> {
  const now = deps.clock()
  const done = await deps.domain.unit(async (unit) => {
    if (!(await unit.claimOnce(message.eventKeys ?? [], now))) return null
    const notes: OutgoingMessage[] = []
    const who = await unit.identify(message, now, (m) => void notes.push(m))
    await refusal.audit?.record(unit.work, who)
    return keep(unit, message, [replyMessage(message, refusal.text), ...notes])
  })
  return done ?? { rows: [], answers: [] }
}

/** A refusal's answer (its command rolled back); "busy" sent as it is; anything else logged with one polite sentence. */
async function failure<Row>(deps: DispatcherDeps<Row>, message: IncomingMessage, line: CommandLine | null, err: unknown): Promise<Done<Row>> {
  if (err instanceof Refusal) {
    if (err.audit) deps.log.warn({ platform: message.platform, chat: message.chat.id, sender: message.sender.id, command: line?.name }, err.audit.log)
    return refuse(deps, message, err).catch((e: unknown) => failure(deps, message, line, e))
  }
  const reply = replyMessage(message, deps.domain.isBusy(err) ? texts.router.busy : texts.router.internal)
  if (!deps.domain.isBusy(err)) deps.log.error({ err, platform: message.platform, chat: message.chat.id, command: line?.name }, 'command failed')
  if (message.via === 'button') return { rows: [], answers: [reply] }
  await deps.outbox.sendNow(reply)
  return { rows: [], answers: [] }
}

async function route<Row>(deps: DispatcherDeps<Row>, message: IncomingMessage, line: CommandLine): Promise<Done<Row>> {
  const command = deps.registry.find(line.name)
  if (!command) {
    if (!line.slash) return answer(deps, message, texts.router.addressed(deps.config.BOT_NAME))
    return answer(deps, message, texts.router.unknown(line.name, deps.registry.suggest(line.name)?.name))
  }
  const now = deps.clock()
  const keys = message.eventKeys ?? []
  // Held up by another process: told once that the message waits its turn (nothing can be written meanwhile).
  const onWait = message.via === 'button' ? undefined : () => void deps.outbox.sendNow(replyMessage(message, texts.router.busyQueued))
  // What the command says is kept per run of the transaction (a busy database runs it again), and written with it.
  const done = await deps.domain.unit(async (unit) => {
    // A redelivered event whose command has committed is dropped; one whose command never committed runs now.
    if (!(await unit.claimOnce(keys, now))) return null
    const said: OutgoingMessage[] = []
    const say = (m: OutgoingMessage) => void said.push(m)
    // What identifying the sender has to say (a name waiting for an admin's /确认) goes after the command's own answer.
    const notes: OutgoingMessage[] = []
    const who = await unit.identify(message, now, (m) => void notes.push(m))
    const ctx = commandContext(deps, unit, message, who, now, say)
    await runCommand(command, ctx, line, unit)
    return keep(unit, message, [...said, ...notes])
  }, { waitMs: deps.config.BUSY_WAIT_S * 1000, onWait })
  if (!done) {
    deps.log.debug({ keys }, 'event already handled')
    return { rows: [], answers: [] }
  }
  deps.log.debug({ platform: message.platform, chat: message.chat.id, command: command.id }, 'command done')
  return done
}

export async function runCommand<Row>(command: Command, ctx: Context, line: CommandLine, unit: Unit<Row>): Promise<void> {
  if (command.scope === 'anywhere') {
    // Roles are known in a district's group; elsewhere the command finds them and asks the same (assertMayUse).
    if (ctx.district) await assertMayUse(command, line, ctx)
    return command.run(ctx, line)
  }
  if (!ctx.district && ctx.message.chat.isDirect && command.direct) await actForHomeDistrict(ctx, unit)
  const district = ctx.district
  // "报名 12" typed as plain chat in a group that is no district's: not meant for the bot.
  if (!district && !line.slash && !ctx.message.mentionedBot && !ctx.message.chat.isDirect) return
  if (!district) throw new Refusal(ctx.message.chat.isDirect ? texts.router.groupOnly : texts.router.noDistrict)
  const inDistrict = { ...ctx, district }
  await assertMayUse(command, line, inDistrict)
  return command.run(inDistrict, line)
}

/**
 * A file or photo sent to the bot. One posted in a district's group may be
 * kept for an activity's record (deps.postedFiles decides before any
 * download); a 行事历 (Word, Excel, CSV or text) an admin of the district
 * sent is kept for /导入. Anyone else's files are left alone, never downloaded.
 */
async function receiveFile<Row>(deps: DispatcherDeps<Row>, message: IncomingMessage, hooks?: DispatchHooks): Promise<Done<Row>> {
  const file = message.file!
  const nothing: Done<Row> = { rows: [], answers: [] }
  const importable = file.kind !== 'image' && IMPORTABLE.test(file.name)
  const posted = message.chat.isDirect ? undefined : deps.postedFiles
  if (!importable && !posted) return nothing
  const now = deps.clock()
  const keys = message.eventKeys ?? []
  const first = await deps.domain.unit(async (unit) => {
    if (!(await unit.claimOnce(keys, now))) return null
    const who = await unit.identify(message, now)
    const accepted = posted && who.district ? await posted.accept(commandContext(deps, unit, message, who, now, () => {})) : null
    const home = who.district ? who : message.chat.isDirect ? await unit.homeDistrict(who.memberId) : null
    const admin = importable && home?.district && home.roles.has('admin') ? { memberId: who.memberId, districtId: home.district.id } : null
    return { accepted, admin }
  })
  // The event is taken once claimed: acknowledged now, not after the download and the read (seconds for a big file).
  hooks?.committed?.()
  if (!first) return nothing
  const { accepted, admin } = first
  if (accepted && (accepted.first || !admin)) return keepPosted(deps, message, posted!, accepted, now)
  if (!admin) return nothing
  return importFile(deps, message, admin, now)
}

/** A posted file a hook took: downloaded within its limit, then kept in a unit of work of its own. */
async function keepPosted<Row>(deps: DispatcherDeps<Row>, message: IncomingMessage, posted: PostedFiles, accepted: AcceptedFile, now: Date): Promise<Done<Row>> {
  const file = message.file!
  const run = (fn: (ctx: Context) => Promise<void>) =>
    deps.domain.unit(async (unit) => {
      const said: OutgoingMessage[] = []
      const who = await unit.identify(message, now)
      await fn(commandContext(deps, unit, message, who, now, (m) => void said.push(m)))
      return keep(unit, message, said)
    })
  const tooBig = file.size !== undefined && file.size > accepted.maxBytes
  const bytes = tooBig ? null : await file.fetch(accepted.maxBytes).catch((err: unknown) => {
    if (err instanceof FileTooBig) return null
    throw err
  })
  if (!bytes) return run((ctx) => posted.tooBig(ctx, accepted.note))
  return run((ctx) => posted.keep(ctx, accepted.note, bytes))
}

/** What a handler sees, for a command or a file's hook, in one unit of work. */
export function commandContext<Row>(deps: DispatcherDeps<Row>, unit: Unit<Row>, message: IncomingMessage, who: Awaited<ReturnType<Unit<Row>['identify']>>, now: Date, say: (m: OutgoingMessage) => void): Context {
  return {
    message, work: unit.work, now,
    reply: createReply(say, message),
    sender: { memberId: who.memberId, name: who.name, roles: who.roles },
    groupId: who.groupId,
    district: who.district,
    post: say,
    registry: deps.registry,
    config: deps.config,
  }
}

/** A 行事历 from an admin: read now and kept for /导入 (its event keys already taken). */
async function importFile<Row>(deps: DispatcherDeps<Row>, message: IncomingMessage, admin: { memberId: number; districtId: number }, now: Date): Promise<Done<Row>> {
  const file = message.file!
  // Its keys are taken: what it is told is written without them. A file refused also lets go of the one sent before, so /导入 never previews an older file by mistake.
  const tell = (text: string) =>
    deps.domain.unit(async (unit) => {
      await unit.keepImportFile({ memberId: admin.memberId, lines: null }, now)
      return keep(unit, message, [replyMessage(message, text)])
    })
  // A size the platform states is checked before the download; the download itself stops past the limit.
  if (file.size !== undefined && file.size > deps.domain.maxFileBytes) return tell(texts.importing.tooBig)
  const bytes = await file.fetch(deps.domain.maxFileBytes).catch((err: unknown) => {
    if (err instanceof FileTooBig) return null
    throw err
  })
  if (!bytes) return tell(texts.importing.tooBig)
  // Read now (in a worker, within limits), so a file that cannot be read is refused at once and never kept.
  const read = await deps.domain.readImportFile(file.name, bytes)
  if (!read.ok) {
    deps.log.info({ file: file.name, problem: read.problem }, 'import file refused')
    return tell(read.text)
  }
  const said = [replyMessage(message, texts.importing.received(file.name))]
  return deps.domain.unit(async (unit) => {
    await unit.keepImportFile({ ...admin, name: file.name, lines: read.lines }, now)
    return keep(unit, message, said)
  })
}

/** The 行事历 files read for /导入 (a file of another kind is left alone): the chat and the console take the same. */
export const IMPORTABLE = /\.(docx|xlsx|csv|txt)$/i

/** In a direct chat, a member acts in the district they were last seen in, with their roles there. */
async function actForHomeDistrict<Row>(ctx: Context, unit: Unit<Row>): Promise<void> {
  const home = await unit.homeDistrict(ctx.sender.memberId)
  if (!home) throw new Refusal(texts.router.noHomeDistrict)
  ctx.district = home.district
  ctx.sender = { ...ctx.sender, roles: home.roles }
}
