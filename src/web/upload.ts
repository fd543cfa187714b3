import type { FastifyRequest } from 'fastify'
import { texts } from '../core/texts/index.ts'

const F = texts.webFiles

export type Upload = { ok: true; name: string; bytes: Buffer } | { ok: false; text: string }

/** Stops reading past the limit (src/web/index.ts registers @fastify/multipart with fileSize = the largest 行事历). */
const TOO_LARGE = 'FST_REQ_FILE_TOO_LARGE'

/**
 * The one file of a multipart form, read into memory within `maxBytes`:
 * its name made safe to keep and show (`clean`), refused with a sentence
 * when there is none, it is too big, empty, or not of a kind `accept` takes.
 * Never throws for what a browser (or anyone) sends.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number, accept: RegExp, clean: (name: string) => string): Promise<Upload> {
  if (!request.isMultipart()) return { ok: false, text: F.notMultipart }
  let part: Awaited<ReturnType<FastifyRequest['file']>>
  try {
    part = await request.file()
  } catch {
    return { ok: false, text: F.badForm }
  }
  // A browser sends an empty part, named "", when no file was chosen.
  const name = part ? clean(part.filename.split(/[\\/]/).pop() ?? '') : ''
  if (!part || !name) {
    part?.file.resume()
    return { ok: false, text: F.noFile }
  }
  let bytes: Buffer
  try {
    bytes = await part.toBuffer()
  } catch (err) {
    return { ok: false, text: (err as { code?: string }).code === TOO_LARGE ? texts.importing.tooBig : F.badForm }
  }
  if (bytes.length > maxBytes) return { ok: false, text: texts.importing.tooBig }
  if (!accept.test(name)) return { ok: false, text: F.badType(name) }
  if (bytes.length === 0) return { ok: false, text: F.empty(name) }
  return { ok: true, name, bytes }
}
