/** Lark / Feishu: what the rest of the bot imports of the platform. */
export { LarkAdapter } from './adapter.ts'
export { buildCard } from './cards.ts'
export { readContent } from './events.ts'
export { LARK_CARD_PATH, LARK_EVENTS_PATH, larkDomain, type LarkOptions } from './options.ts'
