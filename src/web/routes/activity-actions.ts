/**
 * The activity page's forms. Each one is read and bounded here, then written
 * as the chat command that does it (/取消 12 2026年12月7日 原因, /报名 12 王芳,
 * /设置 12 地点 …) and run for the signed-in member through deps.perform:
 * the command's own permission check, one transaction, the same
 * announcements to the groups. What the command said is shown on the page
 * the browser is sent back to; a form refused here runs nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { localParts, type LocalDate } from '../../calendar/dates.ts'
import { texts } from '../../core/texts/index.ts'
import type { Occurrence } from '../../generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../../services/activities.ts'
import { listName } from '../../services/members.ts'
import { CONSOLE_PATH, type Viewer } from '../../services/web-tokens.ts'
import { read, type WebDeps } from '../deps.ts'
import { setFlash } from '../render.ts'
import { actorOf, guard, notFound } from '../viewer.ts'
import { dayWords, field, oneArg, readDate, readNames, readOneName, readReason, readTime, type Checked } from './activity-input.ts'
import { settingCommand } from './activity-settings-form.ts'
import { ID } from '../params.ts'

const B = texts.webActivity.bad

/** The activity a form is for, read in the viewer's district, and its district's day. */
export interface Target {
  activity: ActivityWithOccurrences
  today: LocalDate
  timezone: string
}

/** What a form asks: the command lines to run in order; a sentence when it is refused before any runs; null for a 404. */
type Plan = Checked<string[]> | null

type Params = { id: string; sid?: string; lid?: string }
type Request = FastifyRequest<{ Params: Params }>

export async function activityActionRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const post = (path: string, plan: (t: Target, request: Request) => Plan | Promise<Plan>) =>
    app.post<{ Params: Params }>(`/activities/:id${path}`, { preHandler: guard('staff') }, (request, reply) => act(deps, request, reply, plan))

  post('/sessions/:sid/cancel', (t, request) => withSession(t, request, (session) => {
    if (t.activity.occurrences.length <= 1) return no(B.oneOff)
    const reason = readReason(field(request.body, 'reason'))
    if (!reason.ok) return reason
    return yes(`/取消 ${t.activity.id} ${dayWords(session.date)}${reason.value ? ` ${reason.value}` : ''}`)
  }))

  post('/sessions/:sid/move', (t, request) => withSession(t, request, (session) => {
    const date = readDate(field(request.body, 'date'))
    if (!date.ok) return date
    const time = readTime(field(request.body, 'time'))
    if (!time.ok) return time
    // The session's own start given again keeps its end too: a time written is a new start without an end.
    const own = session.timed ? localParts(session.startAt, t.timezone).time : null
    const start = time.value && time.value !== own ? ` ${time.value}` : ''
    return yes(`/改期 ${t.activity.id} ${dayWords(session.date)} 改到 ${dayWords(date.value)}${start}`)
  }))

  post('/sessions/:sid/restore', (t, request) => withSession(t, request, (session) => yes(`/恢复 ${t.activity.id} ${dayWords(session.date)}`)))

  // Several names as the chat reads them: /报名 12 李明 赵丽 signs up both.
  post('/signup', (t, request) => {
    const names = readNames(field(request.body, 'name'))
    return names.ok ? yes(`/报名 ${t.activity.id} ${names.value}`) : names
  })

  post('/attendance', (t, request) => markPlan(t, request.body))

  post('/leaves/:lid/approve', (t, request) => leavePlan(deps, t, request, '准假'))
  post('/leaves/:lid/refuse', (t, request) => leavePlan(deps, t, request, '不准假'))

  // Every field changed in one /设置: one transaction, one announcement saying them all.
  post('/settings', (t, request) => {
    const command = settingCommand(t.activity, request.body)
    if (!command.ok) return command
    return command.value ? yes(command.value) : no(B.unchanged)
  })

  post('/restore', (t) => yes(`/恢复 ${t.activity.id}`))

  // The whole activity: ticked to confirm here, so a series' own "/确认 取消 12" step is taken at once.
  app.post<{ Params: Params }>('/activities/:id/cancel', { preHandler: guard('staff') }, async (request, reply) => {
    const t = await targetOf(deps, request)
    if (!t) return notFound(request, reply)
    if (field(request.body, 'confirm') !== '1') return back(reply, t.activity.id, { ok: false, text: B.confirm })
    const reason = readReason(field(request.body, 'reason'))
    if (!reason.ok) return back(reply, t.activity.id, { ok: false, text: reason.text })
    const viewer = request.viewer!
    const asked = await deps.perform(actorOf(viewer), `/取消 ${t.activity.id}${reason.value ? ` ${reason.value}` : ''}`)
    const still = asked.ok && (await read(deps, (work) => work.activities.findActivity(viewer.districtId, t.activity.id)))?.status === 'scheduled'
    const done = still ? await deps.perform(actorOf(viewer), `/确认 取消 ${t.activity.id}`) : asked
    return back(reply, t.activity.id, { ok: done.ok, text: done.answers.map((a) => a.text).join('\n') })
  })
}

const no = (text: string): Plan => ({ ok: false, text })
const yes = (...commands: string[]): Plan => ({ ok: true, value: commands })

async function act(deps: WebDeps, request: Request, reply: FastifyReply, plan: (t: Target, request: Request) => Plan | Promise<Plan>) {
  const t = await targetOf(deps, request)
  if (!t) return notFound(request, reply)
  const planned = await plan(t, request)
  if (!planned) return notFound(request, reply)
  if (!planned.ok) return back(reply, t.activity.id, { ok: false, text: planned.text })
  return back(reply, t.activity.id, await performAll(deps, request.viewer!, planned.value))
}

/** Runs the commands in order, stopping at the first refused; what each said, together. */
async function performAll(deps: WebDeps, viewer: Viewer, commands: readonly string[]): Promise<{ ok: boolean; text: string }> {
  const said: string[] = []
  for (const command of commands) {
    const done = await deps.perform(actorOf(viewer), command)
    said.push(...done.answers.map((a) => a.text))
    if (!done.ok) return { ok: false, text: said.join('\n') }
  }
  return { ok: true, text: said.join('\n') }
}

function back(reply: FastifyReply, id: number, flash: { ok: boolean; text: string }) {
  setFlash(reply, flash)
  return reply.redirect(`${CONSOLE_PATH}/activities/${id}`, 303)
}

async function targetOf(deps: WebDeps, request: Request): Promise<Target | null> {
  const viewer = request.viewer!
  if (!ID.test(request.params.id)) return null
  return read(deps, async (work) => {
    const activity = await work.activities.findActivity(viewer.districtId, Number(request.params.id))
    if (!activity) return null
    const district = await work.districts.getDistrict(viewer.districtId)
    return { activity, today: localParts(deps.clock(), district.timezone).date, timezone: district.timezone }
  })
}

/** The session a form names (:sid), of this activity; null (a 404) for any other. */
function withSession(t: Target, request: Request, plan: (session: Occurrence) => Plan): Plan {
  const sid = request.params.sid ?? ''
  const session = ID.test(sid) ? t.activity.occurrences.find((o) => o.id === Number(sid)) : undefined
  return session ? plan(session) : null
}

const MARKS = { present: '到场', absent: '缺席', checkIn: '签到', checkOut: '签退' } as const

/** /到场 12 2026年12月7日 王芳, /签到 12 2026年12月7日 王芳 14:05: the session chosen, one teacher's name typed. */
function markPlan(t: Target, body: unknown): Plan {
  const mark = field(body, 'mark')
  if (!Object.hasOwn(MARKS, mark)) return no(B.mark)
  const sid = field(body, 'session')
  const session = ID.test(sid) ? t.activity.occurrences.find((o) => o.id === Number(sid)) : undefined
  if (!session) return no(B.session)
  const name = readOneName(field(body, 'name'))
  if (!name.ok) return name
  const command = `/${MARKS[mark as keyof typeof MARKS]} ${t.activity.id} ${dayWords(session.date)} ${name.value}`
  if (mark === 'present' || mark === 'absent') return yes(command)
  const time = readTime(field(body, 'time'))
  if (!time.ok) return time
  return time.value ? yes(`${command} ${time.value}`) : no(B.needTime)
}

/** /准假 12 2026年12月7日 赵丽, /不准假 … 原因: the leave (:lid) of this activity, its teacher named as the lists name them. */
async function leavePlan(deps: WebDeps, t: Target, request: Request, command: '准假' | '不准假'): Promise<Plan> {
  const lid = request.params.lid ?? ''
  if (!ID.test(lid)) return null
  const leave = await read(deps, (work) => work.activityRoster.findLeave(t.activity.id, Number(lid)))
  const session = leave && t.activity.occurrences.find((o) => o.id === leave.occurrenceId)
  if (!leave || !session) return null
  const name = listName(leave.member)
  if (/["'“”‘’「」『』＂＇]/.test(name)) return no(B.leaveName)
  const line = `/${command} ${t.activity.id} ${dayWords(session.date)} ${oneArg(name)}`
  if (command === '准假') return yes(line)
  const reason = readReason(field(request.body, 'reason'), true)
  return reason.ok ? yes(`${line} ${reason.value}`) : reason
}
