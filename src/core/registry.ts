import { distance } from 'fastest-levenshtein'
import type { Command } from './command.ts'
import { mayUse, type Role } from './roles.ts'

/** All commands, found by name or alias; suggests the nearest on a typo. */
export class Registry {
  readonly #byKey = new Map<string, Command>()

  constructor(readonly commands: readonly Command[]) {
    for (const command of commands) {
      for (const key of [command.name, ...command.aliases]) {
        const folded = key.toLowerCase()
        const clash = this.#byKey.get(folded)
        if (clash) throw new Error(`command key "${key}" is used by both ${clash.id} and ${command.id}`)
        this.#byKey.set(folded, command)
      }
    }
  }

  find(name: string): Command | undefined {
    return this.#byKey.get(name.toLowerCase())
  }

  /** Commands /帮助 offers a member holding these roles (their role, or listedFor), in declaration order. */
  usableBy(roles: ReadonlySet<Role>): Command[] {
    return this.commands.filter((c) => mayUse(c.listedFor ?? c.role, roles))
  }

  /** The command the user most likely meant, if one is close enough. */
  suggest(name: string): Command | undefined {
    const typed = name.toLowerCase()
    if (!typed) return undefined
    let best: { command: Command; score: number } | undefined
    for (const [key, command] of this.#byKey) {
      const score = key.startsWith(typed) || typed.startsWith(key) ? 0.5 : distance(key, typed)
      const limit = /^[\x00-\x7f]+$/.test(key) ? 2 : 1
      // A two-character Chinese name one character off is a typo of it only when the first (the verb) is right: 排气 → 排期, not 改名 → 报名.
      const sameVerb = key.length > 2 || score < 1 || key[0] === typed[0]
      if (score <= limit && score < key.length && sameVerb && (!best || score < best.score)) best = { command, score }
    }
    return best?.command
  }
}
