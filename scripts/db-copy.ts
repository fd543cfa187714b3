/**
 * Moves a district's data from one database to another, keys and sequences
 * included: `npm run db:copy -- --from file:./data/xuequ.db --to postgresql://xuequ:…@127.0.0.1:5432/xuequ`.
 * Stop the bot first (a source with a bot process seen in the last 90 s is
 * refused, and so is a source file that does not exist). Both databases are
 * brought up to the current schema; the target must be empty, and is left
 * empty if anything fails.
 */
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { texts } from '../src/core/texts/index.ts'
import { closeDb, openDb, type Db } from '../src/db/client.ts'
import { copyDatabase, nonEmptyTables } from '../src/db/copy.ts'
import { migrateIfNeeded } from '../src/db/migrate.ts'
import { databaseProblem } from '../src/db/problems.ts'
import { isPostgresUrl } from '../src/db/url.ts'
import { liveProcesses } from '../src/services/processes.ts'

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } })
const usage = '用法：npm run db:copy -- --from file:./data/xuequ.db --to postgresql://用户:密码@主机:5432/库名\n（先停止机器人；目标库必须是空的。）\n'
const valid = (url?: string): url is string => Boolean(url && (url.startsWith('file:') || isPostgresUrl(url)))
if (!valid(values.from) || !valid(values.to) || values.from === values.to) {
  process.stderr.write(usage)
  process.exit(2)
}
/** Where a url points, without its password (in the user part or as a parameter). */
const where = (url: string) => (isPostgresUrl(url) ? url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@').replace(/([?&]password=)[^&]*/i, '$1***') : url)
const sourceFile = values.from.startsWith('file:') ? values.from.replace(/^file:/, '') : null
// A mistyped source path would otherwise become a new, empty database, "copied" without a row.
if (sourceFile && !existsSync(sourceFile)) {
  process.stderr.write(`找不到源数据库文件 ${sourceFile}，什么也没有复制。请检查 --from 的路径（机器人的数据库默认在 data/xuequ.db）。\n`)
  process.exit(1)
}

const opened: Db[] = []
try {
  await migrateIfNeeded(values.from)
  await migrateIfNeeded(values.to)
  const source = await openDb(values.from)
  opened.push(source)
  const target = await openDb(values.to)
  opened.push(target)
  const taken = await nonEmptyTables(target)
  // A bot still running on the source would go on writing what the copy no longer sees.
  const running = await liveProcesses(source, new Date())
  if (running > 0) {
    process.stderr.write(`源数据库上还有 ${running} 个机器人进程在运行（最近 90 秒内报到过），什么也没有复制。请先停止机器人（Ctrl+C），再复制。\n`)
    process.exitCode = 1
  } else if (taken.length > 0) {
    const list = taken.map((t) => `${t.model} ${t.rows} 行`).join('，')
    process.stderr.write(`目标数据库里已经有数据（${list}），为了不覆盖，什么也没有复制。请换一个空的数据库。\n`)
    process.exitCode = 1
  } else {
    process.stdout.write(`从 ${where(values.from)} 复制到 ${where(values.to)}：\n`)
    const copied = await copyDatabase(source, target, (model, rows) => process.stdout.write(`  ${model}：${rows} 行\n`))
    const total = [...copied.values()].reduce((a, b) => a + b, 0)
    process.stdout.write(`完成：${copied.size} 张表，共 ${total} 行，编号原样保留${isPostgresUrl(values.to) ? '，新编号接在最大编号之后' : ''}。\n`)
  }
} catch (err) {
  const problem = databaseProblem(err)
  const why = problem ? texts.startup.databaseProblems[problem] : err instanceof Error ? err.message : String(err)
  process.stderr.write(`复制失败，目标数据库没有改动：${why}\n`)
  process.exitCode = 1
} finally {
  for (const db of opened) await closeDb(db)
}
