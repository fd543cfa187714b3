import { withoutFormat } from '../core/visible-text.ts'

/**
 * Folds the ways people type the same thing on a phone into one form:
 * full-width digits and punctuation, 星期/礼拜 for 周, stray control
 * characters, unseen format characters (bidi overrides). Length is not
 * preserved, so callers quote from the result.
 */
export function normalizeText(input: string): string {
  const folded = input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u2005\u00A0]/g, ' ')
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g, ' ')
    .replace(/[～〜—–－]/g, '-')
    .replace(/[：]/g, ':')
    .replace(/星期|礼拜/g, '周')
  return withoutFormat(folded)
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}

/** "12", "十二", "二十三", "两" → number; null for anything else. */
export function parseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  if (!/^[零〇一二两三四五六七八九十]+$/.test(text)) return null
  const tenAt = text.indexOf('十')
  if (tenAt === -1) return text.length === 1 ? (DIGITS[text] ?? null) : null
  if (text.indexOf('十', tenAt + 1) !== -1) return null
  const tens = tenAt === 0 ? 1 : (DIGITS[text.slice(0, tenAt)] ?? NaN)
  const unitText = text.slice(tenAt + 1)
  const units = unitText === '' ? 0 : (DIGITS[unitText] ?? NaN)
  const value = tens * 10 + units
  return Number.isNaN(value) || tenAt > 1 || unitText.length > 1 ? null : value
}

/** Weekday as 1 (Monday) … 7 (Sunday). */
export function parseWeekday(ch: string): number | null {
  const map: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 末: 6 }
  if (/^[1-7]$/.test(ch)) return Number(ch)
  return ch === '末' ? null : (map[ch] ?? null)
}

/** "22:00", "7:00", "7：00" → "07:00"; null when not a time of day. */
export function readClock(text: string): string | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text)
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null
  return `${m[1]!.padStart(2, '0')}:${m[2]}`
}
