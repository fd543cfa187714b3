/**
 * Text as a reader sees it. Names, titles and echoes pass through here so
 * that nothing unseen can change what is around it: bidi controls
 * (U+202E turns the rest of a line around), zero-width characters (two
 * names that look the same but differ), fillers that show as nothing, and
 * controls (a line break in a name starting a line of its own). Pure.
 */

/** Format characters: bidi controls and marks, zero-width characters, invisible operators, fillers, the soft hyphen. */
const FORMAT = /[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g
/** C0 and C1 controls, line breaks and tabs among them. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
/** Variation selectors: they belong after a visible character (❤️); anywhere else they are invisible. */
const SELECTOR = /[\ufe00-\ufe0f]|\udb40[\udd00-\uddef]/
/** Everything that shows as a gap: Unicode spaces, line and paragraph separators, the braille blank. */
const SPACES = /[\s\u2800]+/g
/** Every way a terminal or a log viewer may start a new line. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/

/** The text without format characters and lone variation selectors; line breaks and other controls are kept. */
export function withoutFormat(text: string): string {
  const stripped = text.replace(FORMAT, '')
  if (!SELECTOR.test(stripped)) return stripped
  let out = ''
  let previous = ''
  for (const ch of stripped) {
    if (SELECTOR.test(ch) && (!previous || /\s/.test(previous) || SELECTOR.test(previous))) continue
    out += ch
    previous = ch
  }
  return out
}

/** One line of visible text: no format characters or controls, every run of spaces one space, trimmed. */
export function oneLine(text: string): string {
  return withoutFormat(text).replace(CONTROL, ' ').replace(SPACES, ' ').trim()
}

/** The lines of a text as a terminal would show them, each without format characters or controls (a carriage return could overwrite a line). */
export function visibleLines(text: string): string[] {
  return text.split(LINE_BREAK).map((line) => withoutFormat(line).replace(CONTROL, ' '))
}
