/** A file's download was stopped because it passed the size the bot takes. */
export class FileTooBig extends Error {
  constructor(readonly maxBytes: number) {
    super(`file over ${maxBytes} bytes`)
    this.name = 'FileTooBig'
  }
}

/**
 * The bytes of a stream, at most `maxBytes`: past that the stream is
 * destroyed (the download stops) and FileTooBig thrown, having kept no more
 * than the limit.
 */
export async function readAtMost(stream: AsyncIterable<Uint8Array> & { destroy(): unknown }, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of stream) {
      total += chunk.length
      if (total > maxBytes) throw new FileTooBig(maxBytes)
      chunks.push(Buffer.from(chunk))
    }
  } finally {
    stream.destroy()
  }
  return Buffer.concat(chunks)
}
