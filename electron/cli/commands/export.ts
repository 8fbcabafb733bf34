/**
 * evidentia export DIR --format F [--template ID] [-o FILE]: the same export the UI's Export button
 * makes. It runs as a job (export.start, then jobs.status until done) so a long export can show
 * progress on stderr; stdout stays the export itself.
 */
import { resolve } from 'node:path';
import { ExportFormat, type ExportFile, type ExportRequest, type JobStatus } from '../../../shared/contract.js';
import { TemplateId } from '../../../shared/model/index.js';
import { positional, stringOption } from '../args.js';
import { call, usingCore } from '../call.js';
import type { Command } from '../command.js';
import type { Core } from '../../core/types.js';
import { CliError, fromErrorInfo, usageError } from '../errors.js';
import { describe } from '../log.js';
import { err, out, outRaw } from '../output.js';
import { openExistingReview } from '../review.js';

const FORMATS = ExportFormat.options;
const FORMAT_LIST = FORMATS.join('|');

/** Quiet for quick exports; a line on stderr every second once one takes longer than this. */
const PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 1000;

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the extraction (CSV, XLSX, RevMan), references (RIS, BibTeX), everything (JSON, JSON-LD) or the fact-check report',
  usage: `evidentia export DIR --format ${FORMAT_LIST} [--template ID] [-o FILE]`,
  details:
    'Without -o the export is written to standard output (xlsx, being binary, needs -o).\n' +
    'csv and xlsx hold the extraction sheet of one template (--template, default the first);\n' +
    'revman lists outcome records with numbers to pool; json holds everything, files included,\n' +
    'and can be imported into another review to restore it. report-md, report-html and\n' +
    'report-jsonld are the fact-check report: every discrepancy with its quotes and sources\n' +
    '(dismissed ones listed apart, with their reasons).',
  options: { format: { type: 'string' }, template: { type: 'string' }, out: { type: 'string', short: 'o' } },
  optionHelp: [
    ['--format F', 'csv, xlsx, json, jsonld (W3C Web Annotation), ris, bibtex, revman, report-md, report-html, report-jsonld'],
    ['--template ID', 'template whose sheet csv, xlsx and revman export (default: the first)'],
    ['-o, --out FILE', 'write to FILE instead of standard output'],
  ],
  positionals: [1, 1],
  async run(args) {
    const raw = stringOption(args, 'format');
    const format = FORMATS.find((f) => f === raw);
    if (!format) throw usageError(raw === undefined ? `--format ${FORMAT_LIST} is required` : `--format "${raw}" is not one of ${FORMAT_LIST}`);
    const templateId = stringOption(args, 'template');
    if (templateId !== undefined && !TemplateId.safeParse(templateId).success) throw usageError(`--template "${templateId}" is not a template id`);
    const target = stringOption(args, 'out');
    if (target === undefined && format === 'xlsx') throw usageError('xlsx is a binary format: name a file with -o FILE');
    const core = await openExistingReview(positional(args, 0), { readOnly: true });
    const request: ExportRequest = { format, ...(templateId === undefined ? {} : { templateId }) };
    if (target === undefined) {
      const file = await usingCore(core, (c) => exportWithProgress(c, request));
      outRaw(file.content);
    } else {
      // Streamed into the file (temp file + rename): memory stays bounded for any review size.
      await usingCore(core, (c) => exportToFileWithProgress(c, request, resolve(target)));
      out(`wrote ${target}`);
    }
    return 0;
  },
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function exportWithProgress(core: Core, request: ExportRequest): Promise<ExportFile> {
  const { jobId } = await call(core, 'export.start', request);
  const started = Date.now();
  let printed = 0;
  for (let wait = 2; ; wait = Math.min(100, wait * 2)) {
    const status = await call(core, 'jobs.status', { jobId });
    if (status.state === 'done') return call(core, 'jobs.result', { jobId });
    if (status.state === 'failed') throw fromErrorInfo(status.error ?? { code: 'internal', message: 'the export failed' });
    if (status.state === 'cancelled') throw new CliError('the export was cancelled');
    const now = Date.now();
    if (now - started >= PROGRESS_AFTER_MS && now - printed >= PROGRESS_EVERY_MS) {
      err(progressLine(status));
      printed = now;
    }
    await sleep(wait);
  }
}

async function exportToFileWithProgress(core: Core, request: ExportRequest, file: string): Promise<void> {
  const started = Date.now();
  let printed = 0;
  try {
    await core.exportToFile(request, file, {
      onProgress: (done, total, label) => {
        const now = Date.now();
        if (now - started < PROGRESS_AFTER_MS || now - printed < PROGRESS_EVERY_MS) return;
        printed = now;
        err(progressLine({ done, total, label }));
      },
    });
  } catch (error) {
    // The core's message names the file and the cause ("the disk is full"); nothing was written there.
    if ((error as { code?: unknown }).code === 'io-error') throw new CliError(describe(error));
    throw error;
  }
}

export function progressLine(status: Pick<JobStatus, 'done' | 'total' | 'label'>): string {
  const counts = status.total > 0 ? ` ${status.done.toLocaleString('en')} of ${status.total.toLocaleString('en')}` : '';
  return `exporting:${counts} (${status.label})`;
}
