/**
 * A text file's characters, or null when its bytes are not text (a picture,
 * a zip, a program renamed .txt). UTF-16 when it starts with UTF-16's byte
 * order mark (Notepad's "Unicode"). UTF-8 when the bytes are UTF-8, also
 * with a damaged byte or two (each becomes U+FFFD); GB18030, as Chinese
 * Windows saves text, only when they are not. GB18030 Chinese read as UTF-8
 * yields mostly broken sequences (a valid one by chance for about one
 * character in seven); damaged UTF-8 yields mostly valid characters. So the
 * valid non-ASCII characters are weighed against the broken sequences.
 */
export function decodeText(bytes: Uint8Array): string | null {
  const utf16 = utf16Of(bytes)
  if (utf16 !== null) return utf16 === '' || looksLikeText(utf16) ? utf16 : null
  // Text never holds a NUL byte; pictures, zips and programs are full of them.
  if (bytes.includes(0)) return null
  const lossy = new TextDecoder('utf-8').decode(bytes)
  let good = 0
  let bad = 0
  for (const char of lossy) {
    if (char === '\uFFFD') bad++
    else if (char.charCodeAt(0) >= 0x80) good++
  }
  // A U+FFFD written in the file itself is a good character, not a broken sequence.
  const written = countOf(bytes, REPLACEMENT)
  good += written
  bad -= written
  const asUtf8 = bad === 0 || good > bad
  const text = (asUtf8 ? lossy : new TextDecoder('gb18030').decode(bytes)).replace(/^\uFEFF/, '')
  // Either reading of random bytes is mostly broken sequences and control characters.
  return looksLikeText(text, asUtf8 ? written : 0) ? text : null
}

/** What a text may hold of U+FFFD (a damaged byte) and control characters other than tab, line breaks, form feed and DOS's end-of-file mark. */
const NOT_TEXT = /[\uFFFD\x00-\x08\x0E-\x19\x1B-\x1F\x7F-\x9F]/g
/** A damaged byte or two pass; past this share of the characters, the bytes are not text. */
const MAX_NOT_TEXT_SHARE = 0.02
const MAX_NOT_TEXT_FEW = 8

/**
 * Text when few of its characters are broken sequences or control
 * characters (a real 行事历 has none, or a damaged byte or two); `written`:
 * the U+FFFD the file itself holds, which are characters like any other.
 */
function looksLikeText(text: string, written = 0): boolean {
  const odd = (text.match(NOT_TEXT)?.length ?? 0) - written
  return odd <= MAX_NOT_TEXT_FEW || odd <= text.length * MAX_NOT_TEXT_SHARE
}

/** UTF-16 text by its byte order mark, without the mark; null without one. */
function utf16Of(bytes: Uint8Array): string | null {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe
  const be = bytes[0] === 0xfe && bytes[1] === 0xff
  if (!le && !be) return null
  return new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes).replace(/^\uFEFF/, '')
}

const REPLACEMENT = Buffer.from('\uFFFD', 'utf8')

function countOf(bytes: Uint8Array, needle: Buffer): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let n = 0
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++
  return n
}
