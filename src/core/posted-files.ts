import type { Context } from './command.ts'

/** What a hook takes of a posted file before it is downloaded: how much at most, and what to remember for after. */
export interface AcceptedFile {
  maxBytes: number
  /** The hook's own note (where the file goes), handed back to `keep` and `tooBig`. */
  note: unknown
  /** Taken before a 行事历 would be: a file posted during an activity goes to its record, not to /导入. */
  first: boolean
}

/**
 * Photos and files posted in a district's group (handlers/records.ts keeps
 * those of an activity's organizer, host or an admin for its record). The
 * dispatcher asks `accept` in the message's own unit of work, before any
 * download: null leaves the file alone, never downloaded. Once the bytes
 * are in (at most `maxBytes`), `keep` runs in a second unit of work.
 */
export interface PostedFiles {
  accept(ctx: Context): Promise<AcceptedFile | null>
  keep(ctx: Context, note: unknown, bytes: Buffer): Promise<void>
  /** The file was over `maxBytes` (stated, or found during the download). */
  tooBig(ctx: Context, note: unknown): Promise<void>
}
