import path from 'node:path'
import { z } from 'zod'

const timezone = z.string().refine(isTimezone, { message: 'not an IANA timezone such as Asia/Shanghai' })
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected HH:mm, e.g. 13:30' })

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^file:/, { message: 'expected a SQLite file url such as file:./data/xuequ.db' })
    .default('file:./data/xuequ.db'),
  BOT_NAME: z.string().min(1).default('学区助手'),
  DEFAULT_TIMEZONE: timezone.default('Asia/Shanghai'),
  DEFAULT_MORNING: clock.default('09:00'),
  DEFAULT_AFTERNOON: clock.default('13:30'),
  DEFAULT_EVENING: clock.default('19:00'),
  CONSOLE_DISTRICT: z.string().min(1).default('示范学区'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  CLOCK_START: z.coerce
    .date({ message: 'expected an ISO instant such as 2026-09-01T08:00:00+08:00' })
    .optional(),
  WECHATY_PUPPET: z.string().optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
  LARK_APP_ID: z.string().optional(),
  LARK_APP_SECRET: z.string().optional(),
})

export type Config = z.infer<typeof schema> & { databaseFile: string }

export class ConfigError extends Error {}

/** Reads the environment once; empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''))
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`)
    throw new ConfigError(`Invalid environment variable(s), see .env.example:\n${lines.join('\n')}`)
  }
  const databaseFile = path.resolve(cwd, parsed.data.DATABASE_URL.replace(/^file:/, ''))
  return { ...parsed.data, DATABASE_URL: `file:${databaseFile}`, databaseFile }
}

function isTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}
