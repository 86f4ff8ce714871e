/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

/**
 * Progress of a long run on a terminal: `validate: 12/100 files, 34,567 facts/s`, rewritten in
 * place at most every `everyMs`, cleared at the end. On anything but a terminal (a pipe, a file,
 * CI's log) it writes nothing, so output that is kept stays clean.
 */
export class Progress {
  private done = 0;
  private facts = 0;
  private last = -Infinity;
  private shown = false;
  private readonly start: number;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = () => Date.now(),
    private readonly everyMs = 200,
  ) {
    this.start = now();
  }

  get active(): boolean {
    return this.stream.isTTY === true;
  }

  /** One file finished with `facts` facts. */
  tick(facts: number): void {
    this.done++;
    this.facts += facts;
    if (!this.active) return;
    const t = this.now();
    if (t - this.last < this.everyMs && this.done < this.total) return;
    this.last = t;
    const rate = Math.round((this.facts * 1000) / Math.max(1, t - this.start));
    this.stream.write(`\r\x1b[2Kvalidate: ${this.done}/${this.total} files, ${rate.toLocaleString('en-US')} facts/s`);
    this.shown = true;
  }

  /** Clears the progress line before the results are printed. */
  end(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
