/** Pieces of the time grammar shared by its readers (src/calendar/parse-*.ts). */

/** A number as written: "12", "十二", "两". */
export const NUM = '(\\d{1,4}|[零〇一二两三四五六七八九十]{1,3})'
/** The characters of a weekday after 周: 一…日, 天, 1-7 (for a class: [${WD_CHARS}]). */
export const WD_CHARS = '一二三四五六日天1-7'
/**
 * A weekday after 周: 一…日, 天, 1-7. A digit is a weekday only when no digit
 * or clock follows it: "第12周14:00" is week 12 at 14:00, not 周1 at 4:00.
 */
export const WD = '([一二三四五六日天]|[1-7](?![\\d:.点时]))'
/** What joins items of a list: "周一、三", "第7、8节", "周二和周四". */
export const AND = '(?:、|和|及|与|/)'
