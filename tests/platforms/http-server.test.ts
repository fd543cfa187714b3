import { connect } from 'node:net'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { readBody, startHttpServer } from '../../src/platforms/http-server.ts'

describe('the bot\'s HTTP server', () => {
  let close: (() => Promise<void>) | undefined
  afterEach(async () => close?.())

  /** A server with one route reading a body of at most 1 KB; its port, and the warnings and errors it logged. */
  async function start(limits?: Parameters<typeof startHttpServer>[0]['limits']) {
    const logged: string[] = []
    const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) })
    const http = await startHttpServer({
      port: 0, host: '127.0.0.1', log, limits,
      routes: {
        '/echo': async (req, res) => {
          const body = await readBody(req, res, 1024)
          if (body.ok) res.end(`got ${body.text.length}`)
        },
      },
    })
    close = http.close
    return { ...http, logged, url: `http://127.0.0.1:${http.port}/echo` }
  }

  /** Opens a raw connection, writes the head, then trickles the body a byte at a time; resolves with what came back once the server closes it. */
  function trickle(port: number, head: string, everyMs: number): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(head))
      let got = ''
      const timer = setInterval(() => socket.writable && socket.write('a'), everyMs)
      socket.on('data', (d: Buffer) => (got += d.toString('utf8')))
      socket.on('error', () => {})
      socket.on('close', () => {
        clearInterval(timer)
        resolve(got)
      })
    })
  }

  it('gives a whole request 10 s and its headers 5 s', async () => {
    const { server } = await start()
    expect([server.requestTimeout, server.headersTimeout]).toEqual([10_000, 5_000])
  })

  it('answers 408 and closes a body trickled a byte at a time past the request timeout, and keeps serving', async () => {
    const { port, url, logged } = await start({ requestTimeout: 600, headersTimeout: 500, connectionsCheckingInterval: 100 })
    const answered = await trickle(port, 'POST /echo HTTP/1.1\r\nHost: bot\r\nContent-Length: 500\r\n\r\n', 50)
    expect(answered).toMatch(/^HTTP\/1\.1 408 /)
    const silent = await trickle(port, '', 60_000)
    expect(silent).toMatch(/^HTTP\/1\.1 408 /)
    expect(await (await fetch(url, { method: 'POST', body: 'hello' })).text()).toBe('got 5')
    expect(logged).toEqual([])
  })

  it('answers 413 to a 20 MB body, and to one announced far larger, and keeps serving', async () => {
    const { url, logged } = await start()
    const big = await fetch(url, { method: 'POST', body: Buffer.alloc(20 * 1024 * 1024, 0x7b) })
    expect(big.status).toBe(413)
    expect(await big.json()).toEqual({ error: 'body too large' })
    const announced = await fetch(url, { method: 'POST', body: Buffer.alloc(80 * 1024 * 1024, 0x7b) })
    expect(announced.status).toBe(413)
    expect(await (await fetch(url, { method: 'POST', body: 'hello' })).text()).toBe('got 5')
    expect(logged).toEqual([])
  })
})
