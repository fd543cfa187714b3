/**
 * The domain as the dispatcher sees it (the port in src/core/domain.ts): one
 * unit of work is one transaction, with the services bound to it. The web
 * console runs its actions through the same `unit`.
 */
import type { Actor, Domain, Unit } from '../core/domain.ts'
import { isPlatform } from '../core/message.ts'
import type { OutgoingMessage } from '../core/message.ts'
import { isBusy } from '../db/busy.ts'
import { inTx, type Db, type Tx } from '../db/client.ts'
import { getDistrict } from './districts.ts'
import { MAX_FILE_BYTES } from './file-reader/limits.ts'
import { identify, rolesOf } from './identity.ts'
import { claimOnce } from './inbound-events.ts'
import { readLines } from './import.ts'
import { fileProblemText } from './import-report.ts'
import { homeDistrictId, listName } from './members.ts'
import { createWork } from './work.ts'

/** How a unit writes what it will send (the outbox sender's write). */
export type WriteSends<Row> = (tx: Tx, messages: readonly OutgoingMessage[]) => Promise<Row[]>

export function createDomain<Row>(db: Db, write: WriteSends<Row>): Domain<Row> {
  return {
    unit: (fn, options) => inTx(db, (tx) => fn(unitOf(tx, write)), options),
    isBusy,
    maxFileBytes: MAX_FILE_BYTES,
    async readImportFile(name, bytes) {
      const read = await readLines(name, bytes)
      return read.ok ? read : { ok: false, problem: read.problem, text: fileProblemText(name, read.problem) }
    },
  }
}

/** One transaction as a unit of work. */
export function unitOf<Row>(tx: Tx, write: WriteSends<Row>): Unit<Row> {
  return {
    work: createWork(tx),
    claimOnce: (keys, now) => claimOnce(tx, keys, now),
    identify: (message, now, note) => identify(tx, message, now, note),
    async homeDistrict(memberId) {
      const districtId = await homeDistrictId(tx, memberId)
      if (!districtId) return null
      return { district: await getDistrict(tx, districtId), roles: await rolesOf(tx, districtId, memberId) }
    },
    async keepImportFile(file, now) {
      await tx.pendingImport.deleteMany({ where: { memberId: file.memberId } })
      if (file.lines === null) return
      const { memberId, districtId, name, lines } = file
      await tx.pendingImport.create({ data: { memberId, districtId, name, lines: JSON.stringify(lines), receivedAt: now } })
    },
    actAs: (actor) => actAs(tx, actor),
    write: (messages) => write(tx, messages),
  }
}

/** The member as the web console acts for them (Unit.actAs). */
async function actAs(tx: Tx, actor: Actor): ReturnType<Unit<unknown>['actAs']> {
  const { memberId, districtId, groupId } = actor
  const [member, membership, group] = await Promise.all([
    tx.member.findUnique({ where: { id: memberId } }),
    tx.membership.findUnique({ where: { districtId_memberId: { districtId, memberId } } }),
    tx.group.findUnique({ where: { id: groupId } }),
  ])
  if (!member || !membership || !group || !isPlatform(group.platform)) return null
  const account = await tx.account.findFirst({ where: { memberId, platform: group.platform }, orderBy: { lastSeenAt: 'desc' } })
  const name = listName(member)
  const person = { id: account?.userId ?? `member:${memberId}`, name: account?.displayName ?? name }
  const who = { memberId, name, groupId, district: await getDistrict(tx, districtId), roles: await rolesOf(tx, districtId, memberId) }
  return { who, chat: { platform: group.platform, id: group.chatId, isDirect: group.direct, ...(group.title ? { title: group.title } : {}) }, person }
}
