import type { FastifyReply } from 'fastify'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** RFC 5987 encoding: encodeURIComponent leaves ' ( ) * as they are, which the header's syntax does not allow. */
function encodeRfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * Sends a file to download under its Chinese name (filename*=UTF-8''…,
 * RFC 6266), with a plain-ASCII name for the rare client that reads only
 * `filename`; never cached, as it may hold personal data.
 */
export function sendAttachment(reply: FastifyReply, fileName: string, type: string, bytes: Buffer): FastifyReply {
  // A district's or a term's name may hold what no file system takes in a name.
  const name = fileName.replace(/[\\/:*?"<>|]/g, '_')
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_')
  return reply
    .type(type)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`)
    .send(bytes)
}
