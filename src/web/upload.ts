import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Multipart } from '@fastify/multipart'
import { texts } from '../core/texts/index.ts'
import { checkUploadToken } from './viewer.ts'

const F = texts.webFiles

/** A file read; a sentence for the page; or refused for its CSRF token, the 403 page already sent. */
/** A refused upload says whether a file was chosen at all (`chosen`): a chosen file that cannot be used voids the one waiting, as in chat. */
export type Upload = { ok: true; name: string; bytes: Buffer } | { ok: false; text: string; chosen?: boolean } | { ok: false; forged: true }

/** Stops reading past the limit (src/web/index.ts registers @fastify/multipart with fileSize = the largest 行事历). */
const TOO_LARGE = 'FST_REQ_FILE_TOO_LARGE'

type Parts = AsyncIterableIterator<Multipart>

/**
 * The one file of an upload form, read into memory within `maxBytes`, after
 * its CSRF token: the form's first field, which a browser sends before the
 * file (parts go in the form's order). A missing or wrong token is refused
 * before a byte of the file is read. The file's name is made safe to keep
 * and show (`clean`); refused with a sentence when there is none, it is too
 * big, empty, or not of a kind `accept` takes. Never throws for what a
 * browser (or anyone) sends.
 */
export async function readUpload(request: FastifyRequest, reply: FastifyReply, maxBytes: number, accept: RegExp, clean: (name: string) => string): Promise<Upload> {
  if (!request.isMultipart()) return { ok: false, text: F.notMultipart }
  const parts = request.parts()
  if (!checkUploadToken(request, reply, await tokenOf(parts))) return { ok: false, forged: true }
  let part: Multipart | undefined
  try {
    part = await nextFile(parts)
  } catch {
    return { ok: false, text: F.badForm }
  }
  // A browser sends an empty part, named "", when no file was chosen.
  const name = part?.type === 'file' ? clean(part.filename.split(/[\\/]/).pop() ?? '') : ''
  if (part?.type !== 'file' || !name) {
    if (part?.type === 'file') part.file.resume()
    return { ok: false, text: F.noFile }
  }
  let bytes: Buffer
  try {
    bytes = await part.toBuffer()
  } catch (err) {
    return (err as { code?: string }).code === TOO_LARGE ? { ok: false, text: texts.importing.tooBig, chosen: true } : { ok: false, text: F.badForm }
  }
  if (bytes.length > maxBytes) return { ok: false, text: texts.importing.tooBig, chosen: true }
  if (!accept.test(name)) return { ok: false, text: F.badType(name), chosen: true }
  if (bytes.length === 0) return { ok: false, text: F.empty(name), chosen: true }
  return { ok: true, name, bytes }
}

/** The first part's value when it is the _csrf field; a file first is left unread (its stream ended, so nothing more is parsed). */
async function tokenOf(parts: Parts): Promise<string | undefined> {
  let first: IteratorResult<Multipart>
  try {
    first = await parts.next()
  } catch {
    return undefined
  }
  const part = first.done ? undefined : first.value
  if (part?.type === 'file') part.file.destroy()
  return part?.type === 'field' && part.fieldname === '_csrf' && typeof part.value === 'string' ? part.value : undefined
}

/** The next file part, passing over any other field (at most the form's field limit). */
async function nextFile(parts: Parts): Promise<Multipart | undefined> {
  for (let next = await parts.next(); !next.done; next = await parts.next()) if (next.value.type === 'file') return next.value
  return undefined
}
