import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as lark from '@larksuiteoapi/node-sdk'
import type { App } from '../../src/app.ts'
import { createLogger } from '../../src/log.ts'
import { LarkAdapter } from '../../src/platforms/lark.ts'

export interface SentMessage {
  kind: 'create' | 'reply'
  chatId?: string
  replyTo?: string
  msgType: string
  text: string
  authorization?: string
}

interface Failure {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/**
 * A fake Lark Open Platform on 127.0.0.1, answering as the documented API
 * does: tenant token, bot info, send and reply, chat info and members.
 * Failures can be queued for the send endpoints.
 */
export class FakeLark {
  readonly sent: SentMessage[] = []
  readonly requests: string[] = []
  readonly chats = new Map<string, { name: string; members: { member_id: string; name: string }[] }>()
  botOpenId = 'ou_bot_0001'
  private readonly failures: Failure[] = []
  private server: Server | undefined
  private seq = 0
  url = ''

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1')
        const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {}
        this.requests.push(`${req.method} ${url.pathname}`)
        const reply = (status: number, data: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers })
          res.end(JSON.stringify(data))
        }
        const path = url.pathname
        if (path === '/open-apis/auth/v3/tenant_access_token/internal') {
          return reply(200, { code: 0, msg: 'ok', tenant_access_token: 't-fake-token', expire: 7200 })
        }
        if (req.headers.authorization !== 'Bearer t-fake-token') return reply(401, { code: 99991663, msg: 'invalid access token' })
        if (path === '/open-apis/bot/v3/info') return reply(200, { code: 0, msg: 'ok', bot: { open_id: this.botOpenId, app_name: '学区助手' } })
        const send = path === '/open-apis/im/v1/messages' || /^\/open-apis\/im\/v1\/messages\/[^/]+\/reply$/.test(path)
        if (send && req.method === 'POST') {
          const failure = this.failures.shift()
          if (failure) return reply(failure.status, failure.body, failure.headers)
          const content = JSON.parse(String(body.content)) as { text: string }
          const reply_ = path.endsWith('/reply')
          this.sent.push({
            kind: reply_ ? 'reply' : 'create',
            ...(reply_ ? { replyTo: path.split('/')[5] } : { chatId: String(body.receive_id) }),
            msgType: String(body.msg_type),
            text: content.text,
            authorization: req.headers.authorization,
          })
          return reply(200, { code: 0, msg: 'success', data: { message_id: `om_sent_${++this.seq}` } })
        }
        const members = /^\/open-apis\/im\/v1\/chats\/([^/]+)\/members$/.exec(path)
        if (members) {
          const chat = this.chats.get(members[1]!)
          if (!chat) return reply(400, { code: 232011, msg: 'bot not in chat' })
          return reply(200, { code: 0, msg: 'success', data: { items: chat.members.map((m) => ({ member_id_type: 'open_id', ...m, tenant_key: 'tk' })), has_more: false, page_token: '', member_total: chat.members.length } })
        }
        const chat = /^\/open-apis\/im\/v1\/chats\/([^/]+)$/.exec(path)
        if (chat) {
          const found = this.chats.get(chat[1]!)
          if (!found) return reply(400, { code: 232011, msg: 'bot not in chat' })
          return reply(200, { code: 0, msg: 'success', data: { name: found.name, chat_mode: 'group' } })
        }
        reply(404, { code: 404, msg: 'not found' })
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  /** The next send answers with this failure instead. */
  failNext(failure: Failure): void {
    this.failures.push(failure)
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve())
      this.server?.closeAllConnections()
    })
  }
}

let eventSeq = 0

/** An im.message.receive_v1 event (schema 2.0) as Lark posts it. */
export function messageEvent(o: {
  token: string
  chatId: string
  sender: string
  text: string
  mentions?: { key: string; openId: string; name: string }[]
  chatType?: 'group' | 'p2p'
  messageId?: string
  eventId?: string
}) {
  const n = ++eventSeq
  return {
    schema: '2.0',
    header: { event_id: o.eventId ?? `ev_${n}_${randomBytes(4).toString('hex')}`, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: o.token, app_id: 'cli_test', tenant_key: 'tk' },
    event: {
      sender: { sender_id: { open_id: o.sender, union_id: `on_${o.sender}`, user_id: null }, sender_type: 'user', tenant_key: 'tk' },
      message: {
        message_id: o.messageId ?? `om_${n}_${randomBytes(4).toString('hex')}`,
        create_time: String(Date.now()),
        chat_id: o.chatId,
        chat_type: o.chatType ?? 'group',
        message_type: 'text',
        content: JSON.stringify({ text: o.text }),
        mentions: (o.mentions ?? []).map((m) => ({ key: m.key, id: { open_id: m.openId, union_id: `on_${m.openId}`, user_id: null }, name: m.name, tenant_key: 'tk' })),
      },
    },
  }
}

export function encrypt(body: unknown, encryptKey: string): string {
  const key = createHash('sha256').update(encryptKey).digest()
  const iv = randomBytes(16)
  const cipher = createCipheriv('aes-256-cbc', key, iv)
  const data = Buffer.concat([iv, cipher.update(JSON.stringify(body), 'utf8'), cipher.final()])
  return JSON.stringify({ encrypt: data.toString('base64') })
}

/** Lark's signature headers for a raw body: sha256(timestamp + nonce + encryptKey + body). */
export function signatureHeaders(raw: string, encryptKey: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(8).toString('hex')
  const signature = createHash('sha256').update(timestamp + nonce + encryptKey + raw).digest('hex')
  return { 'x-lark-request-timestamp': timestamp, 'x-lark-request-nonce': nonce, 'x-lark-signature': signature }
}

/** Posts a raw body to the bot's webhook with Lark's signature headers. */
export async function postSigned(url: string, raw: string, encryptKey: string, o: { badSignature?: boolean; unsigned?: boolean } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (!o.unsigned) {
    Object.assign(headers, signatureHeaders(raw, encryptKey))
    if (o.badSignature) headers['x-lark-signature'] = headers['x-lark-signature']!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))
  }
  const res = await fetch(url, { method: 'POST', headers, body: raw })
  return { status: res.status, body: await res.text() }
}

/** A webhook-mode LarkAdapter on the app's database, pointed at the fake, with its own token cache. */
export function fakeLarkAdapter(fake: FakeLark, app: App, o: { clock: () => Date; encryptKey: string; verificationToken: string }): LarkAdapter {
  return new LarkAdapter({
    appId: 'cli_test', appSecret: 'secret', domain: fake.url, mode: 'webhook',
    encryptKey: o.encryptKey, verificationToken: o.verificationToken,
    db: app.db, dispatch: app.dispatch, log: createLogger('silent'), botName: '学区助手',
    clock: o.clock, retryBaseMs: 10, cache: new lark.DefaultCache(),
  })
}
