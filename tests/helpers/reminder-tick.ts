/**
 * A separate bot process for the reminder tests: opens the database,
 * runs the reminder tick twice at the given instant, and prints each message
 * it sends as a JSON line. Usage: tsx reminder-tick.ts <database url> <ISO time>
 */
import { openDb } from '../../src/db/client.ts'
import { createLogger } from '../../src/log.ts'
import { createReminders } from '../../src/reminders/runner.ts'

const [url, iso] = process.argv.slice(2)
const db = await openDb(url!)
const reminders = createReminders({
  db,
  send: async (m) => void process.stdout.write(`${JSON.stringify(m)}\n`),
  log: createLogger('silent'),
  clock: () => new Date(iso!),
})
await reminders.tick()
await reminders.tick()
await db.$disconnect()
