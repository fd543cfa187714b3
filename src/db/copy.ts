import type { Db } from './client.ts'
import { dialectOf } from './client.ts'
import type { ModelName } from '../generated/prisma/internal/prismaNamespace.ts'

/**
 * Every table, parents before the tables that point at them, with its key:
 * the order rows are copied in. tests/db/copy.test.ts checks that every model
 * of the schema is here or in NOT_COPIED.
 */
export const COPY_ORDER: readonly { model: ModelName; key: readonly string[]; serial: boolean }[] = [
  { model: 'District', key: ['id'], serial: true },
  { model: 'Group', key: ['id'], serial: true },
  { model: 'Member', key: ['id'], serial: true },
  { model: 'Account', key: ['id'], serial: true },
  { model: 'Membership', key: ['districtId', 'memberId'], serial: false },
  { model: 'MemberRole', key: ['districtId', 'memberId', 'role'], serial: false },
  { model: 'ClaimCode', key: ['code'], serial: false },
  { model: 'Semester', key: ['id'], serial: true },
  { model: 'ClosedDay', key: ['districtId', 'date'], serial: false },
  { model: 'Workshop', key: ['id'], serial: true },
  { model: 'Activity', key: ['id'], serial: true },
  { model: 'Signup', key: ['id'], serial: true },
  { model: 'WorkshopMentor', key: ['workshopId', 'memberId'], serial: false },
  { model: 'Mentee', key: ['id'], serial: true },
  { model: 'Question', key: ['id'], serial: true },
  { model: 'Answer', key: ['id'], serial: true },
  { model: 'Occurrence', key: ['id'], serial: true },
  { model: 'Inbox', key: ['key'], serial: false },
  { model: 'InboundEvent', key: ['key'], serial: false },
  { model: 'Outbox', key: ['id'], serial: true },
  { model: 'Reminder', key: ['id'], serial: true },
  { model: 'CalendarToken', key: ['token'], serial: false },
  { model: 'Confirmation', key: ['id'], serial: true },
  { model: 'CodeAttempt', key: ['id'], serial: true },
  { model: 'PendingImport', key: ['id'], serial: true },
  { model: 'Attendance', key: ['id'], serial: true },
  { model: 'AttendanceChange', key: ['id'], serial: true },
  { model: 'Leave', key: ['id'], serial: true },
  { model: 'SessionRecord', key: ['occurrenceId'], serial: false },
  { model: 'ArchiveFile', key: ['id'], serial: true },
  { model: 'RecentFile', key: ['id'], serial: true },
  { model: 'Observation', key: ['id'], serial: true },
  { model: 'WebToken', key: ['hash'], serial: false },
]

/** Tables of running processes only (who is live, who holds WeChat, where the send limits stand): not data to move. */
export const NOT_COPIED: readonly ModelName[] = ['BotProcess', 'Lease', 'SendSlot']

type Rows = Record<string, unknown>[]
interface Delegate {
  count(): Promise<number>
  findMany(args: { orderBy: Record<string, 'asc'>[]; skip: number; take: number }): Promise<Rows>
  createMany(args: { data: Rows }): Promise<{ count: number }>
}
const delegate = (db: unknown, model: ModelName) => (db as Record<string, Delegate>)[model[0]!.toLowerCase() + model.slice(1)]!

const PAGE = 500

/** Tables of the target that already hold rows (a copy goes into an empty database only). */
export async function nonEmptyTables(target: Db): Promise<{ model: ModelName; rows: number }[]> {
  const counts = await Promise.all(COPY_ORDER.map(async ({ model }) => ({ model, rows: await delegate(target, model).count() })))
  return counts.filter((c) => c.rows > 0)
}

/**
 * Copies every row of `source` into the empty `target`, keys included, in one
 * transaction of the target (all or nothing); then moves each id sequence of a
 * PostgreSQL target past the largest id copied, so new rows do not collide,
 * and has PostgreSQL gather its statistics of what was copied.
 */
export async function copyDatabase(source: Db, target: Db, onTable?: (model: ModelName, rows: number) => void): Promise<Map<ModelName, number>> {
  const copied = new Map<ModelName, number>()
  await target.$transaction(
    async (tx) => {
      for (const { model, key } of COPY_ORDER) {
        let rows = 0
        for (let skip = 0; ; skip += PAGE) {
          const page = await delegate(source, model).findMany({ orderBy: key.map((k) => ({ [k]: 'asc' as const })), skip, take: PAGE })
          if (page.length === 0) break
          rows += (await delegate(tx, model).createMany({ data: page })).count
          if (page.length < PAGE) break
        }
        copied.set(model, rows)
        onTable?.(model, rows)
      }
      if (dialectOf(target) === 'postgres') {
        for (const { model } of COPY_ORDER.filter((t) => t.serial)) {
          // The next id is one past the largest copied (or 1 for an empty table).
          await tx.$queryRawUnsafe(
            `SELECT setval(pg_get_serial_sequence('"${model}"', 'id'), COALESCE((SELECT MAX("id") FROM "${model}"), 0) + 1, false)`,
          )
        }
      }
    },
    { maxWait: 60_000, timeout: 30 * 60_000 },
  )
  // Fresh statistics for the planner: a table just filled reads as empty until autovacuum comes round,
  // and a listing then joins by nested loops (a /活动 of 1 000 activities: 85 ms instead of 16).
  if (dialectOf(target) === 'postgres') await target.$executeRawUnsafe('ANALYZE')
  return copied
}
