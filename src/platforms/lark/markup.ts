import type { Person } from '../../core/message.ts'

/**
 * Lark reads markup in what the bot sends. A text message turns
 * `<at user_id="…">`, `<b>`, `<i>`, `<u>`, `<s>` and `[label](url)` into
 * mentions, styles and links
 * (https://open.feishu.cn/document/server-docs/im-v1/message-content-description/create_json);
 * card `lark_md` reads `<at id=…>`, `<a>`, `<font>`, `<text_tag>` and Markdown
 * (https://open.feishu.cn/document/common-capabilities/message-card/message-cards-content/using-markdown-tags).
 * Lark documents an escape (HTML entities such as `&#60;`) for card Markdown
 * only; for text messages it documents none, nor whether entities are decoded.
 *
 * The core's text holds what people typed (names, titles, questions), so
 * every string the core gives is made inert here, in one place, by a
 * visible change no parser can take for markup: the `<` opening anything
 * tag-like becomes a full-width `＜`, the `[` of a `[label](url)` a
 * full-width `［`, and the `&` of an entity a full-width `＆`. A zero-width
 * break would look nicer but could be stripped on the way; a full-width
 * sign cannot. Usage strings such as `/报名 <活动编号>` keep their `<`: it
 * opens no tag. The adapter adds its own mentions after this, from ids it
 * checks (`textMention`, `cardMention`).
 */
export function inertText(text: string): string {
  return text
    .replace(/<(?=[\s/]*[A-Za-z!?])/g, '＜')
    .replace(/\[(?=[^\]\n]*\]\s*\()/g, '［')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '＆')
}

/** A Lark open_id as events carry it; anything else (`all`, a quote, a tag) is never put into a mention. */
const OPEN_ID = /^ou_[0-9A-Za-z_-]+$/

/** A mention in a text message: `<at user_id="ou_…">name</at>`, or the plain name when the id is not an open_id. */
export function textMention(person: Person): string {
  const name = inertText(person.name)
  return OPEN_ID.test(person.id) ? `<at user_id="${person.id}">${name}</at>` : `@${name}`
}

/** A mention in card lark_md (`<at id=ou_…></at>`), or null when the id is not an open_id. */
export function cardMention(person: Person): string | null {
  return OPEN_ID.test(person.id) ? `<at id=${person.id}></at>` : null
}

/**
 * Replaces the mention placeholders Lark puts into a message's text
 * (`@_user_1`, `@_user_2`, …, `@_all`) in one pass, each exactly:
 * `@_user_1` is not a prefix of `@_user_10`, and a name put in for one key
 * is never read again as another key.
 */
export function replaceMentionKeys<M extends { key: string }>(text: string, mentions: readonly M[], render: (mention: M | undefined, key: string) => string): string {
  const byKey = new Map<string, M>()
  for (const m of mentions) if (m.key && !byKey.has(m.key)) byKey.set(m.key, m)
  const keys = [...new Set([...byKey.keys(), '@_all'])].sort((a, b) => b.length - a.length)
  const pattern = new RegExp(`(?:${keys.map(escapeRegExp).join('|')})(?!\\d)`, 'g')
  return text.replace(pattern, (key) => render(byKey.get(key), key))
}

/** Quote pairs the core's tokenizer reads as one argument (src/core/command-line.ts). */
const QUOTE_PAIRS = [['「', '」'], ['『', '』'], ['“', '”'], ['‘', '’'], ['"', '"'], ["'", "'"]] as const

/**
 * An @mention as a word of the message's text. The core splits arguments
 * on spaces and reads quotes, so a name with a space or a quote ("Zhao Yi",
 * "O'Brien") is quoted to stay one word, `@「Zhao Yi」`: the 代报名 it
 * names is then exactly the mentioned member, never "Zhao" and "Yi".
 */
export function mentionWord(name: string): string {
  if (!/[\s"'“”‘’「」『』]/.test(name)) return `@${name}`
  const pair = QUOTE_PAIRS.find(([open, close]) => !name.includes(open) && !name.includes(close))
  return pair ? `@${pair[0]}${name}${pair[1]}` : `@${mentionName(name)}`
}

/**
 * The name a mentioned person goes by in the core: the name itself, or, when
 * no quote pair can hold it, the name without its spaces and quotes, as
 * mentionWord writes it: the @mention in the text and the person always match.
 */
export function mentionName(name: string): string {
  if (!/[\s"'“”‘’「」『』]/.test(name) || QUOTE_PAIRS.some(([open, close]) => !name.includes(open) && !name.includes(close))) return name
  return name.replace(/[\s"'“”‘’「」『』]+/g, '')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
