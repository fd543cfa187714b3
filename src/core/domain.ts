/**
 * What the dispatcher needs of the domain: the port core declares and
 * src/services/domain.ts implements, so core imports no service and never
 * touches the database. `Row` is what a unit of work wrote to send (an
 * outbox row): the dispatcher hands it back to the delivery after commit.
 */
import type { District } from '../generated/prisma/client.ts'
import type { Work } from './command.ts'
import type { IncomingMessage, OutgoingMessage, Person, Platform } from './message.ts'
import type { Role } from './roles.ts'

/** Who sent a message, and where: the member, the group, its district (if bound) and the member's roles there. */
export interface Who {
  memberId: number
  name: string
  groupId: number
  district: District | null
  roles: Set<Role>
}

/** A member of a district signed in to the web console, and the chat (group row) their session came from. */
export interface Actor {
  memberId: number
  districtId: number
  groupId: number
}

/** One unit of work: everything in it commits together, or nothing does. */
export interface Unit<Row> {
  /** The domain services, bound to this unit: what a command uses. */
  work: Work
  /** Takes an inbound event's keys; false when another unit took them first (the event was handled). */
  claimOnce(keys: readonly string[], now: Date): Promise<boolean>
  /** Who sent it (recorded on first sight); what identifying has to say (a name waiting for /确认) goes to `note`. */
  identify(message: IncomingMessage, now: Date, note?: (m: OutgoingMessage) => void): Promise<Who>
  /** The district a member was last seen in, and their roles there: where a direct chat acts. */
  homeDistrict(memberId: number): Promise<{ district: District; roles: Set<Role> } | null>
  /** Keeps a read 行事历 for the member's next /导入 (replacing an older one); null lines forget it. */
  keepImportFile(file: { memberId: number; districtId: number; name: string; lines: readonly string[] } | { memberId: number; lines: null }, now: Date): Promise<void>
  /**
   * A member acting from the web console, as from the chat their session
   * started in: who they are in the district (roles read now), that chat,
   * and their account there; null when they are no longer in the district.
   */
  actAs(actor: Actor): Promise<{ who: Who; chat: { platform: Platform; id: string; isDirect: boolean; title?: string }; person: Person } | null>
  /** Writes messages to send once the unit commits. */
  write(messages: readonly OutgoingMessage[]): Promise<Row[]>
}

export interface UnitOptions {
  /** How long to wait for a database another process holds (then: busy). */
  waitMs?: number
  /** Called once when the unit has to wait for one. */
  onWait?: () => void
}

/** A 行事历 file read for /导入: its lines, or what to tell the sender. */
export type ReadImport = { ok: true; lines: string[] } | { ok: false; text: string; problem: unknown }

export interface Domain<Row> {
  /** Runs `fn` as one unit of work (one transaction, run again when the database was busy). */
  unit<T>(fn: (unit: Unit<Row>) => Promise<T>, options?: UnitOptions): Promise<T>
  /** Whether an error means the database was busy (the sender is told to try again), not a fault. */
  isBusy(err: unknown): boolean
  /** The largest 行事历 file read. */
  maxFileBytes: number
  /** Reads a 行事历 (in a worker, within limits). */
  readImportFile(name: string, bytes: Buffer): Promise<ReadImport>
}
