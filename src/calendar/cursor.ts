/**
 * A read position over a normalized string for small hand-written grammars.
 * `furthest` remembers how far a successful attempt got, so an error can
 * quote the part that could not be read.
 */
export class Cursor {
  pos = 0
  furthest = 0

  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length
  }

  get rest(): string {
    return this.text.slice(this.pos)
  }

  skipSpace(): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === ',' || this.text[this.pos] === '，') this.pos++
  }

  /** Matches a sticky regex at the current position and advances past it. */
  take(re: RegExp): RegExpExecArray | null {
    const sticky = new RegExp(re.source, re.flags.includes('y') ? re.flags : `${re.flags}y`)
    sticky.lastIndex = this.pos
    const m = sticky.exec(this.text)
    if (!m) return null
    this.pos += m[0].length
    return m
  }

  /** Runs an attempt; restores the position when it returns null. */
  attempt<T>(fn: () => T | null): T | null {
    const start = this.pos
    const result = fn()
    if (result === null) this.pos = start
    else this.furthest = Math.max(this.furthest, this.pos)
    return result
  }
}
