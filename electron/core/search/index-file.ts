/**
 * The search index on disk: `<review>/.index/search-v1.ndjson`, derived data that can always be
 * rebuilt from the article files. One JSON value per line so it is written and read a piece at a
 * time, yielding between pieces (the whole index is tens of MB at 10,000 articles and must not stop
 * the core answering). Lines: a header (format, versions, documents with their stamps), then
 * ["all.reg" | "all.map" | "bib.reg" | "bib.map", chunk], then ["end", number of chunk lines].
 * Written to a temporary file, flushed and renamed, so a crash leaves the old file or the new one.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setImmediate as turn } from 'node:timers/promises';
import { z } from 'zod';
import { removeQuietly, tempPathFor } from '../store/atomic.js';
import { ENGINE, type Flex, type Slots } from './flex.js';
import { TextIndex } from './text-index.js';
import { TOKENIZER_VERSION } from './tokens.js';

export const INDEX_DIR = '.index';
export const INDEX_FILE = 'search-v1.ndjson';
const FORMAT = 'evidentia-search-index';
/**
 * Ids per line (a term's postings count, plus one for the term): a few hundred KB, parsed in a few
 * milliseconds. Counted in ids, not terms: the first terms of a review are its commonest words,
 * and 5,000 of them with their postings made one line of 16 MB (200 ms to parse) at 10,000 articles.
 */
const IDS_PER_LINE = 50_000;

const Header = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  tokenizer: z.literal(TOKENIZER_VERSION),
  engine: z.literal(ENGINE),
  docs: z.array(z.tuple([z.string(), z.number().int().positive(), z.string()])),
});
const Chunk = z.tuple([z.enum(['all.reg', 'all.map', 'bib.reg', 'bib.map']), z.array(z.unknown())]);
const End = z.tuple([z.literal('end'), z.number().int().nonnegative()]);

/** A file that is not a complete index of this version (damaged, truncated, older, other engine). */
export class UnusableIndexFile extends Error {}

export function indexFilePath(reviewDir: string): string {
  return path.join(reviewDir, INDEX_DIR, INDEX_FILE);
}

function* serialise(index: TextIndex): Generator<string> {
  const docs = [...index.docs].map(([id, d]) => [id, d.num, d.stamp]);
  yield JSON.stringify({ format: FORMAT, version: 1, tokenizer: TOKENIZER_VERSION, engine: ENGINE, docs });
  let chunks = 0;
  for (const [name, flex] of [['all', index.all], ['bib', index.bib]] as const) {
    for (const ids of pieces(liveIds(flex, index.stale), () => 1)) {
      chunks += 1;
      yield JSON.stringify([`${name}.reg`, ids]);
    }
    for (const entries of pieces(liveEntries(flex, index.stale), postingCount)) {
      chunks += 1;
      yield JSON.stringify([`${name}.map`, entries]);
    }
  }
  yield JSON.stringify(['end', chunks]);
}

function* liveIds(flex: Flex, stale: ReadonlySet<number>): Generator<number> {
  for (const num of flex.reg) if (!stale.has(num)) yield num;
}

/** Map entries with stale versions left out (so a reopened index holds none). */
function* liveEntries(flex: Flex, stale: ReadonlySet<number>): Generator<[string, Slots]> {
  for (const [term, slots] of flex.map) {
    if (stale.size === 0) {
      yield [term, slots];
      continue;
    }
    let any = false;
    const kept = slots.map((slot) => {
      const live = slot?.filter((num) => !stale.has(num)) ?? null;
      if (live && live.length > 0) any = true;
      return live && live.length > 0 ? live : null;
    });
    if (any) yield [term, kept];
  }
}

function postingCount([, slots]: [string, Slots]): number {
  let n = 1;
  for (const slot of slots) n += slot?.length ?? 0;
  return n;
}

/** Consecutive groups of items weighing about IDS_PER_LINE in all (an item heavier than that goes alone). */
function* pieces<T>(items: Iterable<T>, weight: (item: T) => number): Generator<T[]> {
  let piece: T[] = [];
  let total = 0;
  for (const item of items) {
    piece.push(item);
    total += weight(item);
    if (total >= IDS_PER_LINE) {
      yield piece;
      piece = [];
      total = 0;
    }
  }
  if (piece.length > 0) yield piece;
}

/** Write the index atomically; the caller guarantees it does not change meanwhile. */
export async function saveIndexFile(file: string, index: TextIndex): Promise<number> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  let bytes = 0;
  try {
    const handle = await open(temp, 'wx');
    try {
      for (const line of serialise(index)) {
        const buffer = Buffer.from(`${line}\n`, 'utf8');
        bytes += buffer.length;
        await handle.write(buffer);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
  return bytes;
}

/** The index saved in `file`; null when there is none; UnusableIndexFile when it cannot be used. */
export async function loadIndexFile(file: string): Promise<TextIndex | null> {
  let stream;
  try {
    stream = createReadStream(file, { encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => stream!.once('open', () => resolve()).once('error', reject));
  } catch (error) {
    stream?.destroy();
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    return await readLines(lines);
  } finally {
    lines.close();
    stream.destroy();
  }
}

async function readLines(lines: AsyncIterable<string>): Promise<TextIndex> {
  const index = new TextIndex();
  let header = false;
  let chunks = 0;
  let ended = false;
  for await (const line of lines) {
    if (ended) throw new UnusableIndexFile('text after the end line');
    const value = parse(line);
    if (!header) {
      const parsed = Header.safeParse(value);
      if (!parsed.success) throw new UnusableIndexFile('not a search index of this version');
      for (const [id, num, stamp] of parsed.data.docs) index.restoreDoc(id, num, stamp);
      header = true;
    } else if (End.safeParse(value).success) {
      if ((value as [string, number])[1] !== chunks) throw new UnusableIndexFile('chunks are missing');
      ended = true;
    } else {
      const parsed = Chunk.safeParse(value);
      if (!parsed.success) throw new UnusableIndexFile('a damaged line');
      const [key, data] = parsed.data;
      const [name, part] = key.split('.') as ['all' | 'bib', 'reg' | 'map'];
      if (part === 'map' && !data.every(isEntry)) throw new UnusableIndexFile('a damaged term list');
      if (part === 'reg' && !data.every((n) => Number.isInteger(n))) throw new UnusableIndexFile('a damaged id list');
      index[name].import(part, data);
      chunks += 1;
    }
    // One line at a time, so queries and other calls are answered while a large index loads.
    await turn();
  }
  if (!ended) throw new UnusableIndexFile('the file is incomplete');
  index.rebuildVocabulary();
  return index;
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new UnusableIndexFile('a line is not JSON');
  }
}

function isEntry(entry: unknown): boolean {
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && Array.isArray(entry[1]);
}
