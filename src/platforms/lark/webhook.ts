import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage as HttpRequest, ServerResponse } from 'node:http'
import * as lark from '@larksuiteoapi/node-sdk'
import { readBody } from '../http-server.ts'
import { eventProblem, requestTimeProblem } from './freshness.ts'
import { ACK_WAIT_MS, type LarkOptions } from './options.ts'

/** Lark answers within 3 s or redelivers; a body larger than this is not an event. */
const MAX_BODY_BYTES = 1024 * 1024

/**
 * The HTTP endpoints of webhook mode: each request checked (signature,
 * verification token, replays) before the SDK's dispatcher or card handler
 * sees it.
 */
export class LarkWebhook {
  private readonly cipher: lark.AESCipher | undefined

  constructor(
    private readonly options: LarkOptions,
    private readonly events: lark.EventDispatcher,
    private readonly cards: lark.CardActionHandler,
  ) {
    this.cipher = options.encryptKey ? new lark.AESCipher(options.encryptKey) : undefined
  }

  /**
   * The webhook endpoint (POST /lark/events). Checks what the SDK leaves
   * unchecked, and refuses (recording nothing) what fails: the
   * X-Lark-Signature over the raw body when an encrypt key is set, the
   * verification token, and then the replay checks (`replayProblem`). An
   * event is acknowledged (200) once its command has committed, so a crash
   * never loses one Lark thinks delivered; work not done within ACK_WAIT_MS
   * of the request's arrival is answered 503 and goes on, and Lark's
   * redelivery (15 s later) finds it taken.
   */
  handleWebhook = async (req: HttpRequest, res: ServerResponse): Promise<void> => {
    const arrived = Date.now()
    const refuse = this.refuser(req, res, 'lark webhook refused')
    const raw = await this.rawBody(req, res, refuse)
    if (raw === null) return
    const { encryptKey, verificationToken } = this.options
    const signature = header(req, 'x-lark-signature')
    if (encryptKey && signature !== undefined && !this.signedWithKey(req, raw, signature)) return refuse(401, 'bad signature')
    const opened = this.open(raw)
    if ('why' in opened) return refuse(opened.status, opened.why)
    const { body } = opened
    const challenge = body.type === 'url_verification'
    const headerPart = body.header as { token?: unknown; event_type?: unknown } | undefined
    const token = headerPart?.token ?? body.token
    if (verificationToken && token !== verificationToken) return refuse(401, 'bad verification token')
    if (encryptKey && signature === undefined && !challenge) return refuse(401, 'missing signature')
    if (challenge) return answer(res, 200, { challenge: body.challenge })
    const replay = this.replayProblem(req, body)
    if (replay) return refuse(replay.status, replay.why)
    if (headerPart?.event_type === 'card.action.trigger') {
      // A button press is answered with the redrawn card, within Lark's 3 seconds.
      const result = await this.events.invoke(body, { needCheck: false }).catch(() => undefined)
      return answer(res, 200, result ?? {})
    }
    const work = this.events.invoke(body, { needCheck: false }).then(() => true, () => false)
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, arrived + ACK_WAIT_MS - Date.now()))))
    const done = await Promise.race([work, late])
    clearTimeout(timer)
    if (done === true) answer(res, 200, {})
    else answer(res, done === null ? 503 : 500, { error: done === null ? 'still working; deliver again later' : 'not handled' })
  }

  /**
   * The card request URL (POST /lark/card) for the older card callbacks:
   * signed with sha1(timestamp + nonce + verification token + body), their
   * `token` field being the card's update token, new at each press (the
   * key a replayed press is known by). Answered with the redrawn card.
   */
  handleCardWebhook = async (req: HttpRequest, res: ServerResponse): Promise<void> => {
    const refuse = this.refuser(req, res, 'lark card callback refused')
    const raw = await this.rawBody(req, res, refuse)
    if (raw === null) return
    let outer: Record<string, unknown>
    try {
      outer = parseObject(raw)
    } catch {
      return refuse(400, 'unreadable body')
    }
    const { encryptKey, verificationToken } = this.options
    const signature = header(req, 'x-lark-signature')
    let body = outer
    if (typeof outer.encrypt === 'string' || outer.schema !== undefined) {
      // A schema 2.0 callback sent to this URL: checked as events are.
      if (encryptKey && (signature === undefined || !this.signedWithKey(req, raw, signature))) return refuse(401, 'bad signature')
      const opened = this.open(raw)
      if ('why' in opened) return refuse(opened.status, opened.why)
      body = opened.body
      const token = (body.header as { token?: unknown } | undefined)?.token ?? body.token
      if (verificationToken && token !== verificationToken) return refuse(401, 'bad verification token')
      const replay = this.replayProblem(req, body)
      if (replay) return refuse(replay.status, replay.why)
    } else if (body.type !== 'url_verification') {
      // Without the verification token an older callback cannot be told from a forged one.
      if (!verificationToken) return refuse(401, 'card callbacks are checked with LARK_VERIFICATION_TOKEN, which is not set')
      const timestamp = header(req, 'x-lark-request-timestamp') ?? ''
      const nonce = header(req, 'x-lark-request-nonce') ?? ''
      const expected = createHash('sha1').update(timestamp + nonce + verificationToken + raw).digest('hex')
      if (signature === undefined || !sameText(expected, signature)) return refuse(401, 'bad signature')
      const late = requestTimeProblem(timestamp, true, Date.now())
      if (late) return refuse(401, late)
    }
    if (body.type === 'url_verification') {
      if (verificationToken && body.token !== verificationToken) return refuse(401, 'bad verification token')
      return answer(res, 200, { challenge: body.challenge })
    }
    // The SDK reads request headers off the data's prototype (as its own adaptDefault does); checked above.
    const result = await this.cards.invoke(Object.assign(Object.create({ headers: {} }) as object, body)).catch(() => undefined)
    answer(res, 200, result ?? {})
  }

  /**
   * Why a signed, well-formed event is still refused: a request time far
   * from now (a captured request sent again), an event older than Lark's
   * last redelivery, or one for another app. With an encrypt key the
   * timestamp is signed, so it must be there; with only a verification
   * token nothing in the request is signed (whoever holds the token can
   * write any event), so the timestamp is checked when sent, and only the
   * event's own create_time and app_id hold replays back.
   */
  private replayProblem(req: HttpRequest, body: Record<string, unknown>): { status: number; why: string } | null {
    const now = Date.now()
    const late = requestTimeProblem(header(req, 'x-lark-request-timestamp'), Boolean(this.options.encryptKey), now)
    if (late) return { status: 401, why: late }
    const bad = eventProblem(body, this.options.appId, now)
    return bad ? { status: 400, why: bad } : null
  }

  /** Answers a refused request with its status, and logs why. */
  private refuser(req: HttpRequest, res: ServerResponse, what: string) {
    const ip = req.socket?.remoteAddress
    return (status: number, why: string): void => {
      this.options.log.warn({ status, why, ip }, what)
      answer(res, status, { error: why })
    }
  }

  /** The raw body of a POST, or null once the request has been refused (another method, too large) or is gone. */
  private async rawBody(req: HttpRequest, res: ServerResponse, refuse: (status: number, why: string) => void): Promise<string | null> {
    if (req.method !== 'POST') {
      refuse(405, 'method not allowed')
      return null
    }
    const body = await readBody(req, res, MAX_BODY_BYTES)
    if (body.ok) return body.text
    this.options.log.warn({ why: body.why, ip: req.socket?.remoteAddress }, 'lark webhook body refused')
    return null
  }

  /** X-Lark-Signature = sha256(timestamp + nonce + encrypt key + raw body). */
  private signedWithKey(req: HttpRequest, raw: string, signature: string): boolean {
    const expected = sign(header(req, 'x-lark-request-timestamp') ?? '', header(req, 'x-lark-request-nonce') ?? '', this.options.encryptKey!, raw)
    return sameText(expected, signature)
  }

  /** The body as an object, decrypted when it came encrypted; else why it is refused. */
  private open(raw: string): { body: Record<string, unknown> } | { status: number; why: string } {
    try {
      const body = parseObject(raw)
      if (typeof body.encrypt !== 'string') return { body }
      if (!this.cipher) return { status: 400, why: 'encrypted body but no LARK_ENCRYPT_KEY' }
      return { body: parseObject(this.cipher.decrypt(body.encrypt)) }
    } catch {
      return { status: 400, why: 'unreadable body' }
    }
  }
}

/** A JSON object; anything else (a number, a string, broken JSON) throws. */
function parseObject(text: string): Record<string, unknown> {
  const value = JSON.parse(text) as unknown
  if (typeof value !== 'object' || value === null) throw new Error('not an object')
  return value as Record<string, unknown>
}

function sign(timestamp: string, nonce: string, encryptKey: string, body: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + body).digest('hex')
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b.toLowerCase())
  return x.length === y.length && timingSafeEqual(x, y)
}

function header(req: HttpRequest, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Answers, unless the connection is gone (closed by the client or the request timeout). */
function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}
