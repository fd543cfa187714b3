import { defineConfig } from 'vitest/config'

/** The suites that run a second time on PostgreSQL: storage, concurrency, reminders and platforms. */
const ON_POSTGRES = ['tests/db/concurrency.test.ts', 'tests/db/copy.test.ts', 'tests/prisma/providers.test.ts', 'tests/services/**/*.test.ts', 'tests/reminders/**/*.test.ts', 'tests/platforms/**/*.test.ts']

/** Files that need the PostgreSQL server (moving SQLite data to it, several processes on it): the postgres project only. */
const POSTGRES_ONLY = ['tests/db/copy.test.ts', 'tests/platforms/four-processes.test.ts', 'tests/platforms/lark-limit.test.ts']

/** Files of those suites not run again on PostgreSQL: they never open the bot's database (parsing, timing, the console processes' own SQLite file), or measure speed. */
const DATABASE_FREE = [
  'tests/services/file-reader.test.ts', 'tests/services/import-lines.test.ts', 'tests/services/import-merge.test.ts', 'tests/reminders/timing.test.ts',
  'tests/platforms/console.test.ts', 'tests/platforms/http-server.test.ts', 'tests/platforms/process.test.ts',
  // How few messages a burst is gathered into depends on how fast the sign-ups commit, not on the database's
  // correctness; a loaded PostgreSQL (CI) gathered 60 into 7 instead of at most 5. The burst's sign-ups themselves
  // are checked on PostgreSQL by tests/db/concurrency.test.ts and tests/platforms/four-processes.test.ts.
  'tests/platforms/burst.test.ts',
]

// Nothing may depend on the machine's timezone: everything runs with TZ=UTC,
// and the suites that touch dates run again with TZ=Asia/Shanghai.
export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    // Much of the suite waits on child processes, sockets and PostgreSQL; one worker per core left most of the run idle.
    maxWorkers: 2,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'tz-utc', include: ['tests/**/*.test.ts'], exclude: POSTGRES_ONLY, env: { TZ: 'UTC' } } },
      {
        extends: true,
        test: {
          name: 'tz-shanghai',
          include: ['tests/calendar/**/*.test.ts', 'tests/core/**/*.test.ts', 'tests/handlers/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ON_POSTGRES,
          exclude: DATABASE_FREE,
          globalSetup: ['tests/global-setup-postgres.ts'],
          env: { TZ: 'UTC', XUEQU_TEST_DB: 'postgres' },
        },
      },
    ],
  },
})
