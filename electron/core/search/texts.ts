/**
 * Article texts for snippets. The store's readArticle parses and schema-checks the whole article
 * and keeps only 32 in its cache, so a query's snippets read a fresh file for nearly every hit; a
 * snippet needs only the `text` string, which no article migration changes. So the file is read and
 * parsed here, unchecked (anything but a string is no snippet), and the texts of recent hits are
 * kept, bounded by their total length: typing a query ("mort", "morta", "mortal") shows mostly the
 * same articles keystroke after keystroke.
 *
 * The read is synchronous, on purpose. An asynchronous readFile takes four trips through the thread
 * pool (open, stat, read, close), and at each one the event loop runs whatever else is ready first:
 * right after a review opens, the core anchors annotations in the background in chunks of several
 * ms. On a fresh copy of the 10,000-article benchmark review, queries with 8 asynchronous snippet
 * reads took 13–16 ms at the median (up to 73 ms), and about 3 ms read synchronously. A query reads
 * at most SNIPPET_HITS article files (tens of KB, about 0.1 ms each from the page cache), and stops
 * reading after SNIPPET_BUDGET_MS on a slow disk.
 */
import { readFileSync } from 'node:fs';

/** Characters of text kept at most (one-byte strings for ASCII: a few MB). */
export const TEXT_CACHE_CHARS = 4_000_000;

export class ArticleTexts {
  /** Least recently used first (a Map keeps insertion order). */
  private readonly cache = new Map<string, string>();
  private chars = 0;

  constructor(
    private readonly fileOf: (id: string) => string,
    private readonly budget = TEXT_CACHE_CHARS,
  ) {}

  /** The article's text, or null when its file is missing or unreadable. */
  get(id: string): string | null {
    const cached = this.cache.get(id);
    if (cached !== undefined) {
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    let text: unknown;
    try {
      text = (JSON.parse(readFileSync(this.fileOf(id), 'utf8')) as { text?: unknown } | null)?.text;
    } catch {
      return null;
    }
    if (typeof text !== 'string') return null;
    this.keep(id, text);
    return text;
  }

  /** The article changed or went: its text must be read again. */
  forget(id: string): void {
    const text = this.cache.get(id);
    if (text === undefined) return;
    this.cache.delete(id);
    this.chars -= text.length;
  }

  private keep(id: string, text: string): void {
    // One long text (a book-length PDF) must not push out every other one.
    if (text.length > this.budget / 8) return;
    this.cache.set(id, text);
    this.chars += text.length;
    for (const [oldest, old] of this.cache) {
      if (this.chars <= this.budget) break;
      this.cache.delete(oldest);
      this.chars -= old.length;
    }
  }
}
