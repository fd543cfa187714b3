import { parseWeekday, readClock } from '../src/calendar/normalize.ts'
import { weekdayName } from '../src/calendar/format.ts'
import { Refusal, type Command } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Group } from '../src/generated/prisma/client.ts'
import { DAY_REMINDER_AT, MAX_LEADS, parseLeads, readLead, storeLeads, type Lead } from '../src/reminders/timing.ts'
import type { ReminderChange } from '../src/services/reminder-settings.ts'

const DIGEST = new Set(['周报', '每周周报', '周报提醒'])
const LEADS = new Set(['提前', '活动提醒', '提前提醒'])
const OFF = new Set(['关闭', '关', '停止', '取消'])
const ON = new Set(['开启', '打开', '开'])
const QUIET = new Set(['免打扰', '勿扰'])

/** `/提醒`: this group's automatic messages; admins change them. */
export const reminders: Command = {
  id: 'reminders',
  name: '提醒',
  aliases: ['reminders', 'remind'],
  role: 'teacher',
  forms: [{ usage: '提醒 <设置>', role: 'admin', matches: (line) => line.args.length > 0, refusal: () => texts.reminders.adminOnly }],
  scope: 'district',
  async run(ctx, line) {
    const group = await ctx.work.reminderSettings.groupReminders(ctx.groupId)
    const [first, ...rest] = line.args
    if (!first) return ctx.reply([texts.reminders.settings(settingLines(group)), texts.reminders.footer].join('\n'))
    const data = readChange(first, rest)
    const updated = await ctx.work.reminderSettings.changeGroupReminders(group.id, data)
    ctx.reply(texts.reminders.changed(settingLines(updated)))
  },
}

/** What `/提醒 <…>` changes; a refusal with an example for anything else. */
function readChange(first: string, rest: string[]): ReminderChange {
  if (DIGEST.has(first)) return readDigest(rest)
  if (LEADS.has(first)) return readLeads(rest)
  if (QUIET.has(first)) return readQuiet(rest)
  if (OFF.has(first) || ON.has(first)) {
    const on = ON.has(first)
    const what = rest.join('')
    if (DIGEST.has(what)) return { digestOn: on }
    if (LEADS.has(what) || what === '提醒') return { leadsOn: on }
    if (QUIET.has(what) && !on) return { quietFrom: null, quietTo: null }
  }
  throw new Refusal(texts.reminders.usage)
}

/** "周日 19:00", "周一7:30", "周五" → the digest's day and time. */
function readDigest(words: string[]): ReminderChange {
  const text = words.join(' ').trim()
  const m = /^(?:每)?周([一二三四五六日天1-7])\s*(\d{1,2}[:：]\d{2})?$/.exec(text)
  const weekday = m ? parseWeekday(m[1]!) : null
  if (!m || !weekday) throw new Refusal(texts.reminders.badWeekday(text || '周报'))
  const at = m[2] ? readClock(m[2]) : null
  if (m[2] && !at) throw new Refusal(texts.reminders.badWeekday(text))
  return { digestOn: true, digestWeekday: weekday, ...(at ? { digestAt: at } : {}) }
}

function readLeads(words: string[]): ReminderChange {
  const parts = words.flatMap((w) => w.split(/[,，、和]+/)).filter(Boolean)
  if (parts.length === 0) throw new Refusal(texts.reminders.badLead('提前'))
  const leads: Lead[] = []
  for (const part of parts) {
    const lead = readLead(part)
    if (!lead) throw new Refusal(texts.reminders.badLead(part))
    leads.push(lead)
  }
  const stored = storeLeads(leads)
  if (parseLeads(stored).length > MAX_LEADS) throw new Refusal(texts.reminders.badLead(words.join(' ')))
  return { leadsOn: true, leads: stored }
}

function readQuiet(words: string[]): ReminderChange {
  const text = words.join('').trim()
  if (OFF.has(text) || text === '无') return { quietFrom: null, quietTo: null }
  const m = /^(\d{1,2}[:：]\d{2})[-~至到](\d{1,2}[:：]\d{2})$/.exec(text)
  const from = m ? readClock(m[1]!) : null
  const to = m ? readClock(m[2]!) : null
  if (!from || !to || from === to) throw new Refusal(texts.reminders.badQuiet(text || '免打扰'))
  return { quietFrom: from, quietTo: to }
}

export function settingLines(group: Group): string[] {
  const leads = parseLeads(group.leads).map(leadLabel).join('、')
  return [
    texts.reminders.digestLine(group.digestOn, weekdayName(group.digestWeekday), group.digestAt),
    texts.reminders.leadsLine(group.leadsOn, leads),
    texts.reminders.quietLine(group.quietFrom, group.quietTo),
  ]
}

function leadLabel(lead: Lead): string {
  if (lead.unit === 'd') return texts.reminders.leadDays(lead.n, DAY_REMINDER_AT)
  return lead.n % 60 === 0 ? texts.reminders.leadHours(lead.n / 60) : texts.reminders.leadMinutes(lead.n)
}

