import { randomUUID } from 'node:crypto'
import path from 'node:path'
import dotenv from 'dotenv'
import { createApp, createClock } from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import { DataFolderError, inTx } from './db/client.ts'
import { texts } from './core/texts/index.ts'
import { createLogger } from './log.ts'
import { createConsoleSend, runConsoleGroup } from './platforms/console/console-group.ts'
import { startHttpServer, type Route } from './platforms/http-server.ts'
import { createSendRouter, type PlatformAdapter } from './platforms/platform.ts'
import { databaseProblem } from './db/problems.ts'
import { databaseWhere } from './db/url.ts'
import { createReminders } from './reminders/runner.ts'
import { createLeaseKeeper, type LeaseKeeper } from './platforms/lease-keeper.ts'
import { HEARTBEAT_MS, liveProcesses, registerProcess, removeProcess, seeProcess } from './services/processes.ts'
import { prepareConsoleGroup } from './services/console-setup.ts'
import { CALENDAR_PATH, calendarRoute } from './services/feed-route.ts'
import { CONSOLE_PATH } from './services/web-tokens.ts'
import type { FastifyInstance } from 'fastify'

dotenv.config({ quiet: true })

/**
 * One process for every platform: the console group, WeChat and Lark, each
 * on when its environment variables are set. Says at start which are live.
 */
async function main(config: Config): Promise<void> {
  const hasPlatform = Boolean(config.wechatPuppet || config.larkEnabled)
  const consoleOn = config.CONSOLE === 'on' || (config.CONSOLE === 'auto' && (!hasPlatform || process.stdin.isTTY === true))
  const log = createLogger(config.LOG_LEVEL ?? (hasPlatform ? 'info' : 'warn'))
  const clock = createClock(config.CLOCK_START)
  const out = process.stdout
  const say = (line: string) => void out.write(`${line}\n`)
  // Output read by a pipe that closed (`npm start | head`): stopped as by Ctrl+C once it can be, not killed by EPIPE with its process left on the list.
  let pipeBroken = false
  let stop = () => {}
  out.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') return log.error({ err }, 'output failed')
    pipeBroken = true
    stop()
  })
  const router = createSendRouter()
  const app = await createApp({
    config, log, clock, opsClock: () => new Date(), send: router.send, serves: router.platforms, onMigrating: (count) => say(texts.startup.migrating(count)),
  })
  // This process on the database's list of live ones, seen every half minute (the machine's clock: leases and liveness are real time).
  const processId = randomUUID()
  await registerProcess(app.db, processId, new Date())
  const heartbeat = setInterval(() => void seeProcess(app.db, processId, new Date()).catch((err: unknown) => log.warn({ err }, 'heartbeat failed')), HEARTBEAT_MS)
  heartbeat.unref()
  say(texts.startup.database(config.database, databaseWhere(config.DATABASE_URL), app.migrated.length, await liveProcesses(app.db, new Date())))
  if (app.claimCode) say(`${texts.claim.printed(app.claimCode)}\n`)

  const adapters: PlatformAdapter[] = []
  const routes: Record<string, Route> = {}
  let http: Promise<{ port: number; close(): Promise<void> }> | undefined
  const closers: (() => Promise<void>)[] = []
  let district: string | null = null
  if (consoleOn) {
    district = await inTx(app.db, (tx) => prepareConsoleGroup(tx, config, clock()))
    router.use('console', createConsoleSend(out, config.BOT_NAME, path.join(config.dataDir, 'exports')))
  } else say(texts.startup.off('控制台群', hasPlatform ? texts.startup.consoleOff : texts.startup.noChannel))

  let wechatLease: LeaseKeeper | undefined
  if (config.wechatPuppet) {
    const puppet = config.wechatPuppet
    // wechaty and the Lark SDK take seconds to load: only when configured.
    const { WechatAdapter, buildWechaty } = await import('./platforms/wechat/index.ts')
    let adapter: PlatformAdapter | undefined
    let started = false
    // One process at a time logs in to the WeChat account; the others wait and take over.
    wechatLease = createLeaseKeeper({
      db: app.db, name: 'wechat', holder: processId, leaseMs: config.WECHAT_LEASE_S * 1000, clock: () => new Date(), log,
      onHeld: async () => {
        if (started) say(texts.startup.wechatTakeover)
        started = true
        adapter = new WechatAdapter({
          bot: buildWechaty({ puppet, token: config.WECHATY_PUPPET_SERVICE_TOKEN, dataDir: config.dataDir }),
          dispatch: app.dispatch,
          announce: app.announce,
          log,
          botName: config.BOT_NAME,
          sendIntervalMs: config.WECHAT_SEND_INTERVAL_MS,
          sendJitterMs: config.WECHAT_SEND_JITTER_MS,
          maxTextLength: config.WECHAT_MAX_TEXT,
          output: out,
          clock,
        })
        await startAdapter(adapter, '微信', texts.startup.wechatDetail(puppet))
      },
      onLost: async () => {
        if (!adapter) return
        adapters.splice(adapters.indexOf(adapter), 1)
        await adapter.stop()
        adapter = undefined
      },
    })
    if (!(await wechatLease.start())) {
      started = true
      say(texts.startup.wechatStandby(config.WECHAT_LEASE_S))
    }
  } else say(texts.startup.off('微信', texts.startup.wechatOff))

  // Calendar feeds and the web console, on the one HTTP server (its routes are all known before it starts).
  if (config.PUBLIC_URL) routes[CALENDAR_PATH] = calendarRoute(app.db)

  if (config.larkEnabled) {
    const { LARK_CARD_PATH, LARK_EVENTS_PATH, LarkAdapter } = await import('./platforms/lark/index.ts')
    const adapter = new LarkAdapter({
      appId: config.LARK_APP_ID!,
      appSecret: config.LARK_APP_SECRET!,
      domain: config.LARK_DOMAIN,
      mode: config.LARK_MODE,
      encryptKey: config.LARK_ENCRYPT_KEY,
      verificationToken: config.LARK_VERIFICATION_TOKEN,
      db: app.db,
      dispatch: app.dispatch,
      announce: app.announce,
      log,
      botName: config.BOT_NAME,
      clock,
    })
    const detail =
      config.LARK_MODE === 'ws'
        ? texts.startup.larkWs(config.LARK_DOMAIN)
        : texts.startup.larkWebhook(config.HTTP_PORT, LARK_EVENTS_PATH, LARK_CARD_PATH, config.LARK_DOMAIN)
    if (config.LARK_MODE === 'webhook') {
      Object.assign(routes, { [LARK_EVENTS_PATH]: adapter.handleWebhook, [LARK_CARD_PATH]: adapter.handleCardWebhook })
      await ensureHttp()
    }
    await startAdapter(adapter, '飞书', detail)
  } else say(texts.startup.off('飞书', texts.startup.larkOff))

  if (config.PUBLIC_URL) {
    const port = await ensureHttp()
    const base = config.PUBLIC_URL.replace(/\/+$/, '')
    say(texts.startup.calendar(`${base}${CALENDAR_PATH}…`, port))
    say(texts.startup.webConsole(`${base}${CONSOLE_PATH}/`, port))
  }

  // What was written and not sent before a restart goes now; then every half minute, with retries.
  app.outbox.start()
  void app.outbox.pass().catch((err: unknown) => log.error({ err }, 'outbox pass failed'))
  // Reminders are written to the same outbox; a first tick at start catches up after downtime.
  const reminders = createReminders({ db: app.db, outbox: app.outbox, log, clock, holder: processId })
  reminders.start()
  void reminders.tick().catch((err: unknown) => log.error({ err }, 'reminder tick failed'))
  const shutdown = async () => {
    clearInterval(heartbeat)
    await reminders.stop()
    app.outbox.stop()
    await app.outbox.idle()
    await Promise.allSettled(adapters.map((a) => a.stop()))
    // Logged out first, then the lease given up: another process may log in at once.
    await wechatLease?.stop()
    await Promise.allSettled(closers.map((close) => close()))
    await removeProcess(app.db, processId).catch(() => {})
    await app.close()
  }
  let stopping = false
  stop = () => {
    if (stopping) return
    stopping = true
    void shutdown().then(() => process.exit(0))
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop)
  if (pipeBroken) stop()

  if (consoleOn && district) {
    say(`${texts.startup.console(config.BOT_NAME, district)}\n${hasPlatform ? '' : `${texts.startup.connect}\n`}`)
    await runConsoleGroup({ input: process.stdin, output: out, botName: config.BOT_NAME, dispatch: app.dispatch, clock })
    // End of console input: the process stays up only for the platforms that are live.
    if (adapters.length === 0 && !wechatLease && !stopping) {
      stopping = true
      await shutdown()
    }
  } else if (adapters.length > 0) {
    say(texts.startup.running)
  }

  /** One HTTP server for Lark webhooks, calendar feeds and the web console, started when the first of them needs it. */
  async function ensureHttp(): Promise<number> {
    // The console's modules load only when it is served (a quarter of a second at start otherwise).
    const setup = config.PUBLIC_URL
      ? async (server: FastifyInstance) => {
          const { registerWebConsole } = await import('./web/index.ts')
          await registerWebConsole(server, { domain: app.domain, perform: app.perform, registry: app.registry, clock, config, log })
        }
      : undefined
    http ??= startHttpServer({ port: config.HTTP_PORT, routes, log, ...(setup ? { setup } : {}) }).then((server) => {
      closers.push(server.close)
      return server
    })
    return (await http).port
  }

  async function startAdapter(adapter: PlatformAdapter, name: string, detail: string): Promise<void> {
    router.use(adapter.platform, (m) => adapter.send(m))
    try {
      await adapter.start()
      adapters.push(adapter)
      say(texts.startup.live(name, detail))
    } catch (err) {
      log.error({ err, platform: name }, 'platform did not start')
      say(texts.startup.failed(name, err instanceof Error ? err.message : String(err)))
    }
  }
}

let loaded: Config | undefined
try {
  loaded = loadConfig()
  await main(loaded)
} catch (err) {
  const problem = databaseProblem(err)
  if (problem && loaded) {
    process.stderr.write(`${texts.startup.databaseUnreachable(databaseWhere(loaded.DATABASE_URL), texts.startup.databaseProblems[problem])}\n`)
    process.exit(1)
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`${texts.startup.configError(err.message)}\n`)
    process.exit(1)
  }
  if (err instanceof DataFolderError) {
    process.stderr.write(`${texts.startup.dataFolder(err.folder, err.reason)}\n`)
    process.exit(1)
  }
  throw err
}
