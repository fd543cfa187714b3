/**
 * The seams the layout promises (issue 15): handlers reach the database only
 * through the domain services of their unit of work (`ctx.work`), and core
 * imports neither a service nor the database.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
}

/** Lines of a file that match, as "file:line: text". */
function offending(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .flatMap((text, i) => (pattern.test(text) ? [`${file}:${i + 1}: ${text.trim()}`] : [])),
  )
}

describe('seams', () => {
  it('no handler touches the transaction, a Prisma model or the database layer', () => {
    const handlers = sources('handlers')
    expect(handlers.length).toBeGreaterThan(10)
    expect(offending(handlers, /\btx\b|\$queryRaw|\$executeRaw|from '\.\.\/src\/db\/|import \{[^}]*\} from '\.\.\/src\/generated\//)).toEqual([])
  })

  it('core imports no service and no database module (only types of the generated client)', () => {
    const core = sources('src/core')
    expect(core.length).toBeGreaterThan(10)
    expect(offending(core, /from '\.\.\/(?:\.\.\/)?services\/|from '\.\.\/(?:\.\.\/)?db\/|import \{[^}]*\} from '\.\.\/generated\//)).toEqual([])
  })

  it('the web console imports no handler and no database module: it reads through units of work and changes through the chat commands', () => {
    const web = sources('src/web')
    expect(web.length).toBeGreaterThan(3)
    expect(offending(web, /\btx\b|\$queryRaw|\$executeRaw|from '(?:\.\.\/)+db\/|from '(?:\.\.\/)+handlers\/|import \{[^}]*\} from '(?:\.\.\/)+generated\//)).toEqual([])
  })
})
