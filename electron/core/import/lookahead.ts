/**
 * How far a batch import reads and extracts ahead of the file it is committing. Files commit one
 * at a time, in order, on the main thread, while PDFs are extracted in the worker pool. A window
 * counted in files alone starves the pool: finished extractions waiting for their turn to commit
 * fill it, and a worker that is done sits idle until the main thread catches up. So the window is
 * counted in extractions under way (one per worker plus one queued) and, beyond a few files,
 * bounded by the bytes read and not yet committed.
 */

/** A file read (and, for a PDF, extracted) ahead of its turn. */
export interface AheadEntry {
  bytes: Promise<Uint8Array>;
  /** null: nothing to extract ahead (not a PDF). */
  extracted: Promise<unknown> | null;
}

export interface LookaheadLimits {
  /** Files always read ahead whatever their size, the one committing included. */
  minFiles: number;
  /** Never more files than this read and not yet committed. */
  maxFiles: number;
  /** Beyond minFiles: at most this many extractions queued or running at once. */
  maxExtracting: number;
  /** Beyond minFiles: no further reading while this many bytes wait for their commit. */
  maxBytes: number;
}

interface Slot<T> {
  entry: T;
  /** Bytes counted against maxBytes (0 until read). */
  size: number;
}

export class Lookahead<T extends AheadEntry> {
  private readonly slots = new Map<number, Slot<T>>();
  /** The next file to start. */
  private next = 0;
  /** The file being committed. */
  private current = 0;
  private extracting = 0;
  private heldBytes = 0;
  private stopped = false;

  /** `start(i)` begins reading (and extracting) file i; null when file i has nothing to read. */
  constructor(
    private readonly count: number,
    private readonly start: (i: number) => T | null,
    private readonly limits: LookaheadLimits,
  ) {}

  /** File i's turn to commit: its entry (started now if need be), with the files after it under way. */
  take(i: number): T | undefined {
    this.current = i;
    this.fill();
    return this.slots.get(i)?.entry;
  }

  /** File i has committed, failed or turned out a duplicate: it no longer holds the window. */
  release(i: number): void {
    const slot = this.slots.get(i);
    if (!slot) return;
    this.slots.delete(i);
    this.heldBytes -= slot.size;
  }

  /** The batch is over (or abandoned): start nothing more. */
  stop(): void {
    this.stopped = true;
  }

  private fill(): void {
    const { minFiles, maxFiles, maxExtracting, maxBytes } = this.limits;
    while (!this.stopped && this.next < this.count) {
      const distance = this.next - this.current;
      if (distance >= maxFiles) return;
      if (distance >= minFiles && (this.extracting >= maxExtracting || this.heldBytes >= maxBytes)) return;
      const i = this.next++;
      const entry = this.start(i);
      if (entry) this.track(i, entry);
    }
  }

  private track(i: number, entry: T): void {
    const slot: Slot<T> = { entry, size: 0 };
    this.slots.set(i, slot);
    entry.bytes.then(
      (bytes) => {
        if (this.slots.get(i) !== slot) return; // released before it was read
        slot.size = bytes.length;
        this.heldBytes += bytes.length;
      },
      () => undefined, // reported when the file's turn comes
    );
    if (!entry.extracted) return;
    this.extracting += 1;
    const settled = () => {
      this.extracting -= 1;
      // A worker is free: give it the next file now, not when the main thread next commits.
      this.fill();
    };
    entry.extracted.then(settled, settled);
  }
}
