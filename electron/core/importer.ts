/**
 * Import one file at a time into the review. Per file: hash → duplicate check → extract → write the
 * blob → write the article file → add the index row to review.json (the commit point). Until that
 * last write succeeds the article does not exist for any reader, and on any failure whatever this
 * file wrote is removed again, so a failed file leaves nothing behind. One file's failure never
 * stops the batch; an unexpected exception becomes an `internal` failure for that file only.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ImportOutcome } from '../../shared/contract.js';
import { ARTICLE_SCHEMA_VERSION, type Article } from '../../shared/model/index.js';
import { indexRowOf } from './articles.js';
import { EvidentiaError } from '../../shared/result.js';
import type { CoreContext } from './context.js';
import { extensionOf, kindOf, maxBytesFor, mayHoldRecords, type ExtractedDocument } from './import/index.js';
import { decodeText } from './import/decode-text.js';
import { checkSize, tooLargeMessage } from './import/guards.js';
import { detectCitationFormat, jsonSyntaxProblem, parseCitations } from './citations/index.js';
import { duplicateIndexOf, importCitationRecords } from './citation-import.js';
import { attachDocument, queueFuzzy, recordAwaitingText } from './attach.js';
import { isEvidentiaExport, restoreExport } from './restore.js';
import { removeQuietly, writeFileAtomic } from './store/atomic.js';
import type { ImportPathsOptions } from './types.js';
import { expandPaths } from './walk.js';
import { BatchDuplicates } from './import/batch-duplicates.js';
import { Lookahead, type AheadEntry, type LookaheadLimits } from './import/lookahead.js';

export interface ImportItem {
  /** As the caller named it (UI file name or CLI path), echoed in the outcome. */
  source: string;
  /** Base name handed to the extractor (its extension picks the importer). */
  fileName: string;
  load(): Promise<Uint8Array>;
}

/** A file read (and for a PDF, extracted) ahead of its turn to commit. */
interface Prefetched extends AheadEntry {
  extracted: Promise<ExtractedDocument> | null;
}

/** One PDF worker per core (as the pool in import/pdf.ts). */
const WORKERS = Math.max(1, Math.min(8, availableParallelism()));
/**
 * Read-ahead for a batch (see import/lookahead.ts): every worker busy with one more file queued,
 * while finished files wait for their commit; a few files ahead are always read, more only while
 * they hold under 64 MB (a file may be up to MAX_IMPORT_BYTES, see maxBytesFor).
 */
const LOOKAHEAD: LookaheadLimits = {
  minFiles: WORKERS + 1,
  maxFiles: 4 * (WORKERS + 1),
  maxExtracting: WORKERS + 1,
  maxBytes: 64 * 1024 * 1024,
};

/** What the files of one batch share. */
interface Batch {
  duplicates: BatchDuplicates;
  /** The blob folder was created (or found) by an earlier file of this batch. */
  filesDirReady: boolean;
}

export interface ImportOptions {
  password?: string;
  onProgress?: ImportPathsOptions['onProgress'];
}

function failed(source: string, code: EvidentiaError['code'], message: string, record: number | null = null): ImportOutcome {
  return { source, record, status: 'failed', articleId: null, title: null, error: { code, message }, possibleDuplicates: [] };
}

function outcome(source: string, status: ImportOutcome['status'], articleId: string, title: string, extra: Partial<ImportOutcome> = {}): ImportOutcome {
  return { source, record: null, status, articleId, title, error: null, possibleDuplicates: [], ...extra };
}

/** Read a file from disk, refusing huge ones before they are loaded into memory. */
async function readFromDisk(file: string, shownAs: string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    const limit = maxBytesFor(file);
    if (info.size > limit) throw new EvidentiaError('too-large', tooLargeMessage(shownAs, info.size, limit));
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof EvidentiaError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new EvidentiaError('io-error', `${shownAs} cannot be read (${code}).`);
  }
}

export class Importer {
  constructor(private readonly ctx: CoreContext) {}

  /** Files from the UI, as base64. */
  async importBase64(files: ReadonlyArray<{ fileName: string; base64: string }>, options: ImportOptions): Promise<ImportOutcome[]> {
    const items = files.map((f) => ({
      source: f.fileName,
      fileName: path.basename(f.fileName),
      load: async () => new Uint8Array(Buffer.from(f.base64, 'base64')),
    }));
    return this.importItems(items, options);
  }

  /** Files and folders on disk (CLI). */
  async importPaths(paths: readonly string[], options: ImportOptions): Promise<ImportOutcome[]> {
    this.ctx.assertWritable();
    const entries = await expandPaths(paths);
    const items = entries.map((entry): ImportItem | ImportOutcome =>
      'error' in entry
        ? failed(entry.source, entry.error.code, entry.error.message)
        : { source: entry.source, fileName: path.basename(entry.path), load: () => readFromDisk(entry.path, entry.source) },
    );
    return this.importBatch(items, options);
  }

  async importItems(items: readonly ImportItem[], options: ImportOptions): Promise<ImportOutcome[]> {
    this.ctx.assertWritable();
    return this.importBatch(items, options);
  }

  /**
   * Files commit one at a time, in order; PDFs ahead are already being read and extracted, so every
   * extraction worker stays busy while earlier files commit. A look-ahead extraction of a file that
   * turns out to be a duplicate is simply thrown away.
   */
  private async importBatch(items: ReadonlyArray<ImportItem | ImportOutcome>, options: ImportOptions): Promise<ImportOutcome[]> {
    const ahead = new Lookahead<Prefetched>(
      items.length,
      (i) => {
        const item = items[i];
        return item && 'load' in item ? this.prefetch(item, options) : null;
      },
      LOOKAHEAD,
    );
    const batch: Batch = { duplicates: new BatchDuplicates(this.ctx.store), filesDirReady: false };
    const results: ImportOutcome[] = [];
    try {
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        const early = ahead.take(i);
        const outcomes = 'load' in item ? await this.guard(item, () => this.importOrThrow(item, options, early, batch)) : [item];
        ahead.release(i);
        for (const outcome of outcomes) {
          results.push(outcome);
          options.onProgress?.(i + 1, items.length, outcome);
        }
      }
    } finally {
      ahead.stop();
    }
    return results;
  }

  /** Start reading a file and, for a PDF, extracting it (the slow part, done in worker threads). */
  private prefetch(item: ImportItem, options: ImportOptions): Prefetched {
    // Called from the look-ahead's callbacks too, where a throw would go unhandled: a load that
    // throws at once is reported like one that fails later, when the file's turn comes.
    const bytes = Promise.resolve().then(() => item.load());
    const extracted =
      kindOf(item.fileName) === 'pdf'
        ? bytes.then((b) => this.ctx.extract(b, item.fileName, options.password === undefined ? {} : { password: options.password }))
        : null;
    // Awaited later by importOrThrow (which reports any failure); never an unhandled rejection meanwhile.
    bytes.catch(() => undefined);
    extracted?.catch(() => undefined);
    return { bytes, extracted };
  }

  /** Never throws: every problem becomes a `failed` outcome. A citation file gives one outcome per record. */
  async importOne(item: ImportItem, options: ImportOptions): Promise<ImportOutcome[]> {
    return this.guard(item, () => this.importOrThrow(item, options));
  }

  /** A file dropped onto an article: a document becomes the full text of a record that has none, else an attachment. */
  async attachBase64(id: string, file: { fileName: string; base64: string }, options: ImportOptions): Promise<ImportOutcome> {
    this.ctx.assertWritable();
    const item: ImportItem = { source: file.fileName, fileName: path.basename(file.fileName), load: async () => new Uint8Array(Buffer.from(file.base64, 'base64')) };
    const [result] = await this.guard(item, async () => {
      const bytes = await item.load();
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const holder = this.holderOf(sha256);
      if (holder) return [outcome(item.source, 'duplicate', holder.id, holder.title)];
      const doc = await this.ctx.extract(bytes, item.fileName, options.password === undefined ? {} : { password: options.password });
      return [await attachDocument(this.ctx, id, { fileName: item.fileName, bytes, sha256 }, doc, item.source)];
    });
    return result!;
  }

  private async guard(item: ImportItem, work: () => Promise<ImportOutcome[]>): Promise<ImportOutcome[]> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof EvidentiaError) return [failed(item.source, error.code, error.message)];
      this.ctx.log(`import of ${item.source} failed unexpectedly`, error);
      return [failed(item.source, 'internal', `${item.fileName} could not be imported because of an unexpected error. Details are in the log.`)];
    }
  }

  /** The article already holding this exact file, as its source or an attachment. */
  private holderOf(sha256: string) {
    return this.ctx.store.review.articles.find((a) => a.sha256 === sha256 || a.attachments.includes(sha256));
  }

  private async importOrThrow(item: ImportItem, options: ImportOptions, early?: Prefetched, batch?: Batch): Promise<ImportOutcome[]> {
    const { store } = this.ctx;
    const bytes = await (early?.bytes ?? item.load());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const id = sha256.slice(0, 16);
    const existing = this.holderOf(sha256);
    if (existing) return [outcome(item.source, 'duplicate', existing.id, existing.title)];

    if (mayHoldRecords(item.fileName)) {
      checkSize(bytes, item.fileName, maxBytesFor(item.fileName));
      const text = decodeText(bytes, item.fileName);
      if (extensionOf(item.fileName) === 'json' && isEvidentiaExport(text)) {
        return restoreExport(this.ctx, text, item.source);
      }
      const format = detectCitationFormat(item.fileName, text);
      if (format !== null) {
        const parsed = parseCitations(text, item.fileName, format);
        const file = { source: item.source, fileName: item.fileName, bytes, sha256, ext: extensionOf(item.fileName) || 'txt' };
        return importCitationRecords(this.ctx, file, parsed);
      }
      const jsonProblem = extensionOf(item.fileName) === 'json' ? jsonSyntaxProblem(text) : null;
      if (jsonProblem !== null) throw new EvidentiaError('corrupt-file', `${item.fileName} is not valid JSON (${jsonProblem}); the file may be cut off or not a JSON file.`);
      if (kindOf(item.fileName) === null) {
        throw new EvidentiaError('unsupported-type', `${item.fileName} is not a citation file Evidentia can read (RIS, BibTeX, NBIB/MEDLINE, PubMed XML, CSL-JSON, EndNote XML) nor an Evidentia JSON export.`);
      }
    }
    if (store.review.articles.some((a) => a.id === id)) {
      // Two different files sharing 64 bits of sha256: never expected, but never silently merged.
      throw new Error(`article id collision for ${id}`);
    }

    const doc = await (early?.extracted ?? this.ctx.extract(bytes, item.fileName, options.password === undefined ? {} : { password: options.password }));
    const index = batch ? batch.duplicates.current() : duplicateIndexOf(store.review.articles);
    const match = index.find({ ...doc.meta, id }, store.review.duplicates.notDuplicates);
    // A PDF whose DOI/PMID (or exact title and year) is a record's is that record's full text. A
    // text, HTML or Markdown file's DOI is only a guess (often the one DOI it cites: a news piece
    // about a trial), so a match there is queued for a person instead of merged.
    const target = doc.kind === 'pdf' ? (match.identifier?.id ?? recordAwaitingText(store.review.articles, doc.meta)) : null;
    if (target) return [await attachDocument(this.ctx, target, { fileName: item.fileName, bytes, sha256 }, doc, item.source)];
    const suspects = match.identifier ? [match.identifier, ...match.fuzzy] : match.fuzzy;
    const storedAs = store.paths.blobRelative(sha256, doc.ext);
    const article: Article = {
      schemaVersion: ARTICLE_SCHEMA_VERSION,
      id,
      kind: doc.kind,
      ...doc.meta,
      source: { fileName: item.fileName, sha256, ext: doc.ext, bytes: bytes.length, storedAs },
      attachments: [],
      abstract: null,
      text: doc.text,
      pages: doc.pages,
      extraction: doc.extraction,
      importedAt: new Date().toISOString(),
      noTextLayer: doc.noTextLayer,
    };
    const row = indexRowOf(article);

    // No indexed article has this hash, so a blob or article file already at these paths is debris
    // of an interrupted import: overwriting it (and removing it on failure) loses nothing.
    const blobPath = store.paths.resolveStored(storedAs);
    try {
      // Once per batch: the folder stays (a failure below makes the next file check again).
      if (!batch?.filesDirReady) await mkdir(store.paths.filesDir, { recursive: true });
      if (batch) batch.filesDirReady = true;
      await writeFileAtomic(blobPath, bytes);
      await store.writeArticle(article);
      const revisionBefore = store.revision;
      await store.updateReview((review) => {
        review.articles.push(row);
      });
      batch?.duplicates.appended(row, revisionBefore);
    } catch (error) {
      if (batch) batch.filesDirReady = false;
      store.forgetArticle(id);
      await removeQuietly(store.paths.article(id));
      await removeQuietly(blobPath);
      throw error;
    }
    const possible = await queueFuzzy(this.ctx, id, suspects);
    return [outcome(item.source, 'imported', id, article.title, { possibleDuplicates: possible })];
  }
}
