import type { CommandLine } from './command-line.ts'
import { Refusal, type Command, type Context, type RestrictedForm } from './command.ts'
import { mayUse, type Role } from './roles.ts'
import { texts } from './texts/index.ts'

/** The form of a command a line is, if it is one that needs more than the command's role. */
export function formOf(command: Command, line: CommandLine, message: Context['message']): RestrictedForm | undefined {
  return command.forms?.find((f) => f.matches(line, message))
}

/**
 * Refuses a sender whose roles (ctx.sender.roles) do not allow this line of
 * the command: the router calls it for every command; a handler that finds
 * the sender's roles itself (a direct chat acting for the home district)
 * calls it with those. What /帮助 says comes from the same declaration.
 */
export async function assertMayUse(command: Command, line: CommandLine, ctx: Context): Promise<void> {
  const roles = ctx.sender.roles
  if (!mayUse(command.role, roles)) {
    throw new Refusal([texts.router.forbidden(command.name, command.role), command.meant?.(line)].filter(Boolean).join('\n'))
  }
  const form = formOf(command, line, ctx.message)
  if (!form || mayUse(form.role, roles) || (await form.also?.may(ctx, line))) return
  throw new Refusal(form.refusal?.(line) ?? texts.router.forbidden(form.usage, form.role))
}

/** 谁可以用, as /帮助 says it: the command's role, then each form's. */
export function whoMayUse(command: Command): { usage?: string; role: Role; also?: string }[] {
  return [{ role: command.role }, ...(command.forms ?? []).map((f) => ({ usage: f.usage, role: f.role, ...(f.also ? { also: f.also.who } : {}) }))]
}
