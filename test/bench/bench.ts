/**
 * npm run [-s] bench [-- --json] [--articles N --annotations M] [--seed S] [--only PHASES] [--keep]
 *
 * Measures Evidentia at scale (issue 5) against the targets and the baselines of the same run and
 * prints a table; with --json, one JSON object on stdout (the table goes to stderr). Progress is
 * on stderr. Exit code 0 when every figure was measured, whether or not it meets its target; 1
 * when a measurement failed (its value is null and the error is printed).
 */
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from './args.js';
import { copyReview, ensureReview, runFolder } from './cache.js';
import { bundleProbes } from './child.js';
import * as phases from './phases.js';
import { emptyValues, table, toJson, type Key } from './report.js';

const USAGE = `usage: npm run bench [-- --json] [--articles N --annotations M] [--seed S] [--only PHASES] [--keep]
  phases: ${'open_review,open_article,search,export_csv,export_xlsx,import,naive_lowdb,save'}`;

type PhaseName = 'open_review' | 'open_article' | 'search' | 'export_csv' | 'export_xlsx' | 'import' | 'naive_lowdb' | 'save';

/** In this order: saves change the review, so they run last (the naive baseline reads it just before). */
const PHASES: Array<{ name: PhaseName; keys: Key[]; run: (ctx: phases.PhaseContext) => Promise<phases.PhaseResult> }> = [
  { name: 'open_review', keys: ['open_review'], run: phases.openReviewPhase },
  { name: 'open_article', keys: ['open_article'], run: phases.openArticlePhase },
  { name: 'search', keys: ['search_p95', 'grep_scan'], run: phases.searchPhase },
  { name: 'export_csv', keys: ['export_csv_500k_s'], run: phases.exportCsvPhase },
  { name: 'export_xlsx', keys: ['export_xlsx_100k_s'], run: phases.exportXlsxPhase },
  { name: 'import', keys: ['import_pdf_s', 'pdftotext_s'], run: phases.importPhase },
  { name: 'naive_lowdb', keys: ['naive_lowdb_save'], run: phases.naiveLowdbPhase },
  { name: 'save', keys: ['save_p50', 'save_p99'], run: phases.savePhase },
];

const started = performance.now();
function log(line: string): void {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['articles', 'annotations', 'seed', 'only'], ['json', 'keep', 'help']);
  if (args.flags.has('help') || args.positional.length > 0) {
    console.error(USAGE);
    return args.flags.has('help') ? 0 : 2;
  }
  const articles = args.values.articles === undefined ? 10_000 : args.int('articles');
  const annotations = args.values.annotations === undefined ? 500_000 : args.int('annotations');
  const seed = args.values.seed === undefined ? 1 : args.int('seed');
  const only = args.values.only?.split(',').map((s) => s.trim());
  const unknown = only?.filter((n) => !PHASES.some((p) => p.name === n)) ?? [];
  if (unknown.length > 0) {
    console.error(`unknown phase ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  const selected = PHASES.filter((p) => !only || only.includes(p.name));

  log('bundling the probes');
  await bundleProbes();
  const big = await ensureReview({ articles, annotations, seed }, log);
  // The XLSX figure is for a review one fifth the size (2,000 / 100,000 at the default scale).
  const needXlsx = selected.some((p) => p.name === 'export_xlsx');
  const xlsx = needXlsx ? await ensureReview({ articles: Math.ceil(articles / 5), annotations: Math.ceil(annotations / 5), seed }, log) : big;
  for (const r of needXlsx ? [big, xlsx] : [big]) {
    if (r.generatedNow) log(`  generated ${r.summary.articles}/${r.summary.annotations} in ${r.summary.seconds.toFixed(1)} s, ${(r.summary.bytes / 1048576).toFixed(0)} MB; prepared (first open) in ${r.prepareSeconds.toFixed(1)} s`);
  }

  const work = await runFolder();
  const dir = path.join(work, 'review');
  const xlsxDir = path.join(work, 'review-xlsx');
  log(`copying the review into ${dir}`);
  log(`  copied in ${(await copyReview(big.dir, dir)).toFixed(1)} s`);
  if (needXlsx) await copyReview(xlsx.dir, xlsxDir);

  const values = emptyValues();
  const notes: Partial<Record<Key, string>> = {};
  const errors: Partial<Record<Key, string>> = {};
  const rss: string[] = [];
  let peak = 0;
  const ctx: phases.PhaseContext = { dir, xlsxDir, big, xlsx, work, seed, log };
  for (const phase of selected) {
    log(`${phase.name}`);
    try {
      const result = await phase.run(ctx);
      Object.assign(values, result.values);
      Object.assign(notes, result.notes);
      Object.assign(errors, result.errors ?? {});
      if (result.rssMb !== undefined) {
        peak = Math.max(peak, result.rssMb);
        rss.push(`${phase.name} ${Math.round(result.rssMb)}`);
      }
      for (const key of phase.keys) if (values[key] !== null) log(`  ${key} = ${Math.round(values[key] * 1000) / 1000}`);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      for (const key of phase.keys) errors[key] = message;
      log(`  failed: ${message}`);
    }
  }
  if (rss.length > 0) {
    values.peak_rss_mb = peak;
    notes.peak_rss_mb = `max over the Evidentia processes (MB): ${rss.join(', ')}`;
  } else if (selected.some((p) => p.name !== 'naive_lowdb')) {
    errors.peak_rss_mb = 'no Evidentia phase completed';
  }

  if (args.flags.has('keep')) log(`kept the run folder ${work}`);
  else await rm(work, { recursive: true, force: true });

  const header = [
    `Evidentia benchmark: review of ${articles} articles / ${annotations} annotations (seed ${seed}); ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`,
    '',
  ];
  const lines = [...header, ...table(values, notes, errors)];
  if (args.flags.has('json')) {
    process.stderr.write(`${lines.join('\n')}\n`);
    process.stdout.write(`${JSON.stringify({ ...toJson(values), errors })}\n`);
  } else {
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  // Only figures that were asked for and not measured are failures (pdftotext may be absent).
  const asked = new Set(selected.flatMap((p) => p.keys));
  return [...asked].some((k) => errors[k]) ? 1 : 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  return 1;
});
