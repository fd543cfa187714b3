/**
 * 签到 and 签退 by the teacher themselves, and /签到码 for the organizer.
 * Corrections by name (/签到 12 王芳 14:05, /到场, /缺席) are in checkin-marks.ts.
 */
import { sessionStaffOnly } from './session-staff.ts'
import { formatDate } from '../src/calendar/format.ts'
import { wordsOf, type CommandLine } from '../src/core/command-line.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Occurrence } from '../src/generated/prisma/client.ts'
import { WRONG_CODE_WINDOW_MIN } from '../src/services/code-attempts.ts'
import { sessionForCheckin } from '../src/services/checkin-windows.ts'
import { codeQrPng } from '../src/services/checkin-qr.ts'
import type { SessionWithActivity } from '../src/services/checkins.ts'
import { listName } from '../src/services/members.ts'
import { missedMinutes } from '../src/services/session-times.ts'
import { correctTime, markOthers, namesOthers, mayRunSession } from './checkin-marks.ts'
import { instantText, sessionText, timeOf } from './checkin-text.ts'
import { activityFromArgs, argsOf, exampleId, isPrivateHere } from './shared.ts'

const ID = /^#?\d{1,9}$/
const CODE = /^\d{4}$/

export const checkIn: Command = {
  id: 'checkIn',
  name: '签到',
  aliases: ['checkin'],
  role: 'teacher',
  forms: [markOthers('签到 <编号> <名字> <时刻>')],
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    if (namesOthers(line, ctx.message)) return correctTime(ctx, line, 'checkIn')
    const words = selfWords(ctx, line, 2, texts.checkin.usage)
    const { session, code } = await chooseForCheckIn(ctx, words)
    const activity = session.activity
    const member = await ctx.work.members.findMember(ctx.sender.memberId)
    const name = listName(member)
    const found = await ctx.work.checkins.attendanceOf(session.id, member.id)
    if (found?.status === 'present' && found.checkInAt) return ctx.reply(texts.checkin.already(name, activity.id, timeOf(ctx, found.checkInAt)))
    if (activity.checkinCode) await assertCode(ctx, activity.id, code)
    const standing = await ctx.work.checkins.standingAt(session, member.id)
    const result = await ctx.work.checkins.checkIn({
      session, memberId: member.id, byId: member.id, now: ctx.now, at: ctx.now, via: activity.checkinCode ? 'code' : 'self',
    })
    if ('misordered' in result) throw new Refusal(texts.checkin.inAfterOwnOut(name, activity.id, timeOf(ctx, result.misordered.checkOutAt)))
    const late = missedMinutes(session, result.attendance).late
    ctx.reply(texts.checkin.done(name, sessionText(ctx, session), timeOf(ctx, ctx.now), late, standing))
  },
}

export const checkOut: Command = {
  id: 'checkOut',
  name: '签退',
  aliases: ['checkout'],
  role: 'teacher',
  forms: [markOthers('签退 <编号> <名字> <时刻>')],
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    if (namesOthers(line, ctx.message)) return correctTime(ctx, line, 'checkOut')
    const words = selfWords(ctx, line, 1, texts.checkin.outUsage)
    const session = words[0] ? await openSessionOf(ctx, words[0]) : await pickCheckedIn(ctx)
    const member = await ctx.work.members.findMember(ctx.sender.memberId)
    const name = listName(member)
    const result = await ctx.work.checkins.checkOut({ session, memberId: member.id, byId: member.id, now: ctx.now, at: ctx.now, self: true })
    if (!result) throw new Refusal(texts.checkin.notCheckedIn(session.activityId))
    // A check-in is never after now: only one in this very instant is refused, and the check-in stands.
    if ('misordered' in result) throw new Refusal(texts.checkin.outBeforeOwnIn(name, session.activityId, timeOf(ctx, result.misordered.checkInAt)))
    if (!result.done) return ctx.reply(texts.checkin.outAlready(name, session.activityId, timeOf(ctx, result.attendance.checkOutAt!)))
    const early = missedMinutes(session, result.attendance).early
    ctx.reply(texts.checkin.outDone(name, sessionText(ctx, session), timeOf(ctx, ctx.now), early))
  },
}

/** /签到码 12: the current code and its QR image, in a direct chat only (a code in a group reaches those at home). */
export const checkinCode: Command = {
  id: 'checkinCode',
  name: '签到码',
  aliases: ['checkincode'],
  role: 'teacher',
  listedFor: 'organizer',
  forms: [sessionStaffOnly('签到码 <编号>', (line) => texts.checkin.codeOnlyOrganizers(exampleId(line)))],
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const id = exampleId(line)
    if (!isPrivateHere(ctx)) throw new Refusal(texts.checkin.codeGroupOnly(id))
    const activity = await activityFromArgs(ctx, line.args, { command: '签到码', example: '12' })
    if (!(await mayRunSession(ctx, activity, true))) throw new Refusal(texts.checkin.codeOnlyOrganizers(activity.id))
    if (!activity.checkinCode) throw new Refusal(texts.checkin.codeNotNeeded(activity.id))
    const session = await sessionOrRefuse(ctx, { ...activity, occurrences: activity.occurrences })
    const { code, validUntil } = await ctx.work.checkinCodes.currentCode(activity.id, ctx.now)
    const png = await codeQrPng(texts.checkin.codeQrText(activity.id, code))
    ctx.reply(texts.checkin.code(sessionText(ctx, session), code, timeOf(ctx, validUntil), activity.id), {
      file: { name: texts.checkin.codeFileName(activity.id, code), base64: png.toString('base64') },
    })
  },
}

/** The sender's own words after the command: at most `max` numbers (an activity, a code). */
function selfWords(ctx: DistrictContext, line: CommandLine, max: number, usage: string): string[] {
  const words = wordsOf(argsOf(ctx, line))
  if (words.length > max || !words.every((w) => ID.test(w))) throw new Refusal(usage)
  return words
}

/**
 * Which session a 签到 is for, and the code typed: "签到 12 4821", "签到 12",
 * "签到 4821" (four digits while a session needing a code is open, and no
 * open activity has that number), "签到".
 */
async function chooseForCheckIn(ctx: DistrictContext, words: string[]): Promise<{ session: SessionWithActivity; code: string | null }> {
  const [first, second] = words
  if (second !== undefined) {
    if (!CODE.test(second)) throw new Refusal(texts.checkin.usage)
    return { session: await openSessionOf(ctx, first!), code: second }
  }
  const open = first === undefined || CODE.test(first) ? await openHeld(ctx) : []
  if (first !== undefined) {
    const asCode = CODE.test(first) && open.some((o) => o.activity.checkinCode) && !open.some((o) => o.activityId === Number(first))
    if (!asCode) return { session: await openSessionOf(ctx, first), code: null }
    return { session: await pickOpen(ctx, open.filter((o) => o.activity.checkinCode), '签到'), code: first }
  }
  return { session: await pickOpen(ctx, open, '签到'), code: null }
}

/** The district's sessions open for 签到 now that are held. */
async function openHeld(ctx: DistrictContext): Promise<SessionWithActivity[]> {
  const open = await ctx.work.checkins.sessionsOpenAt(ctx.district.id, ctx.now)
  return open.filter((o) => o.activity.status === 'scheduled' && !o.skipReason && !o.cancelled)
}

/** Of the open sessions, the one the sender signed up for (or any, for a walk-in); several: asks which. */
async function pickOpen(ctx: DistrictContext, open: SessionWithActivity[], command: string): Promise<SessionWithActivity> {
  if (open.length === 0) throw new Refusal(texts.checkin.nothingOpen)
  const mine = await ctx.work.checkins.signedUpAmong(ctx.sender.memberId, open.map((o) => o.activityId))
  const candidates = mine.size > 0 ? open.filter((o) => mine.has(o.activityId)) : open
  return onlyOne(ctx, candidates, command)
}

/** For 签退 without a number: the open session the sender checked in to. */
async function pickCheckedIn(ctx: DistrictContext): Promise<SessionWithActivity> {
  const checkedIn: SessionWithActivity[] = []
  for (const o of await openHeld(ctx)) {
    const found = await ctx.work.checkins.attendanceOf(o.id, ctx.sender.memberId)
    if (found?.status === 'present' && found.checkInAt) checkedIn.push(o)
  }
  if (checkedIn.length === 0) throw new Refusal(texts.checkin.notCheckedInAny)
  return onlyOne(ctx, checkedIn, '签退')
}

function onlyOne(ctx: DistrictContext, sessions: SessionWithActivity[], command: string): SessionWithActivity {
  const byActivity = [...new Map(sessions.map((o) => [o.activityId, o])).values()]
  if (byActivity.length === 1) return byActivity[0]!
  const lines = byActivity.slice(0, 8).map((o) => sessionText(ctx, o))
  throw new Refusal(texts.checkin.whichOne(command, lines, byActivity[0]!.activityId))
}

/** The session of activity #id open for 签到 now, or a refusal saying when it opens, that it closed, or why it is not held. */
async function openSessionOf(ctx: DistrictContext, word: string): Promise<SessionWithActivity> {
  const activity = await activityFromArgs(ctx, [word], { command: '签到', example: '12' })
  return sessionOrRefuse(ctx, activity)
}

async function sessionOrRefuse(ctx: DistrictContext, activity: SessionWithActivity['activity'] & { occurrences: Occurrence[] }): Promise<SessionWithActivity> {
  const { occurrences, ...plain } = activity
  const state = sessionForCheckin(plain, occurrences, ctx.now)
  switch (state.kind) {
    case 'open': return { ...state.session, activity: plain }
    case 'notHeld':
      if (!state.session || plain.status === 'cancelled') throw new Refusal(texts.checkin.activityCancelled(plain.id, plain.cancelReason))
      throw new Refusal(texts.checkin.notHeld(plain.id, formatDate(state.session.date), state.reason ?? ''))
    case 'notYet': throw new Refusal(texts.checkin.notYet(plain.id, instantText(ctx, state.opensAt)))
    case 'closed': throw new Refusal(texts.checkin.closed(plain.id, instantText(ctx, state.closesAt)))
    case 'none': throw new Refusal(texts.checkin.noSession(plain.id))
  }
}

/** The on-site code: required, not guessed at, and right now (a wrong one is recorded so repeated guesses are slowed). */
async function assertCode(ctx: DistrictContext, activityId: number, code: string | null): Promise<void> {
  if (!code) throw new Refusal(texts.checkin.needCode(activityId))
  // A code typed in a group reaches those at home: taken in a direct chat (or the operator's console) only.
  if (!isPrivateHere(ctx)) throw new Refusal(texts.checkin.codeInGroup(activityId))
  const scopes = [`checkin:member:${ctx.sender.memberId}`]
  if (await ctx.work.codeAttempts.tooManyWrongCodes(scopes, ctx.now)) throw new Refusal(texts.checkin.slowDown(WRONG_CODE_WINDOW_MIN, activityId))
  if (await ctx.work.checkinCodes.checkCode(activityId, code, ctx.now)) return
  throw new Refusal(texts.checkin.wrongCode(activityId), {
    record: (work, who) => work.codeAttempts.recordWrongCode([`checkin:member:${who.memberId}`], ctx.now),
    log: texts.checkin.wrongLog,
  })
}
