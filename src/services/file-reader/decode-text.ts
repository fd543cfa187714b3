/**
 * A text file's characters. UTF-8 when the bytes are UTF-8, also with a
 * damaged byte or two (each becomes U+FFFD); GB18030, as Chinese Windows
 * saves text, only when they are not. GB18030 Chinese read as UTF-8 yields
 * mostly broken sequences (a valid one by chance for about one character in
 * seven); damaged UTF-8 yields mostly valid characters. So the valid
 * non-ASCII characters are weighed against the broken sequences.
 */
export function decodeText(bytes: Uint8Array): string {
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
  const text = bad === 0 || good > bad ? lossy : new TextDecoder('gb18030').decode(bytes)
  return text.replace(/^\uFEFF/, '')
}

const REPLACEMENT = Buffer.from('\uFFFD', 'utf8')

function countOf(bytes: Uint8Array, needle: Buffer): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let n = 0
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++
  return n
}
