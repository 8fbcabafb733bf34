/**
 * Full-text search over a review: the core's `search.query`, and the upkeep of the index behind it.
 *
 * The index is derived data. At open it is loaded from `.index/search-v1.ndjson` in the background
 * (open and the first calls never wait for it), checked against the library row by row (stamps),
 * and whatever is missing, stale or extra is queued; with no usable file everything is queued, so
 * a first open or a damaged file rebuilds it. The queue is worked one article at a time with a turn
 * of the event loop in between, so other calls stay answered; article changes reported by the store
 * join the same queue (never indexed on the save's own path). Once the queue is empty and nothing
 * changed for SAVE_DELAY_MS, and at close, the index is written back (never by a read-only core).
 * Queries answer from what is indexed so far and say so (`index.ready`).
 */
import { setImmediate as turn } from 'node:timers/promises';
import type { ArticleIndexEntry } from '../../../shared/model/index.js';
import type { SearchHit, SearchIndexState, SearchQuery, SearchResult, SearchSnippet } from '../../../shared/model/search.js';
import { EvidentiaError } from '../../../shared/result.js';
import { articleLabel } from '../../../shared/sheet/labels.js';
import type { CoreContext } from '../context.js';
import { SerialQueue } from '../serial.js';
import type { ArticleEvent } from '../store/review-store.js';
import { indexDocOf, rowStamp } from './documents.js';
import { indexFilePath, loadIndexFile, saveIndexFile, UnusableIndexFile } from './index-file.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { makeSnippet } from './snippet.js';
import { TextIndex, type SearchOutcome } from './text-index.js';
import { ArticleTexts } from './texts.js';

/** Quiet time after the last change before the index is written. */
export const SAVE_DELAY_MS = 3000;
/**
 * Hits that get a snippet (the others have none): each one reads and parses its article file unless
 * its text is cached (texts.ts), up to 0.3 ms for a full text and most of a common word's query at
 * 10,000 articles. Search benchmark, runs back to back on 2 shared cores: p95 6.0 and 9.5 ms with 8,
 * 11.9 and 15.2 ms with 20 (the plain grep scan: 155–163 ms).
 */
export const SNIPPET_HITS = 8;
/**
 * Snippet files are read synchronously (texts.ts): on a slow disk or a network share, the hits
 * after this much time in a query get no snippet rather than hold up the core (the first always does).
 */
export const SNIPPET_BUDGET_MS = 20;

type Pending = 'written' | 'forgotten';

function writable(ctx: CoreContext): boolean {
  try {
    ctx.assertWritable();
    return true;
  } catch {
    return false;
  }
}

export class SearchIndex {
  private index = new TextIndex();
  private readonly file: string;
  /** Decided at open: close() marks the core closed before it asks us to save. */
  private readonly readOnly: boolean;
  private readonly work = new SerialQueue();
  /** Articles to (re)index or drop, latest event wins. */
  private readonly pending = new Map<string, Pending>();
  /** The article being indexed right now. */
  private current: string | null = null;
  private loaded = false;
  private closed = false;
  /** The index in memory differs from the file. */
  private dirty = false;
  private draining = false;
  /** Open pauses (import batches): queued articles wait until the last one ends. */
  private pauses = 0;
  private saveTimer: NodeJS.Timeout | null = null;
  private rowCache: { list: ArticleIndexEntry[]; revision: number; byId: Map<string, ArticleIndexEntry> } | null = null;
  /** The last state() while nothing was queued, and what it was computed from. */
  private stateCache: { index: TextIndex; list: ArticleIndexEntry[]; revision: number; generation: number; state: SearchIndexState } | null =
    null;
  private readonly texts: ArticleTexts;

  private readonly onArticle = (event: ArticleEvent): void => {
    const id = event.type === 'written' ? event.article.id : event.id;
    this.texts.forget(id);
    this.pending.set(id, event.type);
    if (this.loaded) this.drainSoon();
  };

  /**
   * Hold indexing until the returned function is called: an import batch's PDF workers need every
   * core, and indexing each new article as it lands took a tenth of a batch's time from them. The
   * batch's articles are indexed right after it (queries meanwhile say the index is not ready).
   */
  pause(): () => void {
    this.pauses += 1;
    let resumed = false;
    return () => {
      if (resumed) return;
      resumed = true;
      this.pauses -= 1;
      if (this.pauses === 0 && this.loaded) this.drainSoon();
    };
  }

  constructor(private readonly ctx: CoreContext) {
    this.file = indexFilePath(ctx.store.paths.dir);
    this.readOnly = !writable(ctx);
    this.texts = new ArticleTexts((id) => ctx.store.paths.article(id));
    ctx.store.articleListeners.add(this.onArticle);
    void this.work.run(() => this.load());
  }

  async query(input: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const state = this.state();
    const parsed = parseQuery(input.query);
    const rows = this.rowsById();
    let found: SearchOutcome = { hits: [], total: 0 };
    if (parsed) {
      try {
        // Only articles in the library now: an article written by an import that then failed is not.
        // When the index holds exactly the library's articles, there is nothing to check per hit.
        const same = state.indexed === state.total && this.index.size === state.total;
        found = this.index.search(parsed, input.limit, same ? undefined : (id) => rows.has(id));
      } catch (error) {
        // A bug or a damaged index must not break the library view: no hits, and a line in the log.
        this.ctx.log(`search failed for ${JSON.stringify(input.query)}`, error);
      }
    }
    const top = found.hits;
    // No await from here on: the whole query runs without giving other work a turn (texts.ts).
    const snippets = top.map((h, i) =>
      i < SNIPPET_HITS && parsed && (i === 0 || performance.now() - started < SNIPPET_BUDGET_MS) ? this.snippet(h.id, parsed) : null,
    );
    const hits: SearchHit[] = top.map((h, i) => {
      const row = rows.get(h.id)!;
      return { articleId: h.id, title: row.title, label: articleLabel(row), score: h.score, snippet: snippets[i] ?? null };
    });
    return { query: input.query, hits, total: found.total, elapsedMs: performance.now() - started, index: state };
  }

  /** Stop following changes and write what is indexed (a rebuild cut short resumes at the next open). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.ctx.store.articleListeners.delete(this.onArticle);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    await this.work.run(() => this.save());
  }

  private state(): SearchIndexState {
    const rows = this.ctx.store.review.articles;
    if (!this.loaded) return { ready: false, indexed: 0, total: rows.length };
    // Counting takes two map lookups per article of the library, at every query: with nothing queued
    // the count only changes with the library or the index, so it is kept until one of them does.
    const { index } = this;
    const { revision } = this.ctx.store;
    const { generation } = index;
    const idle = this.pending.size === 0 && this.current === null;
    const c = this.stateCache;
    if (idle && c?.index === index && c.list === rows && c.revision === revision && c.generation === generation) return { ...c.state };
    let indexed = 0;
    for (const row of rows) if (this.index.docs.has(row.id) && !this.pending.has(row.id) && this.current !== row.id) indexed += 1;
    const state = { ready: indexed === rows.length && idle, indexed, total: rows.length };
    this.stateCache = idle ? { index, list: rows, revision, generation, state } : null;
    return { ...state };
  }

  private async load(): Promise<void> {
    // A turn first: opening the review returns, and its first calls run, before any index work.
    await turn();
    if (this.closed) return;
    let loaded: TextIndex | null = null;
    try {
      loaded = await loadIndexFile(this.file);
    } catch (error) {
      const reason = error instanceof UnusableIndexFile ? error.message : String(error);
      this.ctx.log(`the search index ${this.file} cannot be used (${reason}); rebuilding it`);
      // Even an empty review replaces a damaged file.
      this.dirty = true;
    }
    if (loaded) this.index = loaded;
    this.reconcile();
    this.loaded = true;
    this.drainSoon();
  }

  /** Queue what differs between the index and the library (events already queued take precedence). */
  private reconcile(): void {
    const rows = this.ctx.store.review.articles;
    const ids = new Set<string>();
    for (const row of rows) {
      ids.add(row.id);
      if (!this.pending.has(row.id) && this.index.stampOf(row.id) !== rowStamp(row)) this.pending.set(row.id, 'written');
    }
    for (const id of this.index.docs.keys()) if (!ids.has(id) && !this.pending.has(id)) this.pending.set(id, 'forgotten');
  }

  private drainSoon(): void {
    if (this.draining || this.closed || this.pauses > 0) return;
    this.draining = true;
    void this.work
      .run(() => this.drain())
      .catch((error: unknown) => this.ctx.log('search indexing stopped', error))
      .finally(() => {
        this.draining = false;
        if (this.pending.size > 0 && !this.closed && this.pauses === 0) this.drainSoon();
        else this.saveSoon();
      });
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0 && !this.closed && this.pauses === 0) {
      const [id, kind] = this.pending.entries().next().value as [string, Pending];
      this.pending.delete(id);
      this.current = id;
      try {
        if (kind === 'forgotten') {
          if (this.index.drop(id)) this.dirty = true;
        } else {
          const article = await this.ctx.store.readArticle(id).catch((error: unknown) => {
            if (!(error instanceof EvidentiaError && error.code === 'not-found')) this.ctx.log(`could not index article ${id}`, error);
            return null;
          });
          if (article) this.index.upsert(indexDocOf(article));
          else this.index.drop(id);
          this.dirty = true;
        }
      } finally {
        this.current = null;
      }
      // One article per turn: indexing a long full text takes a few ms, other calls go in between.
      await turn();
    }
  }

  private saveSoon(): void {
    if (this.readOnly || this.closed || !this.dirty) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.work.run(() => this.save());
    }, SAVE_DELAY_MS);
    // A pending save must not keep a CLI process alive; close() saves anyway.
    this.saveTimer.unref();
  }

  private async save(): Promise<void> {
    if (this.readOnly || !this.dirty || !this.loaded) return;
    // Changes that arrived meanwhile are indexed first (the timer is set again when they are done).
    if (this.pending.size > 0 && !this.closed) return;
    const generation = this.index.generation;
    try {
      await saveIndexFile(this.file, this.index);
      if (this.index.generation === generation) this.dirty = false;
    } catch (error) {
      this.ctx.log(`could not save the search index ${this.file}`, error);
    }
  }

  private snippet(id: string, query: ParsedQuery): SearchSnippet | null {
    try {
      const text = this.texts.get(id);
      return text === null ? null : makeSnippet(text, query);
    } catch {
      return null;
    }
  }

  private rowsById(): Map<string, ArticleIndexEntry> {
    const { store } = this.ctx;
    const list = store.review.articles;
    if (this.rowCache?.list !== list || this.rowCache.revision !== store.revision) {
      this.rowCache = { list, revision: store.revision, byId: new Map(list.map((row) => [row.id, row])) };
    }
    return this.rowCache.byId;
  }
}
