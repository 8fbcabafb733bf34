/**
 * Where an export's bytes go. Formats write text (or hand exceljs a stream) to a sink and do not
 * know whether it ends in memory (export.run returns the content to the UI) or in a file
 * (exportToFile: a temporary file beside the destination, renamed over it only once complete, so an
 * existing file is replaced whole or not at all). A file sink honours backpressure: `write` resolves
 * once the disk has caught up, so memory stays flat however large the export.
 */
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import { EvidentiaError } from '../../../shared/result.js';
import { removeQuietly, tempPathFor } from '../store/atomic.js';
import { writeReason } from '../store/write-failure.js';

export interface Sink {
  /** Queue a chunk; the promise (if any) resolves when more may be written. */
  write(chunk: string | Buffer): Promise<void> | void;
  /** A Node stream for writers that want one (exceljs); the same bytes as `write`. */
  readonly stream: Writable;
}

/** Collects the output, for exports returned as content. */
export class MemorySink implements Sink {
  private readonly parts: Array<string | Buffer> = [];
  private ended = false;
  readonly stream: Writable;

  constructor() {
    const pass = new PassThrough();
    pass.on('data', (chunk: Buffer) => this.parts.push(chunk));
    pass.on('end', () => {
      this.ended = true;
    });
    this.stream = pass;
  }

  write(chunk: string | Buffer): void {
    this.parts.push(chunk);
  }

  /** Waits until everything a writer put into `stream` (and ended) has arrived. */
  async finished(): Promise<void> {
    if (this.stream.writableEnded && !this.ended) await once(this.stream, 'end');
  }

  buffer(): Buffer {
    return Buffer.concat(this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
  }

  text(): string {
    return this.parts.every((p) => typeof p === 'string') ? this.parts.join('') : this.buffer().toString('utf8');
  }
}

/** Streams into an open temporary file (see writeFileAtomically). */
export class FileSink implements Sink {
  readonly stream: WriteStream;
  private failure: Error | null = null;

  private constructor(
    private readonly handle: FileHandle,
    readonly file: string,
  ) {
    // The handle stays open after the stream ends, so the file can be flushed before the rename.
    this.stream = handle.createWriteStream({ autoClose: false });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  static async create(file: string): Promise<FileSink> {
    return new FileSink(await open(file, 'wx'), file);
  }

  async write(chunk: string | Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** End the stream (unless a writer such as exceljs did), flush to disk, close. */
  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.writableEnded) this.stream.end();
    if (!this.stream.writableFinished) await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
    await this.handle.sync();
    // The stream holds the handle until destroyed (autoClose: false leaves the closing to us).
    this.stream.destroy();
    await this.handle.close();
  }

  /** Stop writing (cancel or failure); the caller removes the file. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await this.handle.close().catch(() => {});
  }
}


/** A system error while writing the export, told in words (other errors pass unchanged). */
function writeError(target: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (error instanceof EvidentiaError || typeof code !== 'string') return error;
  const reason = writeReason(code);
  return new EvidentiaError('io-error', `Could not write ${target}: ${reason} (${code}). Nothing was written there.`);
}

/**
 * Run `work` against a file sink on a temporary file in `target`'s folder, then rename it to
 * `target`. On any failure or cancellation the temporary file is removed and `target` is left as it
 * was. `work` gets its sink from `sink()`; calling it again discards what was written so far and
 * starts a new file (an export that has to begin again).
 */
export async function writeFileAtomically(target: string, work: (sink: () => Promise<FileSink>) => Promise<void>): Promise<{ file: string; bytes: number }> {
  let current: FileSink | null = null;
  const discard = async () => {
    const sink = current;
    current = null;
    if (sink) {
      await sink.abort();
      await removeQuietly(sink.file);
    }
  };
  const fresh = async (): Promise<FileSink> => {
    await discard();
    const temp = tempPathFor(target);
    current = await FileSink.create(temp);
    return current;
  };
  try {
    await work(fresh);
    const sink = current ?? (await fresh());
    await sink.close();
    await rename(sink.file, target);
    return { file: target, bytes: sink.stream.bytesWritten };
  } catch (error) {
    await discard();
    throw writeError(target, error);
  }
}
