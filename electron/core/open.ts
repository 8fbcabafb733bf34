/**
 * openReview: find or create the review folder, take the writer lock (or fall back to read-only),
 * load review.json, and assemble the services into a Core. The extractor is a dependency so tests
 * can inject a fake one; index.ts passes the real importers.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { contract, type Channel, type ExportFile, type ParsedInput, type RawHandlers } from '../../shared/contract.js';
import { ReviewerId, type ReviewInfo } from '../../shared/model/index.js';
import { EvidentiaError } from '../../shared/result.js';
import { Annotations } from './annotations.js';
import { AuditLog } from './audit/audit-log.js';
import { Articles } from './articles.js';
import type { CoreContext, Logger } from './context.js';
import { runExport, runExportToFile, type ExportDeps } from './export/index.js';
import { Checks } from './checks.js';
import { Discrepancies } from './discrepancies.js';
import { Duplicates } from './duplicates.js';
import { FindingsCache } from './findings.js';
import { SearchIndex } from './search/search-index.js';
import { StudyGroups } from './study-groups.js';
import { Suggestions } from './suggestions.js';
import { JobRunner } from './jobs.js';
import { prepareOutcomeBody } from './outcome-body.js';
import { SheetService } from './sheet.js';
import { StudyValuesService } from './study.js';
import { Templates } from './templates.js';
import { forestPlotFor } from '../../shared/forest/index.js';
import type { ExtractDocument } from './import/types.js';
import { Importer } from './importer.js';
import { SerialQueue } from './serial.js';
import { looksLikeReview } from './store/recover.js';
import { acquireLock, type HeldLock, type LockInfo } from './store/lock.js';
import { ReviewPaths } from './store/paths.js';
import { ReviewStore } from './store/review-store.js';
import type { Core, OpenReviewOptions } from './types.js';

export interface CoreDeps {
  extractDocument: ExtractDocument;
  /** Stops extractor workers; called by close(). */
  shutdownExtractors?: () => Promise<void>;
}

const DEFAULT_REVIEWER = 'me';
/** Articles whose orphans are anchored before articles.list answers, at most (see the handler). */
const ORPHANS_SETTLED_BEFORE_LISTING = 100;

const defaultLog: Logger = (message, error) => console.error(`[evidentia] ${message}`, error ?? '');

function lockedMessage(holder: LockInfo | null): string {
  const who = holder ? ` (pid ${holder.pid} on ${holder.hostname})` : '';
  return `This review is open in another Evidentia process${who}, so it is read-only here. Close it there to make changes.`;
}

/** Parse a channel's input again, so direct callers (CLI, tests) get the same checks as the UI. */
function parseInput<C extends Channel>(channel: C, input: unknown): ParsedInput<C> {
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    throw new EvidentiaError('bad-input', `Invalid input for ${channel}: ${detail}`);
  }
  return parsed.data as ParsedInput<C>;
}

async function prepareFolder(dir: string, options: OpenReviewOptions): Promise<{ lock: HeldLock | null; readOnlyReason: string | null }> {
  const paths = new ReviewPaths(dir);
  // A review whose review.json is gone but whose backup is not is still a review (restored at open).
  const isReview = await looksLikeReview(paths);
  if (!isReview && (!options.create || options.readOnly)) {
    throw new EvidentiaError(
      'not-found',
      `${dir} is not an Evidentia review (it has no review.json). Create one with "evidentia init" or open another folder.`,
    );
  }
  if (options.readOnly) return { lock: null, readOnlyReason: 'This review was opened read-only.' };
  if (!isReview) await mkdir(dir, { recursive: true });
  const result = await acquireLock(paths.lockFile);
  if (!result.acquired) {
    if (!isReview) throw new EvidentiaError('read-only', `Another Evidentia process is creating a review in ${dir}; try again.`);
    return { lock: null, readOnlyReason: lockedMessage(result.holder) };
  }
  try {
    // Checked again under the lock: another process may have created it meanwhile.
    if (!(await looksLikeReview(paths))) await ReviewStore.create(dir, options.name?.trim() || path.basename(dir) || 'Review');
  } catch (error) {
    await result.lock.release();
    throw error;
  }
  return { lock: result.lock, readOnlyReason: null };
}

export async function openReviewWith(dir: string, options: OpenReviewOptions, deps: CoreDeps): Promise<Core> {
  const abs = path.resolve(dir);
  const defaultReviewer = options.defaultReviewer ?? DEFAULT_REVIEWER;
  if (!ReviewerId.safeParse(defaultReviewer).success) {
    throw new EvidentiaError('bad-input', `"${defaultReviewer}" is not a valid reviewer id: use 1-40 characters a-z, 0-9, _ . - starting with a letter or digit.`);
  }
  const { lock, readOnlyReason } = await prepareFolder(abs, options);
  let store: ReviewStore;
  try {
    store = await ReviewStore.open(abs, { writable: lock !== null, log: options.log ?? defaultLog });
  } catch (error) {
    await lock?.release();
    throw error;
  }

  let closedReason: string | null = null;
  const ctx: CoreContext = {
    store,
    log: options.log ?? defaultLog,
    defaultReviewer,
    extract: deps.extractDocument,
    assertWritable() {
      const reason = closedReason ?? readOnlyReason;
      if (reason !== null) throw new EvidentiaError('read-only', reason);
    },
  };
  const templates = new Templates(ctx);
  const audit = new AuditLog(abs, ctx.log);
  const annotations = new Annotations(ctx, (body, previous) => prepareOutcomeBody(templates, body, previous), audit);
  const articles = new Articles(ctx);
  const importer = new Importer(ctx);
  const study = new StudyValuesService(ctx, templates, audit);
  const sheet = new SheetService(ctx, templates, annotations, study);
  const duplicates = new Duplicates(ctx, annotations);
  const findings = new FindingsCache();
  const suggestions = new Suggestions(ctx, annotations, findings);
  const discrepancies = new Discrepancies(ctx, annotations);
  const checks = new Checks(ctx, findings, discrepancies);
  const studyGroups = new StudyGroups(ctx);
  const exportDeps: ExportDeps = { annotations, sheet, templates, discrepancies };
  const jobs = new JobRunner<ExportFile>(ctx.log);
  const writes = new SerialQueue();
  const search = new SearchIndex(ctx);
  /** An import batch: one write at a time, search indexing held until it ends (see SearchIndex.pause). */
  const importing = <T>(work: () => Promise<T>): Promise<T> =>
    writes.run(async () => {
      const resume = search.pause();
      try {
        return await work();
      } finally {
        resume();
      }
    });
  // Orphan counts the catalogue could not know without anchoring settle in the background.
  const settled = store.catalogue
    .settled()
    .then(() => annotations.settleOrphanCounts(() => closedReason === null))
    .catch((error: unknown) => ctx.log('could not settle the orphan counts after opening', error));

  const info = (): ReviewInfo => ({
    name: store.review.name,
    dir: abs,
    schemaVersion: store.review.schemaVersion,
    readOnly: readOnlyReason !== null || closedReason !== null,
    reviewers: store.review.reviewers,
    defaultReviewer,
    articleCount: store.review.articles.length,
    notices: [...store.notices],
  });

  const handlers: RawHandlers = {
    'review.info': async (input) => {
      parseInput('review.info', input);
      return info();
    },
    'articles.list': async (input) => {
      parseInput('articles.list', input);
      // A few unknown orphan counts are settled before answering (the library shows them right away);
      // a review full of them (an old review's first open) is listed now and settles in the background.
      await annotations.settleOrphanCounts(() => closedReason === null, ORPHANS_SETTLED_BEFORE_LISTING);
      return articles.list();
    },
    'articles.get': async (input) => articles.get(parseInput('articles.get', input).id),
    'articles.import': async (input) => {
      const { files, password } = parseInput('articles.import', input);
      const results = await importing(() => importer.importBase64(files, password === undefined ? {} : { password }));
      return { results };
    },
    'articles.delete': async (input) => {
      const { id } = parseInput('articles.delete', input);
      return writes.run(() => articles.delete(id));
    },
    'annotations.list': async (input) => {
      const { articleId } = parseInput('annotations.list', input);
      if (articleId === undefined) return annotations.all();
      await articles.get(articleId); // not-found for an article that is not in the index
      return annotations.forArticle(articleId);
    },
    'annotations.create': async (input) => {
      const parsed = parseInput('annotations.create', input);
      return writes.run(() => annotations.create(parsed));
    },
    'annotations.update': async (input) => {
      const { id, body, ...options } = parseInput('annotations.update', input);
      return writes.run(() => annotations.update(id, body, options));
    },
    'annotations.delete': async (input) => {
      const { id, ...options } = parseInput('annotations.delete', input);
      return writes.run(() => annotations.delete(id, options));
    },
    'annotations.restore': async (input) => {
      const { annotation, cause } = parseInput('annotations.restore', input);
      return writes.run(() => annotations.restore(annotation, cause === undefined ? {} : { cause }));
    },
    'audit.list': async (input) => {
      const { annotationId, articleId, limit } = parseInput('audit.list', input);
      // An annotation's log is its article's: found from the catalogue, or named by the caller once deleted.
      const where = annotationId === undefined ? null : ((await store.catalogue.locate(annotationId))?.articleId ?? null);
      const article = where ?? articleId;
      if (article === undefined) throw new EvidentiaError('not-found', `No annotation ${annotationId ?? ''} in this review; name its article to see the history of a deleted one.`);
      const entries = annotationId === undefined ? await audit.forArticle(article) : await audit.forAnnotation(article, annotationId);
      return entries.slice(0, limit);
    },
    'articles.update': async (input) => {
      const { id, changes } = parseInput('articles.update', input);
      return writes.run(() => articles.update(id, changes));
    },
    'articles.attach': async (input) => {
      const { id, file, password } = parseInput('articles.attach', input);
      return writes.run(() => importer.attachBase64(id, file, password === undefined ? {} : { password }));
    },
    'export.run': async (input) => runExport(ctx, exportDeps, parseInput('export.run', input)),
    'export.start': async (input) => {
      const request = parseInput('export.start', input);
      return { jobId: jobs.start(`Exporting ${request.format}`, (control) => runExport(ctx, exportDeps, request, control)) };
    },
    'jobs.status': async (input) => jobs.status(parseInput('jobs.status', input).jobId),
    'jobs.result': async (input) => jobs.result(parseInput('jobs.result', input).jobId),
    'jobs.cancel': async (input) => jobs.cancel(parseInput('jobs.cancel', input).jobId),
    'templates.list': async (input) => {
      parseInput('templates.list', input);
      return templates.list();
    },
    'templates.save': async (input) => {
      const { template } = parseInput('templates.save', input);
      return writes.run(() => templates.save(template));
    },
    'templates.create': async (input) => {
      const { name, copyOf } = parseInput('templates.create', input);
      return writes.run(() => templates.create(name, copyOf));
    },
    'study.get': async (input) => study.get(parseInput('study.get', input).articleId),
    'study.save': async (input) => {
      const { articleId, templateId, fields, reviewer } = parseInput('study.save', input);
      return writes.run(() => study.save(articleId, templateId, fields, reviewer));
    },
    'sheet.query': async (input) => sheet.query(parseInput('sheet.query', input)),
    'sheet.facets': async (input) => sheet.facets(parseInput('sheet.facets', input).templateId),
    'sheet.edit': async (input) => {
      const edit = parseInput('sheet.edit', input);
      return writes.run(() => sheet.edit(edit));
    },
    'duplicates.list': async (input) => {
      parseInput('duplicates.list', input);
      return duplicates.list(await articles.list());
    },
    'duplicates.resolve': async (input) => {
      const resolution = parseInput('duplicates.resolve', input);
      return writes.run(() => duplicates.resolve(resolution));
    },
    'studies.list': async (input) => {
      parseInput('studies.list', input);
      return store.review.studies;
    },
    'forest.plot': async (input) => {
      const query = parseInput('forest.plot', input);
      return forestPlotFor(await sheet.data(query.templateId), query, store.review.articles);
    },
    'studies.update': async (input) => {
      const change = parseInput('studies.update', input);
      return writes.run(() => studyGroups.update(change));
    },
    'suggestions.list': async (input) => {
      const { articleId } = parseInput('suggestions.list', input);
      await articles.get(articleId);
      return suggestions.list(articleId);
    },
    'suggestions.accept': async (input) => {
      const { articleId, key, reviewer } = parseInput('suggestions.accept', input);
      await articles.get(articleId);
      return writes.run(() => suggestions.accept(articleId, key, reviewer));
    },
    'suggestions.reject': async (input) => {
      const { articleId, key, reviewer } = parseInput('suggestions.reject', input);
      await articles.get(articleId);
      return writes.run(() => suggestions.reject(articleId, key, reviewer));
    },
    'checks.run': async (input) => {
      const { store: save } = parseInput('checks.run', input);
      // A read-only review can still be checked; it just keeps nothing.
      const writable = readOnlyReason === null && closedReason === null;
      return save && writable ? writes.run(() => checks.run(true)) : checks.run(false);
    },
    'discrepancies.list': async (input) => {
      parseInput('discrepancies.list', input);
      return discrepancies.list();
    },
    'discrepancies.review': async (input) => {
      const decision = parseInput('discrepancies.review', input);
      return writes.run(() => discrepancies.review(decision));
    },
    'search.query': async (input) => search.query(parseInput('search.query', input)),
  };

  return {
    ...handlers,
    dir: abs,
    importPaths: (paths, opts = {}) =>
      importing(() =>
        importer.importPaths(paths, {
          ...(opts.password === undefined ? {} : { password: opts.password }),
          ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
        }),
      ),
    exportToFile: (request, file, opts = {}) => runExportToFile(ctx, exportDeps, parseInput('export.run', request), file, opts),
    fileForArticle: (articleId) => articles.fileForArticle(articleId),
    settled: () => settled,
    async close() {
      if (closedReason !== null) return;
      closedReason = 'This review has been closed.';
      await writes.idle();
      await search.close();
      await store.close();
      await lock?.release();
      await deps.shutdownExtractors?.();
    },
  };
}
