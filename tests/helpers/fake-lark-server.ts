/**
 * A fake Lark Open Platform on 127.0.0.1 and the events Lark posts, with no
 * test-runner imports: the tests and `npm run bench` both use it.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import { createServer, type Server, type ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { AddressInfo } from 'node:net'

export interface SentMessage {
  kind: 'create' | 'reply'
  chatId?: string
  replyTo?: string
  msgType: string
  /** The text; for a card, its title and text. */
  text: string
  /** The card JSON, for msg_type "interactive". */
  card?: Record<string, unknown>
  messageId: string
  authorization?: string
  /** When the fake received it (ms since epoch). */
  receivedAt: number
}

/** A download as Lark streams it: its Content-Length header, if any, and its body's chunks (an iterable that never yields: a body that never comes). */
export interface StreamedResource {
  contentLength?: number
  chunks: () => AsyncIterable<Buffer> | Iterable<Buffer>
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
  /** Messages the im.message.get endpoint knows: those the bot sent, and any a test adds. */
  readonly messages = new Map<string, { msg_type: string; content: string; fromApp: boolean; senderId?: string }>()
  /** Files members sent, by file_key, for the message resource endpoint: whole, or streamed as a download is. */
  readonly resources = new Map<string, Buffer | StreamedResource>()
  /** Each resource request: the key and the `type` asked for (image or file). */
  readonly resourceTypes: { key: string; type: string }[] = []
  /** Bytes of each streamed resource the fake handed to its socket before the bot hung up. */
  readonly served = new Map<string, number>()
  /** Files uploaded with im.file.create, by file_key. */
  readonly files = new Map<string, { type: string; name: string; bytes: number }>()
  /** Images uploaded with im.image.create, by image_key: the upload's size and whether it held a PNG. */
  readonly images = new Map<string, { bytes: number; png: boolean }>()
  /** Every uuid a send request carried, repeats included. */
  readonly uuids: string[] = []
  private readonly byUuid = new Map<string, string>()
  private readonly failures: Failure[] = []
  private server: Server | undefined
  private seq = 0
  url = ''
  /** How long each answer takes, as the real Open Platform's round trip does (0: at once). */
  latencyMs = 0

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => void setTimeout(() => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1')
        const raw = Buffer.concat(chunks)
        const json = (req.headers['content-type'] ?? '').includes('json') || (raw.length > 0 && raw[0] === 0x7b)
        const body = raw.length && json ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {}
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
          // As documented: requests with the same uuid send at most one message within an hour; the others answer with it.
          const uuid = typeof body.uuid === 'string' ? body.uuid : undefined
          const earlier = uuid ? this.byUuid.get(uuid) : undefined
          if (uuid) this.uuids.push(uuid)
          if (earlier) return reply(200, { code: 0, msg: 'success', data: { message_id: earlier } })
          const content = JSON.parse(String(body.content)) as Record<string, unknown>
          const reply_ = path.endsWith('/reply')
          const card = body.msg_type === 'interactive' ? content : undefined
          const messageId = `om_sent_${++this.seq}`
          this.sent.push({
            kind: reply_ ? 'reply' : 'create',
            ...(reply_ ? { replyTo: path.split('/')[5] } : { chatId: String(body.receive_id) }),
            msgType: String(body.msg_type),
            text: card ? cardText(card) : body.msg_type === 'file' ? `[file ${String(content.file_key)}]` : body.msg_type === 'image' ? `[image ${String(content.image_key)}]` : String(content.text),
            ...(card ? { card } : {}),
            messageId,
            authorization: req.headers.authorization,
            receivedAt: Date.now(),
          })
          this.messages.set(messageId, { msg_type: String(body.msg_type), content: String(body.content), fromApp: true })
          if (uuid) this.byUuid.set(uuid, messageId)
          return reply(200, { code: 0, msg: 'success', data: { message_id: messageId } })
        }
        if (path === '/open-apis/im/v1/images' && req.method === 'POST') {
          const imageKey = `img_v2_${++this.seq}`
          this.images.set(imageKey, { bytes: raw.length, png: raw.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47])) })
          return reply(200, { code: 0, msg: 'success', data: { image_key: imageKey } })
        }
        if (path === '/open-apis/im/v1/files' && req.method === 'POST') {
          // multipart/form-data: file_type, file_name and the file itself.
          const text = raw.toString('latin1')
          const field = (name: string) => new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)`).exec(text)?.[1]
          const fileKey = `file_v2_${++this.seq}`
          this.files.set(fileKey, { type: field('file_type') ?? '', name: Buffer.from(field('file_name') ?? '', 'latin1').toString('utf8'), bytes: raw.length })
          return reply(200, { code: 0, msg: 'success', data: { file_key: fileKey } })
        }
        const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(path)
        if (resource && req.method === 'GET') {
          this.resourceTypes.push({ key: resource[2]!, type: url.searchParams.get('type') ?? '' })
          const bytes = this.resources.get(resource[2]!)
          if (!bytes) return reply(400, { code: 234003, msg: 'file not found' })
          if (!Buffer.isBuffer(bytes)) return this.stream(resource[2]!, bytes, res)
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) })
          return void res.end(bytes)
        }
        const get = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path)
        if (get && req.method === 'GET') {
          const found = this.messages.get(get[1]!)
          if (!found) return reply(400, { code: 230011, msg: 'message not found' })
          const sender = found.fromApp ? { id: FAKE_APP_ID, id_type: 'app_id', sender_type: 'app' } : { id: found.senderId, id_type: 'open_id', sender_type: 'user' }
          return reply(200, { code: 0, msg: 'success', data: { items: [{ message_id: get[1], msg_type: found.msg_type, body: { content: found.content }, sender }] } })
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
      }, this.latencyMs))
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  /** Sends a streamed resource's headers at once, then its chunks as the socket takes them, counting what it gave. */
  private stream(key: string, resource: StreamedResource, res: ServerResponse): void {
    const length = resource.contentLength === undefined ? {} : { 'content-length': String(resource.contentLength) }
    res.writeHead(200, { 'content-type': 'application/octet-stream', ...length })
    res.flushHeaders()
    this.served.set(key, 0)
    const count = (n: number) => this.served.set(key, this.served.get(key)! + n)
    const body = Readable.from((async function* () {
      for await (const chunk of resource.chunks()) {
        count(chunk.length)
        yield chunk
      }
    })())
    body.pipe(res)
    res.on('close', () => body.destroy())
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

/** A card's title and text, as a reader sees them. */
export function cardText(card: Record<string, unknown>): string {
  const title = (card.header as { title?: { content?: string } } | undefined)?.title?.content
  const texts = ((card.elements as { tag: string; text?: { content?: string } }[]) ?? [])
    .filter((e) => e.tag === 'div' && e.text?.content)
    .map((e) => e.text!.content!)
  return [title, ...texts].filter(Boolean).join('\n')
}

/** The commands under a card's buttons. */
export function cardButtons(card: Record<string, unknown>): { label: string; command: string }[] {
  const action = ((card.elements as { tag: string; actions?: { text: { content: string }; value: { command: string } }[] }[]) ?? []).find((e) => e.tag === 'action')
  return (action?.actions ?? []).map((a) => ({ label: a.text.content, command: a.value.command }))
}

/** The app id the fake's events carry, and the bench's adapter is configured with. */
export const FAKE_APP_ID = 'cli_test'

/** A card.action.trigger callback (schema 2.0) for a button press; create_time in microseconds, as Lark sends it. */
export function cardTrigger(o: { token: string; openId: string; chatId: string; messageId: string; value: unknown }) {
  return {
    schema: '2.0',
    header: { event_id: `ev_card_${randomBytes(4).toString('hex')}`, event_type: 'card.action.trigger', create_time: String(Date.now() * 1000), token: o.token, app_id: FAKE_APP_ID, tenant_key: 'tk' },
    event: {
      operator: { tenant_key: 'tk', user_id: null, open_id: o.openId, union_id: `on_${o.openId}` },
      token: `c-${randomBytes(8).toString('hex')}`,
      action: { value: o.value, tag: 'button' },
      host: 'im_message',
      context: { open_message_id: o.messageId, open_chat_id: o.chatId },
    },
  }
}

/** An older card callback, as posted to the card request URL; its token (the card's update token) is new at each press. */
export function cardCallback(o: { openId: string; chatId: string; messageId: string; value: unknown }) {
  return { open_id: o.openId, user_id: null, open_message_id: o.messageId, open_chat_id: o.chatId, tenant_key: 'tk', token: `c-${randomBytes(8).toString('hex')}`, action: { value: o.value, tag: 'button' } }
}

/** The older callbacks' signature headers: sha1(timestamp + nonce + verification token + body); `at` is the request time (now unless told). */
export function cardSignatureHeaders(raw: string, verificationToken: string, at = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(at / 1000))
  const nonce = randomBytes(8).toString('hex')
  const signature = createHash('sha1').update(timestamp + nonce + verificationToken + raw).digest('hex')
  return { 'x-lark-request-timestamp': timestamp, 'x-lark-request-nonce': nonce, 'x-lark-signature': signature }
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
  parentId?: string
  /** A file message instead of text: the file_key and file_name it carries. */
  file?: { key: string; name: string }
  /** A photo (an image message) instead of text: its image_key. */
  image?: { key: string }
  /** The app the event is for (the fake's own unless told). */
  appId?: string
  /** When Lark created the event, in ms (now unless told); a redelivery keeps the first one. */
  createdAt?: number
}) {
  const n = ++eventSeq
  const created = String(o.createdAt ?? Date.now())
  return {
    schema: '2.0',
    header: { event_id: o.eventId ?? `ev_${n}_${randomBytes(4).toString('hex')}`, event_type: 'im.message.receive_v1', create_time: created, token: o.token, app_id: o.appId ?? FAKE_APP_ID, tenant_key: 'tk' },
    event: {
      sender: { sender_id: { open_id: o.sender, union_id: `on_${o.sender}`, user_id: null }, sender_type: 'user', tenant_key: 'tk' },
      message: {
        message_id: o.messageId ?? `om_${n}_${randomBytes(4).toString('hex')}`,
        create_time: created,
        ...(o.parentId ? { parent_id: o.parentId, root_id: o.parentId } : {}),
        chat_id: o.chatId,
        chat_type: o.chatType ?? 'group',
        message_type: o.image ? 'image' : o.file ? 'file' : 'text',
        content: JSON.stringify(o.image ? { image_key: o.image.key } : o.file ? { file_key: o.file.key, file_name: o.file.name } : { text: o.text }),
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

/** Lark's signature headers for a raw body: sha256(timestamp + nonce + encryptKey + body); `at` is the request time (now unless told). */
export function signatureHeaders(raw: string, encryptKey: string, at = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(at / 1000))
  const nonce = randomBytes(8).toString('hex')
  const signature = createHash('sha256').update(timestamp + nonce + encryptKey + raw).digest('hex')
  return { 'x-lark-request-timestamp': timestamp, 'x-lark-request-nonce': nonce, 'x-lark-signature': signature }
}

/** Posts a raw body to the bot's webhook with Lark's signature headers. */
export async function postSigned(url: string, raw: string, encryptKey: string, o: { badSignature?: boolean; unsigned?: boolean; at?: number } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (!o.unsigned) {
    Object.assign(headers, signatureHeaders(raw, encryptKey, o.at))
    if (o.badSignature) headers['x-lark-signature'] = headers['x-lark-signature']!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))
  }
  const res = await fetch(url, { method: 'POST', headers, body: raw })
  return { status: res.status, body: await res.text() }
}

