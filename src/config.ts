import path from 'node:path'
import { z } from 'zod'

const timezone = z.string().refine(isTimezone, { message: 'not an IANA timezone such as Asia/Shanghai' })
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected HH:mm, e.g. 13:30' })

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/\S+)$/, {
      message: 'expected a SQLite file url such as file:./data/xuequ.db, or postgresql://user:password@host:5432/xuequ',
    })
    .default('file:./data/xuequ.db'),
  /** Files the bot keeps besides the database: exports, imports, the WeChat session, the archive. */
  DATA_DIR: z.string().default('./data'),
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
  /** A reminder claimed by a process that died before marking it sent is sent again after this long. */
  REMINDER_RETRY_AFTER_S: z.coerce.number().int().min(1).max(86_400).default(60),
  /** How long a command waits, in its turn, while another process holds the database; then it is answered 系统繁忙 with nothing recorded. */
  BUSY_WAIT_S: z.coerce.number().int().min(1).max(600).default(60),
  /** on: always; off: never; auto: when no platform is configured, or when run in a terminal. */
  CONSOLE: z.enum(['on', 'off', 'auto']).default('auto'),
  WECHAT_ENABLED: z.stringbool().default(false),
  WECHATY_PUPPET: z.string().optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
  WECHAT_SEND_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  WECHAT_SEND_JITTER_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  WECHAT_MAX_TEXT: z.coerce.number().int().min(100).max(10_000).default(1500),
  /** With several processes on one database, one logs in to WeChat; another takes over this long after it stops renewing (died). */
  WECHAT_LEASE_S: z.coerce.number().int().min(3).max(3600).default(60),
  LARK_APP_ID: z.string().optional(),
  LARK_APP_SECRET: z.string().optional(),
  LARK_MODE: z.enum(['ws', 'webhook']).default('ws'),
  LARK_DOMAIN: z
    .string()
    .regex(/^(feishu|lark|https?:\/\/\S+)$/, { message: 'expected feishu, lark, or a base URL such as https://open.feishu.cn' })
    .default('feishu'),
  LARK_ENCRYPT_KEY: z.string().optional(),
  LARK_VERIFICATION_TOKEN: z.string().optional(),
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** The bot's public address; set, it serves calendar feeds at PUBLIC_URL/calendar/<token>.ics. */
  PUBLIC_URL: z.url().optional(),
})

export type Config = z.infer<typeof schema> & {
  /** The SQLite file, or null on PostgreSQL. */
  databaseFile: string | null
  database: 'sqlite' | 'postgres'
  /** DATA_DIR, absolute. */
  dataDir: string
  /** The wechaty puppet to run, or null when WeChat is not configured. */
  wechatPuppet: string | null
  larkEnabled: boolean
}

export class ConfigError extends Error {}

/** Reads the environment once; empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''))
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`)
    throw new ConfigError(`Invalid environment variable(s), see .env.example:\n${lines.join('\n')}`)
  }
  const data = parsed.data
  const problems: string[] = []
  if (Boolean(data.LARK_APP_ID) !== Boolean(data.LARK_APP_SECRET)) problems.push('  LARK_APP_ID and LARK_APP_SECRET: set both or neither')
  const larkEnabled = Boolean(data.LARK_APP_ID && data.LARK_APP_SECRET)
  if (larkEnabled && data.LARK_MODE === 'webhook' && !data.LARK_VERIFICATION_TOKEN && !data.LARK_ENCRYPT_KEY) {
    problems.push('  LARK_VERIFICATION_TOKEN: webhook mode needs it (and LARK_ENCRYPT_KEY if the app sets one) to refuse forged events')
  }
  if (problems.length > 0) throw new ConfigError(`Invalid environment variable(s), see .env.example:\n${problems.join('\n')}`)
  const wechatPuppet =
    data.WECHATY_PUPPET ??
    (data.WECHATY_PUPPET_SERVICE_TOKEN ? 'wechaty-puppet-service' : data.WECHAT_ENABLED ? 'wechaty-puppet-wechat4u' : null)
  const dataDir = path.resolve(cwd, data.DATA_DIR)
  if (/^postgres/.test(data.DATABASE_URL)) {
    return { ...data, databaseFile: null, database: 'postgres', dataDir, wechatPuppet, larkEnabled }
  }
  const databaseFile = path.resolve(cwd, data.DATABASE_URL.replace(/^file:/, ''))
  return { ...data, DATABASE_URL: `file:${databaseFile}`, databaseFile, database: 'sqlite', dataDir, wechatPuppet, larkEnabled }
}

function isTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}
