/**
 * A term's 行事历 into a district: `npm run import -- 行事历.docx --district 育秀教育集团`
 * shows what it would create and every line it cannot read; `--yes` saves it
 * (one transaction; importing the same file again creates nothing twice).
 */
import { createReadStream } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import dotenv from 'dotenv'
import { argsErrorText, resolveErrorText } from '../handlers/shared.ts'
import { loadConfig } from '../src/config.ts'
import { texts } from '../src/core/texts/index.ts'
import { closeDb, inTx, openDb } from '../src/db/client.ts'
import { MAX_IMPORT_ACTIVITIES, prepareImport, readLines, saveImport } from '../src/services/import.ts'
import { fileProblemText, itemLines, mergeLines, notActivityLines, sameLines, unreadableLines } from '../src/services/import-report.ts'
import { MAX_FILE_BYTES } from '../src/services/file-reader/limits.ts'
import { FileTooBig, readAtMost } from '../src/core/read-at-most.ts'

dotenv.config({ quiet: true })
const { values, positionals } = parseArgs({ allowPositionals: true, options: { district: { type: 'string' }, yes: { type: 'boolean', default: false } } })
const T = texts.importing
const say = (line: string) => void process.stdout.write(`${line}\n`)
const file = positionals[0]
if (!file || !values.district) {
  process.stderr.write(`${T.usage}\n`)
  process.exit(2)
}
const config = loadConfig()
const db = await openDb(config.DATABASE_URL)
try {
  const district = await db.district.findUnique({ where: { name: values.district } })
  if (!district) throw new Error(T.noDistrict(values.district))
  // At most MAX_FILE_BYTES are read from the file, then it is read in a worker within the limits, outside the transaction.
  const bytes = await readAtMost(createReadStream(file), MAX_FILE_BYTES).catch((err: unknown) => {
    throw err instanceof FileTooBig ? new Error(fileProblemText(path.basename(file), { key: 'tooBig' })) : err
  })
  const read = await readLines(file, bytes)
  if (!read.ok) throw new Error(fileProblemText(path.basename(file), read.problem))
  const plan = await inTx(db, async (tx) => prepareImport(tx, district, new Date(), read.lines))
  if (!plan) throw new Error(T.noSemester)
  const { reference, items, fresh, existing, merges, same, unreadable, notActivities } = plan
  if (fresh.length > MAX_IMPORT_ACTIVITIES) throw new Error(T.tooMany(fresh.length, MAX_IMPORT_ACTIVITIES))
  const year = Number(reference.slice(0, 4))
  say(T.header(path.basename(file), district.name, reference))
  if (!values.yes) {
    say(T.willCreate(fresh.length))
    itemLines(fresh, year).forEach(say)
  }
  mergeLines(merges).forEach(say)
  if (existing) say(T.existing(existing))
  sameLines(same, year).forEach(say)
  unreadableLines(unreadable, { resolve: resolveErrorText, args: argsErrorText }).forEach(say)
  notActivityLines(notActivities).forEach(say)
  if (items.length === 0) say(T.emptyFile)
  if (!values.yes) {
    say(T.confirm)
  } else {
    const origin = await db.group.findFirst({ where: { districtId: district.id, direct: false }, orderBy: { id: 'asc' } })
    const organizer = await db.memberRole.findFirst({ where: { districtId: district.id, role: 'admin' }, orderBy: { grantedAt: 'asc' } })
    if (!organizer) throw new Error(T.noDistrict(district.name))
    const bar = new cliProgress.SingleBar({ format: `${T.progress} {bar} {value}/{total}`, stream: process.stderr, noTTYOutput: false }, cliProgress.Presets.shades_classic)
    if (process.stderr.isTTY) bar.start(fresh.length, 0)
    const result = await inTx(db, (tx) =>
      saveImport(tx, district, { groupId: origin?.id ?? null, organizerId: organizer.memberId }, fresh, (n) => bar.increment(n)),
    )
    bar.stop()
    say(T.created(result.created.length))
    itemLines(fresh, year).forEach(say)
    say(T.summary(result.created.length, existing + result.existing.length, unreadable.length, merges.length))
  }
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 1
} finally {
  await closeDb(db)
}
