import { randomUUID } from 'node:crypto'
import { parseCommandLine } from './command-line.ts'
import { Refusal } from './command.ts'
import { commandContext, runCommand, type DispatcherDeps } from './dispatch.ts'
import type { Actor } from './domain.ts'
import type { IncomingMessage, OutgoingMessage, Person } from './message.ts'
import { texts } from './texts/index.ts'

/** What a command run from the web console said to its sender (shown on the page), and whether it went through. */
export interface Performed {
  ok: boolean
  /** The command's answers to the sender, in order; a file (an export) rides on one of them. */
  answers: OutgoingMessage[]
}

/**
 * Runs a chat command for a member signed in to the web console: the same
 * command, parsed from the same words, with the same permission check, in
 * one transaction, writing what it announces to the groups in that
 * transaction. Nothing is written twice between the console and the chat.
 * The command acts as from the chat the member's session was asked in;
 * its replies to the sender come back for the page instead of being sent.
 */
export type Perform = (actor: Actor, text: string, options?: PerformOptions) => Promise<Performed>

export interface PerformOptions {
  /**
   * People @mentioned in the line, as the platform of the member's chat
   * names them (their account's user id there), each written "@name" in
   * the text as a platform writes it: a command then takes the exact
   * member, never one who merely shares the name.
   */
  mentions?: Person[]
  /**
   * A page reading what a command says (the /导入 preview on the 导入 page):
   * its answers are for the page only, never copied to the session's group,
   * so opening a page sends nobody anything. The command sees the message
   * come `via: 'page'`, and may word its answer for a page.
   */
  pageOnly?: boolean
}

export function createPerformer<Row>(deps: DispatcherDeps<Row>): Perform {
  return async (actor, text, options = {}) => {
    const line = parseCommandLine(text, deps.config.BOT_NAME)
    const command = line?.slash ? deps.registry.find(line.name) : undefined
    // The console builds its command lines itself: one it cannot run is a fault, never shown as a user's mistake.
    if (!line || !command) throw new Error(`the web console asked for an unknown command: ${text.slice(0, 40)}`)
    const now = deps.clock()
    const id = `web:${randomUUID()}`
    try {
      const done = await deps.domain.unit(async (unit) => {
        const as = await unit.actAs(actor)
        if (!as) throw new Refusal(texts.web.signedOut)
        const message: IncomingMessage = {
          id, platform: as.chat.platform, chat: { id: as.chat.id, isDirect: as.chat.isDirect, ...(as.chat.title ? { title: as.chat.title } : {}) },
          sender: as.person, text, mentionedBot: false, mentions: options.mentions ?? [], via: options.pageOnly ? 'page' : 'text', at: now,
        }
        const said: OutgoingMessage[] = []
        const ctx = commandContext(deps, unit, message, as.who, now, (m) => void said.push(m))
        await runCommand(command, ctx, line, unit)
        return { rows: await unit.write(toSend(said, id, as.chat.isDirect || options.pageOnly === true)), answers: said.filter((m) => m.replyToId === id) }
      }, { waitMs: deps.config.BUSY_WAIT_S * 1000 })
      await deps.outbox.deliver(done.rows).catch((err: unknown) => deps.log.error({ err }, 'delivery failed'))
      return { ok: true, answers: done.answers }
    } catch (err) {
      return { ok: false, answers: [{ chat: { platform: 'console', chatId: id }, replyToId: id, text: failureText(deps, err) }] }
    }
  }
}

function failureText<Row>(deps: DispatcherDeps<Row>, err: unknown): string {
  if (err instanceof Refusal) return err.text
  if (deps.domain.isBusy(err)) return texts.router.busy
  deps.log.error({ err }, 'web console action failed')
  return texts.router.internal
}

/**
 * What a command run from the console sends. Its answers to the sender are
 * shown on the page. Everything else goes as in chat; and when the session
 * was opened in a group (the console group), the answers go to that group
 * as well, since there a command's answer is the group's announcement
 * (/取消 typed in a group answers the group). They quote nothing: the
 * console's "message" was never in the chat. A file goes only to the browser.
 */
function toSend(said: readonly OutgoingMessage[], id: string, answersStay: boolean): OutgoingMessage[] {
  return said.flatMap((m) => {
    if (m.replyToId !== id) return [m]
    // A file (an export) is the browser's download; the group is not sent a second copy.
    if (answersStay || m.file) return []
    const { replyToId: _quoted, ...rest } = m
    return [rest]
  })
}
