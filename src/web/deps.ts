import type { Config } from '../config.ts'
import type { Work } from '../core/command.ts'
import type { Domain } from '../core/domain.ts'
import type { Perform } from '../core/perform.ts'
import type { Registry } from '../core/registry.ts'
import type { Logger } from '../log.ts'

/** What the web console is built from: the same units of work and commands as the chat. */
export interface WebDeps {
  domain: Domain<unknown>
  /** Runs a chat command for the signed-in member (src/core/perform.ts): every change the console makes. */
  perform: Perform
  registry: Registry
  clock: () => Date
  config: Config
  log: Logger
}

/** Reads through the domain services in one unit of work (a page's data). */
export function read<T>(deps: WebDeps, fn: (work: Work) => Promise<T>): Promise<T> {
  return deps.domain.unit((unit) => fn(unit.work))
}
