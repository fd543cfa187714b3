/**
 * The activity page's 修改 form as one /设置 command holding every field
 * changed, as a clerk types several in one line ("/设置 12 地点 育秀实验学校
 * 名额30 主讲 王佩红", handlers/activity-settings.ts): one transaction, and
 * one announcement that says the final state. Each value is one argument
 * (quoted when it holds a space), so one field's value never runs into the
 * next; a field left as it was is not written.
 */
import { LIMITS } from '../../core/limits.ts'
import { texts } from '../../core/texts/index.ts'
import type { Activity } from '../../generated/prisma/client.ts'
import { field, oneArg, readSetting, type Checked } from './activity-input.ts'

const P = texts.webActivity
const B = P.bad

/** The words /设置 reads for each text field, and what it reads as "clear it". */
const TEXT_FIELDS = [
  { key: 'place', word: '地点' },
  { key: 'subject', word: '学科' },
  { key: 'host', word: '主持' },
  { key: 'presenter', word: '主讲' },
] as const
const CLEAR = '无'

/** The level's key as stored, and the word /设置 12 级别 reads for it. */
const LEVEL_WORDS: Record<string, string> = { school: '校级', district: '学区级', county: '区级', city: '市级' }

type Fields = Pick<Activity, 'id' | 'place' | 'subject' | 'host' | 'presenter' | 'capacity' | 'hours' | 'level'>

/** The /设置 line for the fields changed; null when none is. */
export function settingCommand(activity: Fields, body: unknown): Checked<string | null> {
  const words: string[] = []
  for (const { key, word } of TEXT_FIELDS) {
    const value = readSetting(field(body, key), LIMITS[key], P.fields[key])
    if (!value.ok) return value
    if (value.value !== (activity[key] ?? '')) words.push(`${word} ${value.value ? oneArg(value.value) : CLEAR}`)
  }
  const capacity = readCapacity(field(body, 'capacity'))
  if (!capacity.ok) return capacity
  if (capacity.value !== activity.capacity) words.push(capacity.value === null ? '不限名额' : `名额${capacity.value}`)
  const hours = readHours(field(body, 'hours'))
  if (!hours.ok) return hours
  if (hours.value !== activity.hours) words.push(hours.value === null ? '学时 默认' : `学时 ${hours.value}`)
  const level = field(body, 'level')
  if (!Object.hasOwn(LEVEL_WORDS, level)) return { ok: false, text: B.level }
  if (level !== (activity.level ?? 'district')) words.push(`级别 ${LEVEL_WORDS[level]}`)
  return { ok: true, value: words.length > 0 ? `/设置 ${activity.id} ${words.join(' ')}` : null }
}

/** 1-10000 places, or empty for no limit (as /设置 reads 名额). */
function readCapacity(raw: string): Checked<number | null> {
  if (!raw) return { ok: true, value: null }
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN
  return n >= 1 && n <= 10000 ? { ok: true, value: n } : { ok: false, text: B.capacity }
}

/** 0-24 学时 with at most two decimals, or empty for hours by the session's length (as /设置 12 学时 reads them). */
function readHours(raw: string): Checked<number | null> {
  if (!raw) return { ok: true, value: null }
  const n = /^\d{1,2}(?:\.\d{1,2})?$/.test(raw) ? Number(raw) : NaN
  return n >= 0 && n <= 24 ? { ok: true, value: n } : { ok: false, text: B.hours }
}
