import type { Config } from '../config.ts'
import type { District } from '../generated/prisma/client.ts'
import type { CommandLine } from './command-line.ts'
import type { IncomingMessage, OutgoingMessage, ReplyFn } from './message.ts'
import type { Registry } from './registry.ts'
import type { Role } from './roles.ts'
import type { texts } from './texts/index.ts'

export type CommandId = keyof (typeof texts)['commands']

export interface Sender {
  memberId: number
  name: string
  roles: ReadonlySet<Role>
}

/**
 * The domain services a command calls, bound to its unit of work: one
 * transaction per command. Core declares it empty and src/services/work.ts
 * fills it in (declaration merging), so core never imports a service and a
 * handler never sees the database.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Work {}

/** What a handler sees; replies and posts are sent after the transaction commits. */
export interface Context {
  message: IncomingMessage
  work: Work
  now: Date
  sender: Sender
  groupId: number
  district: District | null
  reply: ReplyFn
  post: (message: OutgoingMessage) => void
  registry: Registry
  config: Config
}

export interface DistrictContext extends Context {
  district: District
}

/**
 * A form of a command that needs more than the command's role: "/放假"
 * lists for everyone, "/放假 <日期>" registers for admins. The router refuses
 * by it (src/core/permissions.ts) and /帮助 lists it under 谁可以用: one
 * declaration, so the two cannot disagree.
 */
export interface RestrictedForm {
  /** The form as /帮助 and the refusal name it, without the slash: "放假 <日期>". */
  usage: string
  role: Role
  /** Whether this line, in this message, is the form. */
  matches(line: CommandLine, message: IncomingMessage): boolean
  /** Others it is open to beyond the role, decided per line ("this activity's organizer"); `who` says them in /帮助. */
  also?: { who: string; may(ctx: Context, line: CommandLine): Promise<boolean> }
  /** Said instead of the router's sentence, when the form has a better one. */
  refusal?(line: CommandLine): string
}

interface CommandBase {
  /** Key into texts.commands, for help. */
  id: CommandId
  name: string
  aliases: readonly string[]
  role: Role
  /**
   * Whom /帮助 offers it to, when the command is open wider than to those who
   * usually use it (the host of one activity may /记录 it, but teachers are
   * not offered /记录): by default its role.
   */
  listedFor?: Role
  /** Forms that need more than `role`, the first that matches a line applying. */
  forms?: readonly RestrictedForm[]
  /** Said after refusing someone without the role: the command they likely meant ("/取消 12" from a teacher is /取消报名 12). */
  meant?(line: CommandLine): string
}

export type Command =
  | (CommandBase & {
      scope: 'district'
      /** Also works in a direct chat with the bot, for the district the sender was last seen in. */
      direct?: boolean
      run(ctx: DistrictContext, line: CommandLine): Promise<void>
    })
  | (CommandBase & { scope: 'anywhere'; run(ctx: Context, line: CommandLine): Promise<void> })

/**
 * A refusal for the user: the transaction is rolled back, nothing changes,
 * and the text is the only reply. A refusal worth remembering (a wrong code:
 * repeated ones are slowed down) carries what to record with its answer, and
 * a line for the log. It records in a new transaction, with the sender as
 * identified there: ids read in the rolled-back one may be gone (a member
 * created by it; on PostgreSQL its ids are never handed out again).
 */
export interface RefusalAudit {
  record(work: Work, who: { memberId: number; groupId: number }): Promise<void>
  log: string
}

export class Refusal extends Error {
  constructor(
    readonly text: string,
    readonly audit?: RefusalAudit,
  ) {
    super(text)
    this.name = 'Refusal'
  }
}
