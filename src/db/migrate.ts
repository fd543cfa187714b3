import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Applies the committed migrations with Prisma's own `migrate deploy`, which
 * runs on its bundled WebAssembly schema engine (prisma.config.ts: engine "js").
 */
export async function applyMigrations(databaseUrl: string): Promise<string> {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js')
  const { stdout } = await run(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  }).catch((err: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`prisma migrate deploy failed: ${err.stderr || err.stdout || err.message}`)
  })
  return stdout
}
