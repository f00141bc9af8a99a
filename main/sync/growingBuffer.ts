/**
 * Text appended as UTF-8 into one buffer that is kept and reused, so building a large body (a signed batch's JSON)
 * leaves no long-lived strings behind: each piece is garbage as soon as it is copied in, and dies young.
 */
export class GrowingBuffer {
  private buffer: Buffer;
  private used = 0;

  constructor(initialBytes: number) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  append(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8: room for that, then the exact length written.
    if (this.used + text.length * 3 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + text.length * 3));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** What was appended since the last clear: a view, valid until the next append or clear. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.used);
  }

  clear(): void {
    this.used = 0;
  }
}
