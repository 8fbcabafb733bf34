/**
 * A citation file becomes article records: each record is checked against the review (DOI, PMID,
 * then title + year + author), identifier matches are merged into the existing article, fuzzy
 * matches are imported and queued for a person, the rest are new `citation` articles whose text is
 * their abstract. Article files are written first and review.json last, once for the whole file
 * (the commit point), so a crash leaves no half-indexed record and a 10,000-record file does not
 * rewrite review.json 10,000 times.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { ImportOutcome } from '../../shared/contract.js';
import { DuplicateIndex, pairKey } from '../../shared/duplicates/match.js';
import { mergeArticles } from '../../shared/duplicates/merge.js';
import { addCandidates } from '../../shared/duplicates/state.js';
import { ARTICLE_SCHEMA_VERSION, type Article, type ArticleIndexEntry, type DuplicateCandidate, type SourceFile } from '../../shared/model/index.js';
import { indexRowOf } from './articles.js';
import type { CitationFormat, CitationParse } from './citations/index.js';
import type { CoreContext } from './context.js';
import { exists, removeQuietly, writeFileAtomic } from './store/atomic.js';

export interface RecordFile {
  source: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  ext: string;
}

const ENGINE: Record<CitationFormat, string> = {
  ris: 'citation-js RIS',
  bibtex: 'citation-js BibTeX',
  'csl-json': 'citation-js CSL-JSON',
  nbib: 'MEDLINE tags',
  'pubmed-xml': 'PubMed XML',
  'endnote-xml': 'EndNote XML',
};

function base(source: string, record: number | null): Pick<ImportOutcome, 'source' | 'record' | 'error' | 'possibleDuplicates'> {
  return { source, record, error: null, possibleDuplicates: [] };
}

/** A record's id: its content, so the same record imported again is recognised as already present. */
function recordId(parsedRecord: unknown): string {
  return createHash('sha256').update(`citation-record\n${JSON.stringify(parsedRecord)}`).digest('hex').slice(0, 16);
}

export function duplicateIndexOf(rows: readonly ArticleIndexEntry[]): DuplicateIndex {
  return new DuplicateIndex(rows);
}

export async function importCitationRecords(ctx: CoreContext, file: RecordFile, parsed: CitationParse): Promise<ImportOutcome[]> {
  const { store } = ctx;
  const outcomes: ImportOutcome[] = parsed.errors.map((e) => ({
    ...base(file.source, e.record),
    status: 'failed' as const,
    articleId: null,
    title: null,
    error: { code: 'corrupt-file' as const, message: `${file.fileName}, record ${e.record}: ${e.reason}` },
  }));
  const storedAs = store.paths.blobRelative(file.sha256, file.ext);
  const now = new Date().toISOString();
  const index = duplicateIndexOf(store.review.articles);
  const notDuplicates = store.review.duplicates.notDuplicates;
  const known = new Set(store.review.articles.map((a) => a.id));
  const newRows: ArticleIndexEntry[] = [];
  const changedRows = new Map<string, ArticleIndexEntry>();
  const written: string[] = [];
  /** Existing articles as they were before a merge rewrote them, put back if the commit fails. */
  const originals = new Map<string, Article>();
  const pending: DuplicateCandidate[] = [];
  const queued = new Set(store.review.duplicates.pending.map((p) => pairKey(p.a, p.b)));

  const blobPath = store.paths.resolveStored(storedAs);
  const blobExisted = await exists(blobPath);
  let blobWritten = blobExisted;
  // Written before the first article that refers to it, and only then: a file whose every record
  // is already in the review leaves no blob that no article names.
  const ensureBlob = async (): Promise<void> => {
    if (blobWritten) return;
    await mkdir(store.paths.filesDir, { recursive: true });
    await writeFileAtomic(blobPath, file.bytes);
    blobWritten = true;
  };
  try {
    for (const rec of parsed.records) {
      const source: SourceFile = { fileName: file.fileName, sha256: file.sha256, ext: file.ext, bytes: file.bytes.length, storedAs, record: rec.record };
      const id = recordId({ meta: rec.meta, abstract: rec.abstract });
      if (known.has(id)) {
        const row = changedRows.get(id) ?? newRows.find((r) => r.id === id) ?? store.review.articles.find((r) => r.id === id)!;
        outcomes.push({ ...base(file.source, rec.record), status: 'duplicate', articleId: id, title: row.title });
        continue;
      }
      const article: Article = {
        schemaVersion: ARTICLE_SCHEMA_VERSION,
        id,
        kind: 'citation',
        ...rec.meta,
        tags: [],
        source,
        attachments: [],
        abstract: rec.abstract,
        text: rec.abstract ?? '',
        pages: [],
        extraction: { engine: ENGINE[parsed.format], version: '1' },
        importedAt: now,
        noTextLayer: false,
      };
      const match = index.find({ ...rec.meta, id }, notDuplicates);
      if (match.identifier) {
        // DOI or PMID match: the same article. Keep the richest fields and this file as an attachment.
        const existing = await store.readArticle(match.identifier.id);
        if (!originals.has(existing.id) && !written.includes(existing.id)) originals.set(existing.id, existing);
        await ensureBlob();
        const merged = mergeArticles(existing, article);
        // A record that had no abstract reads the one this file brings.
        if (merged.kind === 'citation' && merged.text === '' && merged.abstract) merged.text = merged.abstract;
        await store.writeArticle(merged);
        const previous = newRows.find((r) => r.id === merged.id) ?? store.review.articles.find((r) => r.id === merged.id);
        const row = indexRowOf(merged, previous);
        if (newRows.some((r) => r.id === merged.id)) newRows.splice(newRows.findIndex((r) => r.id === merged.id), 1, row);
        else changedRows.set(merged.id, row);
        index.remove(merged.id);
        index.add(row);
        outcomes.push({ ...base(file.source, rec.record), status: 'merged', articleId: merged.id, title: merged.title });
        continue;
      }
      await ensureBlob();
      await store.writeArticle(article);
      written.push(id);
      const row = indexRowOf(article);
      newRows.push(row);
      known.add(id);
      const possible: string[] = [];
      for (const f of match.fuzzy) {
        const key = pairKey(f.id, id);
        if (queued.has(key)) continue;
        queued.add(key);
        pending.push({ a: f.id, b: id, reason: f.reason, detected: now });
        possible.push(f.id);
      }
      index.add(row);
      outcomes.push({ ...base(file.source, rec.record), status: 'imported', articleId: id, title: article.title, possibleDuplicates: possible });
    }
    if (newRows.length > 0 || changedRows.size > 0 || pending.length > 0) {
      await store.updateReview((review) => {
        review.articles = review.articles.map((r) => changedRows.get(r.id) ?? r);
        review.articles.push(...newRows);
        review.duplicates = addCandidates(review.duplicates, pending);
      });
    }
  } catch (error) {
    for (const id of written) {
      store.forgetArticle(id);
      await removeQuietly(store.paths.article(id));
    }
    for (const original of originals.values()) {
      await store.writeArticle(original).catch((e: unknown) => ctx.log(`could not restore article ${original.id}`, e));
    }
    if (!blobExisted) await removeQuietly(blobPath);
    throw error;
  }
  return outcomes.sort((x, y) => (x.record ?? 0) - (y.record ?? 0));
}
