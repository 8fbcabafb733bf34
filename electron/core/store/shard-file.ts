/**
 * The lowdb adapter of annotation shards. A save adds or changes one annotation of a shard that may
 * hold a thousand; serialising them all again (and allocating the whole file as one string) on every
 * save is what made saves slow and the garbage collector busy in a large review. This adapter keeps
 * each annotation's JSON bytes from the last write (annotation objects are replaced, never edited,
 * by create/update/delete) and writes the file from those pieces with one gathered write: only the
 * changed annotation is serialised. The bytes on disk are exactly JSON.stringify(shard).
 *
 * Code that may edit annotation objects in place (bulk rewrites through ReviewStore.updateShard)
 * calls forget() first, so no stale piece is ever written.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { tempPathFor } from './atomic.js';

const COMMA = Buffer.from(',');

export class ShardFileAdapter<T extends object> implements Adapter<T> {
  private pieces = new WeakMap<object, Buffer>();

  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Drop every remembered piece (the next write serialises everything again). */
  forget(): void {
    this.pieces = new WeakMap();
  }

  async write(data: T): Promise<void> {
    const temp = tempPathFor(this.file);
    const buffers = this.serialise(data);
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writev(buffers);
      } finally {
        await handle.close();
      }
      await rename(temp, this.file);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  /** The object's keys in order, as JSON.stringify would write them; array-of-object values piece by piece. */
  private serialise(data: T): Buffer[] {
    const out: Buffer[] = [];
    let head = '{';
    let first = true;
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined) continue;
      head += `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      if (key === 'annotations' && Array.isArray(value)) {
        out.push(Buffer.from(`${head}[`));
        value.forEach((item: object, i) => {
          if (i > 0) out.push(COMMA);
          out.push(this.piece(item));
        });
        head = ']';
      } else {
        head += JSON.stringify(value);
      }
    }
    out.push(Buffer.from(`${head}}`));
    return out;
  }

  private piece(item: object): Buffer {
    let bytes = this.pieces.get(item);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(item));
      this.pieces.set(item, bytes);
    }
    return bytes;
  }
}
