import { Worker } from 'node:worker_threads'
import PQueue from 'p-queue'
import { MAX_FILE_BYTES, PARSE_HEAP_MB, PARSE_TIME_LIMIT_MS, PARSE_YOUNG_MB, type ReadResult } from './limits.ts'

export interface ParseLimits {
  timeLimitMs: number
  heapMb: number
}

const BOOT = new URL('./boot.mjs', import.meta.url)
/** One parse at a time: two hostile files at once would take twice the memory a parse may have. */
const queue = new PQueue({ concurrency: 1 })

/**
 * Reads a 行事历 file in a worker thread whose heap is capped and whose time
 * is limited: a file that breaks a limit, exhausts the heap or runs too long
 * fails this read with its reason; the process and other commands go on.
 */
export async function readInWorker(name: string, bytes: Buffer, limits: ParseLimits = { timeLimitMs: PARSE_TIME_LIMIT_MS, heapMb: PARSE_HEAP_MB }): Promise<ReadResult> {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: { key: 'tooBig' } }
  return queue.add(() => parseInWorker(name, bytes, limits))
}

function parseInWorker(name: string, bytes: Buffer, limits: ParseLimits): Promise<ReadResult> {
  const copy = new Uint8Array(bytes)
  const worker = new Worker(BOOT, {
    workerData: { name, bytes: copy },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: PARSE_YOUNG_MB, stackSizeMb: 4 },
    stdout: true,
    stderr: true,
  })
  // What a parser prints is dropped: the console group's stdout is a chat.
  worker.stdout.resume()
  worker.stderr.resume()
  return new Promise((resolve) => {
    const settle = (result: ReadResult) => {
      clearTimeout(timer)
      resolve(result)
      void worker.terminate()
    }
    const timer = setTimeout(() => settle({ ok: false, problem: { key: 'tooSlow' } }), limits.timeLimitMs)
    worker.once('message', settle)
    worker.once('error', (err: Error & { code?: string }) =>
      settle({ ok: false, problem: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { key: 'outOfMemory' } : { key: 'failed', detail: String(err) } }),
    )
    worker.once('exit', (code) => settle({ ok: false, problem: { key: 'failed', detail: `the parse worker exited (${code})` } }))
  })
}
