/**
 * Restoring a JSON export (export/json.ts) into a review: the reverse of export, for moving work
 * between machines or merging a colleague's review. Per article, like importer.ts: write the blobs,
 * the article file and its shards, then add the index row to review.json (the commit point). Until
 * that row is written the article does not exist for any reader, and on failure whatever was
 * written for it is removed. An article already in the review is reported as a duplicate, and the
 * annotations and study values it lacks are added to it: restoring the same file twice changes
 * nothing, and a restore interrupted after a commit point completes when run again.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { ImportOutcome } from '../../shared/contract.js';
import type { Annotation, AnnotationFile, Article, ReviewFile, StudyRecord, Template } from '../../shared/model/index.js';
import { EvidentiaError, toErrorInfo } from '../../shared/result.js';
import { indexRowOf } from './articles.js';
import type { CoreContext } from './context.js';
import { EXPORT_FORMAT, EXPORT_VERSION, EvidentiaExport } from './export/json-schema.js';
import { exists, removeQuietly, writeFileAtomic } from './store/atomic.js';

/** Cheap test for "is this JSON text an Evidentia export?" (the importer routes .json files with it). */
export function isEvidentiaExport(text: string): boolean {
  // Our exports start with the format key; only other JSON needs a full parse to be sure.
  if (/^\s*\{\s*"format"\s*:\s*"evidentia-export"/.test(text.slice(0, 200))) return true;
  if (!text.includes(`"${EXPORT_FORMAT}"`)) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { format?: unknown }).format === EXPORT_FORMAT;
  } catch {
    return false;
  }
}

/** Parse and validate; bad-input for another version, corrupt-file for anything damaged. */
export function parseExport(text: string, source: string): EvidentiaExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EvidentiaError('corrupt-file', `${source} is not valid JSON, so it cannot be restored.`);
  }
  const head = (typeof value === 'object' && value !== null ? value : {}) as { format?: unknown; version?: unknown };
  if (head.format !== EXPORT_FORMAT) throw new EvidentiaError('bad-input', `${source} is not an Evidentia export.`);
  if (head.version !== EXPORT_VERSION) {
    throw new EvidentiaError(
      'bad-input',
      `${source} is an Evidentia export of version ${String(head.version)}; this version of Evidentia restores version ${EXPORT_VERSION} only.`,
    );
  }
  const parsed = EvidentiaExport.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ');
    throw new EvidentiaError('corrupt-file', `${source} is a damaged Evidentia export (${detail}).`);
  }
  const data = parsed.data;
  const ids = new Set(data.articles.map((a) => a.id));
  const stray = [...data.annotations, ...data.study].find((x) => !ids.has(x.articleId));
  if (stray) throw new EvidentiaError('corrupt-file', `${source} is a damaged Evidentia export: it has annotations of article ${stray.articleId}, which it does not contain.`);
  return data;
}

interface ArticlePart {
  article: Article;
  /** reviewer → annotations and study records of this article. */
  shards: Map<string, { annotations: Annotation[]; study: StudyRecord[] }>;
}

function partsOf(data: EvidentiaExport): ArticlePart[] {
  const parts = new Map<string, ArticlePart>(data.articles.map((article) => [article.id, { article, shards: new Map() }]));
  const shardOf = (articleId: string, reviewer: string) => {
    const shards = parts.get(articleId)!.shards;
    let shard = shards.get(reviewer);
    if (!shard) shards.set(reviewer, (shard = { annotations: [], study: [] }));
    return shard;
  };
  for (const a of data.annotations) shardOf(a.articleId, a.reviewer).annotations.push(a);
  for (const s of data.study) {
    const { articleId, reviewer, ...record } = s;
    shardOf(articleId, reviewer).study.push(record);
  }
  return [...parts.values()];
}

function outcome(source: string, status: ImportOutcome['status'], articleId: string | null, title: string | null, error: unknown = null): ImportOutcome {
  return { source, record: null, status, articleId, title, error: error === null ? null : toErrorInfo(error), possibleDuplicates: [] };
}

/** Same name and fields: two copies of one template version (e.g. every review's default v1). */
function sameContent(a: Template, b: Template): boolean {
  return a.name === b.name && JSON.stringify(a.sections) === JSON.stringify(b.sections);
}

/**
 * Templates the review lacks are added; of two with one id, the higher version stays. On a tie the
 * review's own stays when the two differ (its values were captured under it), and the export's
 * is taken when they are the same, so a restore into a new review gives back the template as is.
 * Reviewers the review lacks are added.
 */
function mergeSettings(review: ReviewFile, data: EvidentiaExport): void {
  for (const template of data.review.templates) {
    const i = review.templates.findIndex((t) => t.id === template.id);
    const have = review.templates[i];
    if (!have) review.templates.push(template);
    else if (template.version > have.version || (template.version === have.version && sameContent(template, have))) review.templates[i] = template;
  }
  const reviewers = [...data.review.reviewers];
  for (const x of [...data.annotations, ...data.study]) if (!reviewers.some((r) => r.id === x.reviewer)) reviewers.push({ id: x.reviewer, name: x.reviewer });
  for (const r of reviewers) if (!review.reviewers.some((have) => have.id === r.id)) review.reviewers.push(r);
}

/** Duplicate decisions, study groups, split pairs and rejected suggestions, kept only for articles the review now holds. */
function mergeLinks(review: ReviewFile, data: EvidentiaExport): void {
  const indexed = new Set(review.articles.map((a) => a.id));
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const known = new Set([...review.duplicates.pending.map((p) => key(p.a, p.b)), ...review.duplicates.notDuplicates.map(([a, b]) => key(a, b))]);
  for (const pair of data.review.duplicates.notDuplicates) {
    if (!indexed.has(pair[0]) || !indexed.has(pair[1])) continue;
    if (review.duplicates.notDuplicates.some(([a, b]) => key(a, b) === key(pair[0], pair[1]))) continue;
    review.duplicates.notDuplicates.push(pair);
    review.duplicates.pending = review.duplicates.pending.filter((p) => key(p.a, p.b) !== key(pair[0], pair[1]));
    known.add(key(pair[0], pair[1]));
  }
  for (const candidate of data.review.duplicates.pending) {
    if (!indexed.has(candidate.a) || !indexed.has(candidate.b) || known.has(key(candidate.a, candidate.b))) continue;
    review.duplicates.pending.push(candidate);
    known.add(key(candidate.a, candidate.b));
  }
  for (const group of data.review.studies) {
    if (review.studies.some((g) => g.id === group.id)) continue;
    const articleIds = group.articleIds.filter((id) => indexed.has(id));
    if (articleIds.length >= 2) review.studies.push({ ...group, articleIds });
  }
  const splits = new Set(review.notSameStudy.map(([a, b]) => key(a, b)));
  for (const pair of data.review.notSameStudy) {
    if (!indexed.has(pair[0]) || !indexed.has(pair[1]) || splits.has(key(pair[0], pair[1]))) continue;
    review.notSameStudy.push(pair);
    splits.add(key(pair[0], pair[1]));
  }
  const rejected = new Set(review.rejectedSuggestions.map((r) => `${r.articleId} ${r.key}`));
  for (const r of data.review.rejectedSuggestions) {
    if (!indexed.has(r.articleId) || rejected.has(`${r.articleId} ${r.key}`)) continue;
    review.rejectedSuggestions.push(r);
    rejected.add(`${r.articleId} ${r.key}`);
  }
}

/** Adds to a shard the annotations (by id) and study records (by template) it does not hold yet. */
function mergeInto(shard: AnnotationFile, part: { annotations: Annotation[]; study: StudyRecord[] }, taken: Set<string>): void {
  for (const a of part.annotations) {
    if (taken.has(a.id)) continue;
    shard.annotations.push(a);
    taken.add(a.id);
  }
  for (const s of part.study) if (!shard.study.some((have) => have.template.id === s.template.id)) shard.study.push(s);
}

export async function restoreExport(ctx: CoreContext, text: string, source: string): Promise<ImportOutcome[]> {
  ctx.assertWritable();
  const data = parseExport(text, source);
  const { store } = ctx;
  // Annotation ids already in the review: those annotations were restored before (or are the same).
  const taken = await store.catalogue.annotationIds();
  await store.updateReview((review) => mergeSettings(review, data));

  const results: ImportOutcome[] = [];
  for (const part of partsOf(data)) {
    const { article } = part;
    try {
      const existing =
        store.review.articles.find((a) => a.id === article.id) ??
        store.review.articles.find((a) => a.sha256 === article.source.sha256 || a.attachments.includes(article.source.sha256));
      if (existing?.id === article.id) {
        for (const [reviewer, shard] of part.shards) {
          if (shard.annotations.every((a) => taken.has(a.id)) && shard.study.length === 0) continue;
          await store.updateShard(article.id, reviewer, (file) => mergeInto(file, shard, taken));
        }
        results.push(outcome(source, 'duplicate', existing.id, existing.title));
      } else if (existing) {
        // The same file is part of another article here: its annotations point into that text, not ours.
        results.push(outcome(source, 'duplicate', existing.id, existing.title));
      } else {
        await restoreArticle(ctx, part, data, taken);
        results.push(outcome(source, 'imported', article.id, article.title));
      }
    } catch (error) {
      if (!(error instanceof EvidentiaError)) ctx.log(`restoring article ${article.id} from ${source} failed`, error);
      results.push(outcome(source, 'failed', null, article.title, error));
    }
  }
  await store.updateReview((review) => mergeLinks(review, data));
  return results;
}

async function restoreArticle(ctx: CoreContext, part: ArticlePart, data: EvidentiaExport, taken: Set<string>): Promise<void> {
  const { store } = ctx;
  const files = [part.article.source, ...part.article.attachments];
  // Stored paths are rebuilt from hash and extension, never taken from the file.
  const article: Article = {
    ...part.article,
    source: { ...part.article.source, storedAs: store.paths.blobRelative(part.article.source.sha256, part.article.source.ext) },
    attachments: part.article.attachments.map((f) => ({ ...f, storedAs: store.paths.blobRelative(f.sha256, f.ext) })),
  };
  const blobs = files.map((f) => {
    const blob = data.files[f.sha256];
    if (!blob) throw new EvidentiaError('corrupt-file', `The export lacks the file ${f.fileName} of "${article.title}".`);
    const bytes = new Uint8Array(Buffer.from(blob.base64, 'base64'));
    if (createHash('sha256').update(bytes).digest('hex') !== f.sha256) {
      throw new EvidentiaError('corrupt-file', `The export's copy of ${f.fileName} ("${article.title}") is damaged: its checksum does not match.`);
    }
    return { path: store.paths.resolveStored(store.paths.blobRelative(f.sha256, f.ext)), bytes };
  });

  // Not indexed, so anything at its paths is debris of an interrupted import, restore or delete.
  store.forgetArticle(article.id);
  await removeQuietly(store.paths.articleAnnotationsDir(article.id));
  const written: string[] = [];
  const added: string[] = [];
  try {
    await mkdir(store.paths.filesDir, { recursive: true });
    for (const blob of blobs) {
      // Blobs are named by content: one already there (another article's attachment) is the same file.
      if (await exists(blob.path)) continue;
      await writeFileAtomic(blob.path, blob.bytes);
      written.push(blob.path);
    }
    await store.writeArticle(article);
    for (const [reviewer, shard] of part.shards) {
      const fresh = shard.annotations.filter((a) => !taken.has(a.id));
      await store.updateShard(article.id, reviewer, (file) => {
        file.annotations = fresh;
        file.study = shard.study;
      });
      for (const a of fresh) added.push(a.id);
    }
    await store.updateReview((review) => {
      review.articles.push(indexRowOf(article));
    });
    for (const id of added) taken.add(id);
  } catch (error) {
    store.forgetArticle(article.id);
    await removeQuietly(store.paths.articleAnnotationsDir(article.id));
    await removeQuietly(store.paths.article(article.id));
    for (const file of written) await removeQuietly(file);
    throw error;
  }
}
