import { parentPort, workerData } from 'node:worker_threads'
import { readFileLines } from './formats.ts'
import { FileRefusal, type ReadResult } from './limits.ts'

/** Reads one file in this worker thread and posts the ReadResult; a crash or the heap cap ends the thread, not the bot. */
const { name, bytes } = workerData as { name: string; bytes: Uint8Array }
let result: ReadResult
try {
  result = { ok: true, lines: await readFileLines(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) }
} catch (err) {
  result = { ok: false, problem: err instanceof FileRefusal ? err.problem : { key: 'failed', detail: String(err) } }
}
parentPort!.postMessage(result)
