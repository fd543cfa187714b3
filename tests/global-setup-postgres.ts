import type { TestProject } from 'vitest/node'
import { dropDatabases, migratedTemplate, testServerUrl } from './helpers/postgres.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServer: string
    postgresTemplate: string
    postgresPrefix: string
  }
}

/** For the suites that run again on PostgreSQL: the server, and one migrated database per run that tests copy. */
export default async function setup(project: TestProject) {
  const server = testServerUrl()
  const template = await migratedTemplate(server)
  const prefix = `xuequ_test_${process.pid}`
  project.provide('postgresServer', server)
  project.provide('postgresTemplate', template)
  project.provide('postgresPrefix', prefix)
  return () => dropDatabases(server, prefix)
}
