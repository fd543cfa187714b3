import { argsWithMentions, wordsOf, type CommandLine } from '../src/core/command-line.ts'
import { runsActivity } from './session-staff.ts'
import type { Context, RestrictedForm } from '../src/core/command.ts'
import type { IncomingMessage } from '../src/core/message.ts'
import { ownProfile } from '../src/core/plain-commands.ts'
import { texts } from '../src/core/texts/index.ts'
import { exampleId } from './shared.ts'

/** "/报名 12 李明 赵丽", "/取消报名 12 @王芳": people named after the number. A 接龙 profile ("李明/西渡学校/历史/3年") is the sender's own. */
export function namesOthers(line: CommandLine, message: IncomingMessage): boolean {
  const args = argsWithMentions(line, message.mentions)
  if (args.length < 2) return false
  return !(args.every((a) => !a.person) && ownProfile(wordsOf(args).slice(1)))
}


/** 代报名: admins and organizers, and those who run the activity (its organizer, its workshop's mentors). */
export const signUpOthers: RestrictedForm = {
  usage: '报名 <编号> <名字…>',
  role: 'organizer',
  matches: namesOthers,
  also: { who: texts.help.alsoWorkshopMentors, may: runsActivity },
  refusal: (line) => texts.signup.onlyOrganizers(exampleId(line)),
}

/** Taking someone's place away: admins and those who run the activity, not any organizer. */
export const withdrawOthers: RestrictedForm = {
  usage: '取消报名 <编号> <名字…>',
  role: 'admin',
  matches: namesOthers,
  also: { who: texts.help.alsoThoseWhoRunIt, may: runsActivity },
  refusal: (line) => texts.signup.onlyItsOrganizers(exampleId(line)),
}
