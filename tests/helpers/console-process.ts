import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
/** `node --import tsx`: the bot in one process (the tsx command runs it in a child of its own, which a SIGKILL to tsx would miss). */
const NODE_TSX = [process.execPath, '--import', 'tsx'] as const

export interface ConsoleRun {
  code: number | null
  stdout: string
  stderr: string
  /** The lines the bot printed, without the "学区助手> " prefix. */
  bot: string[]
}

/** Starts `npm start`'s entry with the bot's own variables from this shell removed and `env` added. */
export function startBot(env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(WECHATY_|WECHAT_|LARK_|HTTP_PORT|CONSOLE|DATABASE_URL|DATA_DIR|CLOCK_START|LOG_LEVEL)/.test(k)),
  )
  return spawn(NODE_TSX[0], [...NODE_TSX.slice(1), 'src/main.ts'], { cwd: ROOT, env: { ...clean, ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
}

/**
 * Runs `npm start`'s entry in a child process, pipes the lines to its stdin
 * as a file would, and collects what it prints. Platform credentials are
 * removed so it opens the console group.
 */
export function runConsole(lines: string[], env: Record<string, string>): Promise<ConsoleRun> {
  const child = startBot(env)
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  child.stdin.end(lines.map((l) => `${l}\n`).join(''))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      const bot = stdout.split('\n').filter((l) => l.startsWith('学区助手> ')).map((l) => l.slice('学区助手> '.length))
      resolve({ code, stdout, stderr, bot })
    })
  })
}

/** Runs one reminder tick in a child process on the database at the given instant; returns what it sent. */
export function tickInProcess(databaseUrl: string, iso: string): Promise<{ chat: { chatId: string }; text: string }[]> {
  const child = spawn(TSX, [path.join(ROOT, 'tests', 'helpers', 'reminder-tick.ts'), databaseUrl, iso], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')))
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')))
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`reminder process exited ${code}: ${err}`))
      resolve(out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { chat: { chatId: string }; text: string }))
    })
  })
}

/** A TCP port free on 127.0.0.1 at this moment, for a child bot's HTTP server. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

/** Runs one of scripts/ (an operator's command, as `npm run` runs it) with the bot's variables from this shell removed and `env` added. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(WECHATY_|WECHAT_|LARK_|HTTP_PORT|CONSOLE|DATABASE_URL|DATA_DIR|CLOCK_START|LOG_LEVEL)/.test(k)))
  const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), script, ...args], { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
