/**
 * The operator's /确认, for when no admin can confirm in chat: after a WeChat
 * re-login on a puppet that gives no stable ids, the only admin's own new
 * account waits for an admin's confirmation like anyone's.
 *   npm run confirm -- --district 育秀教育集团            lists who waits
 *   npm run confirm -- --district 育秀教育集团 --name 张主任   confirms the one new account of that name
 */
import { parseArgs } from 'node:util'
import dotenv from 'dotenv'
import { loadConfig } from '../src/config.ts'
import { texts } from '../src/core/texts/index.ts'
import { closeDb, inTx, openDb } from '../src/db/client.ts'
import { listName } from '../src/services/members.ts'
import { confirmClaim, openClaims } from '../src/services/placeholders.ts'

dotenv.config({ quiet: true })
const { values } = parseArgs({ options: { district: { type: 'string' }, name: { type: 'string' } } })
const T = texts.confirmCli
const say = (line: string) => void process.stdout.write(`${line}\n`)
if (!values.district) {
  process.stderr.write(`${T.usage}\n`)
  process.exit(2)
}
const db = await openDb(loadConfig().DATABASE_URL)
try {
  const district = await db.district.findUnique({ where: { name: values.district } })
  if (!district) throw new Error(T.noDistrict(values.district))
  const now = new Date()
  const name = values.name
  const done = await inTx(db, async (tx) => {
    const claims = await openClaims(tx, district.id, now, name)
    if (!name) return claims.length ? [T.waiting, ...claims.map((c) => T.line(listName(c.placeholder)))] : [T.none]
    const candidates = [...new Set(claims.map((c) => c.candidateId))]
    if (candidates.length !== 1) throw new Error(candidates.length ? T.ambiguous(name, candidates.length) : T.noneNamed(name))
    await confirmClaim(tx, claims[0]!.placeholder.id, candidates[0]!, now)
    return [T.confirmed(name)]
  })
  done.forEach(say)
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 1
} finally {
  await closeDb(db)
}
