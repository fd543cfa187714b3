/** WeChat through wechaty: what the rest of the bot imports of the platform. */
export { DEFAULT_PUPPET, WechatAdapter, buildWechaty, readQuote, type WechatOptions } from './adapter.ts'
