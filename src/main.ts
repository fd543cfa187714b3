import dotenv from 'dotenv'
import { createApp, createClock } from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import { inTx } from './db/client.ts'
import { texts } from './core/texts.ts'
import { createLogger } from './log.ts'
import { createConsoleSend, runConsoleGroup } from './platforms/console/console-group.ts'
import { prepareConsoleGroup } from './services/console-setup.ts'

dotenv.config({ quiet: true })

async function main(config: Config): Promise<void> {
  const hasPlatform = Boolean(config.WECHATY_PUPPET || config.WECHATY_PUPPET_SERVICE_TOKEN || config.LARK_APP_ID)
  const log = createLogger(config.LOG_LEVEL ?? (hasPlatform ? 'info' : 'warn'))
  const clock = createClock(config.CLOCK_START)
  const out = process.stdout
  const app = await createApp({ config, log, clock, send: createConsoleSend(out, config.BOT_NAME) })
  if (app.claimCode) out.write(`${texts.claim.printed(app.claimCode)}\n\n`)
  if (hasPlatform) log.warn(texts.startup.platformsPending)
  const district = await inTx(app.db, (tx) => prepareConsoleGroup(tx, config, clock()))
  out.write(`${texts.startup.console(config.BOT_NAME, district)}\n${texts.startup.connect}\n\n`)
  await runConsoleGroup({ input: process.stdin, output: out, botName: config.BOT_NAME, dispatch: app.dispatch, clock })
  await app.close()
}

try {
  await main(loadConfig())
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${texts.startup.configError(err.message)}\n`)
    process.exit(1)
  }
  throw err
}
