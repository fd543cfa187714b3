/**
 * Moves a district's data from one database to another, keys and sequences
 * included: `npm run db:copy -- --from file:./data/xuequ.db --to postgresql://xuequ:…@127.0.0.1:5432/xuequ`.
 * Stop the bot first. Both databases are brought up to the current schema;
 * the target must be empty, and is left empty if anything fails.
 */
import { parseArgs } from 'node:util'
import { closeDb, openDb, type Db } from '../src/db/client.ts'
import { copyDatabase, nonEmptyTables } from '../src/db/copy.ts'
import { migrateIfNeeded } from '../src/db/migrate.ts'
import { isPostgresUrl } from '../src/db/url.ts'

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } })
const usage = '用法：npm run db:copy -- --from file:./data/xuequ.db --to postgresql://用户:密码@主机:5432/库名\n（先停止机器人；目标库必须是空的。）\n'
const valid = (url?: string): url is string => Boolean(url && (url.startsWith('file:') || isPostgresUrl(url)))
if (!valid(values.from) || !valid(values.to) || values.from === values.to) {
  process.stderr.write(usage)
  process.exit(2)
}
/** Where a url points, without its password. */
const where = (url: string) => (isPostgresUrl(url) ? url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : url)

const opened: Db[] = []
try {
  await migrateIfNeeded(values.from)
  await migrateIfNeeded(values.to)
  const source = await openDb(values.from)
  opened.push(source)
  const target = await openDb(values.to)
  opened.push(target)
  const taken = await nonEmptyTables(target)
  if (taken.length > 0) {
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
  process.stderr.write(`复制失败，目标数据库没有改动：${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 1
} finally {
  for (const db of opened) await closeDb(db)
}
