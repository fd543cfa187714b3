/**
 * The term's archive as files: `npm run export -- --district 育秀教育集团 --term 第一学期`
 * writes <district>-<term>-档案.xlsx, one UTF-8 (BOM) CSV per sheet, and once a session
 * was held <district>-<term>-档案.zip (the workbook, a 教研活动记录表 per session, the photos).
 * Options: --term 全部 (everything), --activity 12 (one activity's list), --out <folder> (default data/exports).
 */
import { zipTime } from '../src/calendar/dates.ts'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import dotenv from 'dotenv'
import { loadConfig } from '../src/config.ts'
import { closeDb, inTx, openDb } from '../src/db/client.ts'
import { texts } from '../src/core/texts/index.ts'
import { buildWorkbook, sheetCsv, workbookBytes } from '../src/services/export.ts'
import { OPERATOR } from '../src/services/question-access.ts'
import { archiveZip, sessionRecords } from '../src/services/term-archive.ts'

dotenv.config({ quiet: true })
const { values } = parseArgs({
  options: { district: { type: 'string' }, term: { type: 'string' }, activity: { type: 'string' }, out: { type: 'string' } },
})
const config = loadConfig()
if (!values.district) {
  process.stderr.write('用法：npm run export -- --district 学区名称 [--term 第一学期|全部] [--activity 12] [--out 文件夹]\n')
  process.exit(2)
}
const db = await openDb(config.DATABASE_URL)
try {
  const district = await db.district.findUnique({ where: { name: values.district } })
  if (!district) throw new Error(`没有名为「${values.district}」的学区。`)
  let label: string = texts.export.allTerms
  let range: { from?: string; to?: string } = {}
  if (values.term && values.term !== texts.export.allTerms) {
    const semester = await db.semester.findFirst({ where: { districtId: district.id, name: values.term }, orderBy: { startDate: 'desc' } })
    if (!semester) throw new Error(texts.export.termNotFound(values.term))
    label = semester.name
    range = { from: semester.startDate, to: semester.endDate }
  }
  const activityId = values.activity ? Number(values.activity) : undefined
  const scope = { districtId: district.id, ...range, ...(activityId ? { activityId } : {}), reader: OPERATOR, now: new Date() }
  const [wb, records] = await inTx(db, async (tx) => [await buildWorkbook(tx, scope), await sessionRecords(tx, scope, scope.now, district.timezone)] as const)
  const out = path.resolve(values.out ?? path.join(config.dataDir, 'exports'))
  mkdirSync(out, { recursive: true })
  const base = texts.export.fileName(district.name, activityId ? `#${activityId}` : label).replace(/\.xlsx$/, '')
  const file = path.join(out, `${base}.xlsx`)
  const bytes = await workbookBytes(wb)
  writeFileSync(file, bytes)
  process.stdout.write(`${file}\n`)
  // The held sessions' 教研活动记录表 and their photos, with the workbook, as one .zip.
  if (records.length > 0) {
    const zip = path.join(out, `${base}.zip`)
    writeFileSync(zip, await archiveZip(config.dataDir, { name: `${base}.xlsx`, bytes }, records, zipTime(scope.now, district.timezone)))
    process.stdout.write(`${zip}\n`)
  }
  for (const ws of wb.worksheets) {
    const csv = path.join(out, `${base}-${ws.name}.csv`)
    writeFileSync(csv, await sheetCsv(wb, ws.name))
    process.stdout.write(`${csv}\n`)
  }
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 1
} finally {
  await closeDb(db)
}
