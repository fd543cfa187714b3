import { addDays, localParts, toInstant, type LocalDate } from '../calendar/dates.ts'

/**
 * How long before an activity a reminder goes: whole days (sent at
 * DAY_REMINDER_AT on that day, "提前1天" = the day before at 16:00) or an
 * exact number of minutes ("2小时", "15分钟").
 */
export type Lead = { unit: 'd'; n: number } | { unit: 'm'; n: number }

export const DAY_REMINDER_AT = '16:00'
export const MAX_LEADS = 5
const MAX_LEAD_DAYS = 14

/** "1d,1h,15m" → leads, longest first. Unknown parts are dropped. */
export function parseLeads(stored: string): Lead[] {
  const leads: Lead[] = []
  for (const part of stored.split(',')) {
    const m = /^(\d+)([dhm])$/.exec(part.trim())
    if (!m) continue
    const n = Number(m[1])
    if (m[2] === 'd') leads.push({ unit: 'd', n })
    else leads.push({ unit: 'm', n: m[2] === 'h' ? n * 60 : n })
  }
  return sortLeads(leads)
}

export function storeLeads(leads: Lead[]): string {
  return sortLeads(leads).map(leadKey).join(',')
}

/** "1d", "2h", "15m": also the part of a reminder's key. */
export function leadKey(lead: Lead): string {
  if (lead.unit === 'd') return `${lead.n}d`
  return lead.n % 60 === 0 ? `${lead.n / 60}h` : `${lead.n}m`
}

function sortLeads(leads: Lead[]): Lead[] {
  const minutes = (l: Lead) => (l.unit === 'd' ? l.n * 1440 : l.n)
  const seen = new Set<string>()
  return leads
    .sort((a, b) => minutes(b) - minutes(a))
    .filter((l) => !seen.has(leadKey(l)) && seen.add(leadKey(l)))
}

/** "1天", "2小时", "15分钟", "半小时", "1周" as users write them; null when not a lead. */
export function readLead(word: string): Lead | null {
  if (word === '半小时') return { unit: 'm', n: 30 }
  const m = /^(\d{1,3})(天|日|周|小时|个小时|h|分钟|分|min|m|d)$/i.exec(word)
  if (!m) return null
  const n = Number(m[1])
  const unit = m[2]!.toLowerCase()
  if (n <= 0) return null
  if (unit === '天' || unit === '日' || unit === 'd') return n <= MAX_LEAD_DAYS ? { unit: 'd', n } : null
  if (unit === '周') return n * 7 <= MAX_LEAD_DAYS ? { unit: 'd', n: n * 7 } : null
  const minutes = unit === '小时' || unit === '个小时' || unit === 'h' ? n * 60 : n
  return minutes <= MAX_LEAD_DAYS * 1440 ? { unit: 'm', n: minutes } : null
}

/** When the reminder with this lead is due for an occurrence (timed or only dated). */
export function leadDue(lead: Lead, o: { date: LocalDate; startAt: Date; timed: boolean }, tz: string): Date | null {
  if (lead.unit === 'd') return toInstant(addDays(o.date, -lead.n), DAY_REMINDER_AT, tz)
  if (!o.timed) return null
  return new Date(o.startAt.getTime() - lead.n * 60_000)
}

/** The longest lead, in days, for the planning window. */
export function longestLeadDays(leads: Lead[]): number {
  return Math.max(0, ...leads.map((l) => (l.unit === 'd' ? l.n : Math.ceil(l.n / 1440))))
}

/** True when the wall-clock time falls in quiet hours (which may run past midnight). */
export function inQuiet(time: string, from: string | null, to: string | null): boolean {
  if (!from || !to || from === to) return false
  return from < to ? time >= from && time < to : time >= from || time < to
}

/** The instant itself, or, if it falls in quiet hours, the end of those quiet hours. */
export function afterQuiet(instant: Date, quiet: { from: string | null; to: string | null }, tz: string): Date {
  const { date, time } = localParts(instant, tz)
  if (!inQuiet(time, quiet.from, quiet.to)) return instant
  const endDay = quiet.from! > quiet.to! && time >= quiet.from! ? addDays(date, 1) : date
  return toInstant(endDay, quiet.to!, tz)
}
