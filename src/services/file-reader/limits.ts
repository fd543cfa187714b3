/**
 * What the bot reads of a 行事历 file, at most. A real one is a few pages
 * (a few hundred lines, well under 1 MB unzipped); each limit leaves room for
 * a whole district's year with photos, and stops a hostile file early.
 */

/** The file itself: checked before it is downloaded, and again while it is. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024
/** Parts in a .docx/.xlsx zip: Word and Excel write 10-40, WPS a few more. */
export const MAX_ZIP_ENTRIES = 500
/** One part unzipped: a 5 000-line document's text and markup take about 2 MB. */
export const MAX_ENTRY_BYTES = 8 * 1024 * 1024
/** All parts unzipped together (photos stay about their zipped size). */
export const MAX_UNZIPPED_BYTES = 24 * 1024 * 1024
/**
 * XML elements in a Word document's parts: mammoth holds the whole document
 * as a tree (about 1.3 KB an element), so this is what fits the parse's heap.
 * Word writes about 16 elements a formatted line (5 000 lines: 80 000), a
 * plain line about 4.
 */
export const MAX_DOCX_ELEMENTS = 90_000
/**
 * Lines with text. A term's 行事历 has a few hundred; every line is read by
 * /排期's reader inside /导入's transaction (at worst about 1 ms a line of 20
 * words), so this also bounds how long an import holds the database.
 */
export const MAX_LINES = 8_000
/** Rows or paragraphs read, empty ones included (sheets carry formatted empty rows). */
export const MAX_ROWS = 100_000
/** A longer line is reported as unreadable, never stored: a 行事历 line is under 100 characters. */
export const MAX_LINE_CHARS = 500
/** Cells with text read from one spreadsheet row. */
export const MAX_CELLS_PER_ROW = 100
/**
 * The parse runs in a worker thread whose JS heap is capped here (old
 * generation; plus 16 MB young). With the worker's own code, a parse adds at
 * most about 200 MB to the bot's memory.
 */
export const PARSE_HEAP_MB = 128
export const PARSE_YOUNG_MB = 8
/** A parse still running after this is stopped. */
export const PARSE_TIME_LIMIT_MS = 20_000

/** Why a file cannot be read; each has its sentence in texts.importing.problems. */
export type FileProblem =
  | { key: 'tooBig' }
  | { key: 'corrupt' }
  | { key: 'notText' }
  | { key: 'tooManyEntries' }
  | { key: 'unzippedTooBig' }
  | { key: 'tooManyElements' }
  | { key: 'tooManyLines' }
  | { key: 'tooManyRows' }
  | { key: 'outOfMemory' }
  | { key: 'tooSlow' }
  | { key: 'failed'; detail: string }

export type ReadResult = { ok: true; lines: string[] } | { ok: false; problem: FileProblem }

/** Thrown inside the reader when a limit is reached: the read stops there. */
export class FileRefusal extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.key)
  }
}
