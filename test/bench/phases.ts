/**
 * One function per benchmark phase. Each runs its Evidentia part in a fresh child process (see
 * child.ts) and returns the figures it measured, notes for the table, and the child's peak RSS.
 * A phase that throws is reported as an error for its figures; the others still run.
 */
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runChild } from './child.js';
import type { CachedReview } from './cache.js';
import { makePdfBatch, pdftotextLoop } from './pdfs.js';
import { Rng } from './prng.js';
import { grepScan, makeQueries } from './queries.js';
import type { Key } from './report.js';
import { median, percentile, round } from './stats.js';

export interface PhaseResult {
  values: Partial<Record<Key, number | null>>;
  notes: Partial<Record<Key, string>>;
  /** Peak RSS (MB) of the Evidentia child processes; absent for baselines. */
  rssMb?: number;
  /** Figures that could not be measured while others of the phase could. */
  errors?: Partial<Record<Key, string>>;
}

export interface PhaseContext {
  /** The run's working copy of the big review, and of the XLSX review. */
  dir: string;
  xlsxDir: string;
  big: CachedReview;
  xlsx: CachedReview;
  work: string;
  seed: number;
  log: (line: string) => void;
}

const MINUTES = 60_000;

export async function openReviewPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const times: number[] = [];
  let rss = 0;
  for (let i = 0; i < 3; i++) {
    const run = await runChild<{ articles: number }>('open', { dir: ctx.dir }, { workDir: ctx.work, timeoutMs: 10 * MINUTES });
    if (run.result.articles !== ctx.big.summary.articles) throw new Error(`listed ${run.result.articles} articles, expected ${ctx.big.summary.articles}`);
    times.push(run.signals.listed!);
    rss = Math.max(rss, run.maxRssMb);
    ctx.log(`  open_review run ${i + 1}: ${Math.round(run.signals.listed!)} ms`);
  }
  return { values: { open_review: median(times) }, notes: { open_review: `median of 3 fresh processes (${times.map(Math.round).join(', ')} ms), spawn → ${ctx.big.summary.articles} rows listed` }, rssMb: rss };
}

export async function openArticlePhase(ctx: PhaseContext): Promise<PhaseResult> {
  const ids = ctx.big.summary.with200.slice(0, 5);
  if (ids.length < 5) throw new Error(`the review has only ${ids.length} articles with exactly 200 annotations`);
  type Opened = { id: string; ms: number; annotations: number; exact: number; orphans: number };
  const run = await runChild<{ opened: Opened[] }>('article', { dir: ctx.dir, ids }, { workDir: ctx.work, timeoutMs: 10 * MINUTES });
  const bad = run.result.opened.filter((o) => o.annotations !== 200 || o.orphans > 0);
  if (bad.length > 0) throw new Error(`article ${bad[0]!.id}: ${bad[0]!.annotations} annotations, ${bad[0]!.orphans} orphans`);
  const ms = run.result.opened.map((o) => o.ms);
  return {
    values: { open_article: median(ms) },
    notes: { open_article: `median over 5 articles opened cold after the library list (${ms.map(Math.round).join(', ')} ms); all 200 anchored` },
    rssMb: run.maxRssMb,
  };
}

export async function searchPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const queries = makeQueries(ctx.seed, ctx.big.summary.rareTerms);
  const articlesDir = path.join(ctx.dir, 'articles');
  // The scan first, with one untimed pass to warm the page cache: the index gets a warm cache too.
  await grepScan(articlesDir, 'placebo');
  const scans: number[] = [];
  const scanFiles: number[] = [];
  for (const q of queries) {
    const s = await grepScan(articlesDir, q);
    scans.push(s.ms);
    scanFiles.push(s.files);
  }
  const values: PhaseResult['values'] = { grep_scan: median(scans) };
  const notes: PhaseResult['notes'] = {
    grep_scan: `grep -rliF per word over ${ctx.big.summary.articles} article files, ${queries.length} queries; median ${Math.round(median(scanFiles))} files matched per query`,
  };
  try {
    type Run = { query: string; ms: number; total: number };
    const run = await runChild<{ readyMs: number; runs: Run[] }>('search', { dir: ctx.dir, queries }, { workDir: ctx.work, timeoutMs: 20 * MINUTES });
    const ms = run.result.runs.map((r) => r.ms);
    values.search_p95 = percentile(ms, 95);
    notes.search_p95 = `${queries.length} queries (rare, common, two words, prefixes, phrases): p50 ${round(percentile(ms, 50))} ms, max ${round(Math.max(...ms))} ms; index ready ${Math.round(run.result.readyMs)} ms after open; median ${median(run.result.runs.map((r) => r.total))} hits per query`;
    return { values, notes, rssMb: run.maxRssMb };
  } catch (error) {
    // The scan stands on its own: report it even when the search channel fails.
    return { values, notes, errors: { search_p95: error instanceof Error ? error.message : String(error) } };
  }
}

/** Records in a CSV file (quoted newlines are not record ends), without loading it. */
async function csvRecords(file: string): Promise<number> {
  let records = 0;
  let quoted = false;
  for await (const chunk of createReadStream(file, { encoding: 'utf8' }) as AsyncIterable<string>) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === 10 && !quoted) records++;
    }
  }
  return records;
}

export async function exportCsvPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const file = path.join(ctx.work, 'export.csv');
  const run = await runChild<{ seconds: number; bytes: number }>('export', { dir: ctx.dir, format: 'csv', file }, { workDir: ctx.work, timeoutMs: 20 * MINUTES });
  const rows = (await csvRecords(file)) - 1;
  const outcomes = ctx.big.summary.byType.outcome ?? 0;
  if (rows <= 0) throw new Error(`the CSV export holds no rows (${run.result.bytes} bytes)`);
  return {
    values: { export_csv_500k_s: run.result.seconds },
    notes: { export_csv_500k_s: `${ctx.big.summary.annotations} annotations: ${rows} CSV rows (${outcomes} outcome records), ${(run.result.bytes / 1048576).toFixed(1)} MB` },
    rssMb: run.maxRssMb,
  };
}

export async function exportXlsxPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const file = path.join(ctx.work, 'export.xlsx');
  const run = await runChild<{ seconds: number; bytes: number }>('export', { dir: ctx.xlsxDir, format: 'xlsx', file }, { workDir: ctx.work, timeoutMs: 20 * MINUTES });
  if (run.result.bytes < 1000) throw new Error(`the XLSX export is only ${run.result.bytes} bytes`);
  const s = ctx.xlsx.summary;
  return {
    values: { export_xlsx_100k_s: run.result.seconds },
    notes: { export_xlsx_100k_s: `${s.articles} articles / ${s.annotations} annotations (${s.byType.outcome ?? 0} outcome records): ${(run.result.bytes / 1048576).toFixed(1)} MB` },
    rssMb: run.maxRssMb,
  };
}

/** Import and its baseline are each run this many times, alternating, and their medians compared: one run of each moved by ±15% on a shared 2-core VM. */
const IMPORT_RUNS = 3;

export async function importPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const pdfDir = path.join(ctx.work, 'pdfs');
  const batch = await makePdfBatch(pdfDir, ctx.seed, 40);
  ctx.log(`  made ${batch.files.length} PDFs (${batch.pages} pages)`);
  type Imported = { seconds: number; byStatus: Record<string, number>; failed: string[]; pages: number };
  const imports: number[] = [];
  const loops: number[] = [];
  let loopReason: string | null = null;
  let pages = 0;
  let rssMb = 0;
  for (let k = 0; k < IMPORT_RUNS; k++) {
    // Each run imports into a new, empty review in a fresh process.
    const run = await runChild<Imported>('import', { dir: path.join(ctx.work, `import-review-${k}`), pdfDir }, { workDir: ctx.work, timeoutMs: 20 * MINUTES });
    if ((run.result.byStatus.imported ?? 0) !== batch.files.length) {
      throw new Error(`imported ${JSON.stringify(run.result.byStatus)} of ${batch.files.length} PDFs: ${run.result.failed.join('; ')}`);
    }
    imports.push(run.result.seconds);
    pages = run.result.pages;
    rssMb = Math.max(rssMb, run.maxRssMb);
    if (loopReason !== null) continue;
    const outDir = path.join(ctx.work, `pdftotext-${k}`);
    await mkdir(outDir, { recursive: true });
    const loop = pdftotextLoop(batch.files, outDir);
    if ('reason' in loop) loopReason = loop.reason;
    else loops.push(loop.seconds);
  }
  const runs = (values: number[]) => values.map((v) => v.toFixed(2)).join(', ');
  const notes: PhaseResult['notes'] = {
    import_pdf_s: `${batch.files.length} PDFs, ${batch.pages} pages, into an empty review (${pages} pages extracted); median of ${IMPORT_RUNS} runs (${runs(imports)} s)`,
  };
  notes.pdftotext_s = loopReason ?? `sequential pdftotext FILE OUT over the same ${batch.files.length} PDFs; median of ${loops.length} loops (${runs(loops)} s), alternating with the imports`;
  return { values: { import_pdf_s: median(imports), pdftotext_s: loopReason === null ? median(loops) : null }, notes, rssMb };
}

export async function naiveLowdbPhase(ctx: PhaseContext): Promise<PhaseResult> {
  type Naive = { adapter: string; annotations: number; firstWriteMs: number; times: number[]; bytes: number };
  const input = { reviewDir: ctx.dir, file: path.join(ctx.work, 'naive-lowdb.json'), saves: 5 };
  const run = await runChild<Naive>('lowdb', input, { workDir: ctx.work, nodeArgs: ['--max-old-space-size=8192'], timeoutMs: 30 * MINUTES });
  const r = run.result;
  return {
    values: { naive_lowdb_save: median(r.times) },
    notes: { naive_lowdb_save: `median of ${r.times.length} saves (${r.times.map(Math.round).join(', ')} ms) into one ${(r.bytes / 1048576).toFixed(0)} MB lowdb file (${r.adapter}) of ${r.annotations} annotations; separate process, ${Math.round(run.maxRssMb)} MB RSS, not in peak_rss_mb` },
  };
}

export const WARM_UP = 10;

export async function savePhase(ctx: PhaseContext): Promise<PhaseResult> {
  const rng = Rng.of(ctx.seed, 0x5a7e5);
  const pool = ctx.big.summary.annotated.filter((id) => !ctx.big.summary.with200.slice(0, 5).includes(id));
  const articleIds: string[] = [];
  while (articleIds.length < Math.min(20, pool.length)) {
    const id = rng.pick(pool);
    if (!articleIds.includes(id)) articleIds.push(id);
  }
  const run = await runChild<{ latencies: number[] }>('save', { dir: ctx.dir, articleIds, perArticle: 50, seed: ctx.seed }, { workDir: ctx.work, timeoutMs: 20 * MINUTES });
  const timed = run.result.latencies.slice(WARM_UP);
  const note = `${timed.length} saves on ${articleIds.length} annotated articles (first ${WARM_UP} excluded as warm-up); max ${round(Math.max(...timed))} ms`;
  return { values: { save_p50: percentile(timed, 50), save_p99: percentile(timed, 99) }, notes: { save_p50: note }, rssMb: run.maxRssMb };
}
