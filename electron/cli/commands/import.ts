/**
 * evidentia import DIR PATH... : imports files and folders (walked by the core). One line per file
 * as it finishes, a summary, exit 1 when any file failed (the others stay imported).
 */
import type { ImportOutcome } from '../../../shared/contract.js';
import { flag, positional, stringOption } from '../args.js';
import { usingCore } from '../call.js';
import type { Command } from '../command.js';
import { out, outJson } from '../output.js';
import { openExistingReview, requireWritable } from '../review.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'import files (PDF, text, Markdown, HTML) or whole folders',
  usage: 'evidentia import DIR PATH... [--reviewer R] [--password P] [--json]',
  details:
    'Folders are walked recursively. A file already in the review is reported as "already present" and\n' +
    'not duplicated. A file that fails (unsupported, corrupt, encrypted …) is reported and skipped; the\n' +
    'others are imported and the exit code is 1.',
  options: {
    reviewer: { type: 'string' },
    password: { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: [
    ['--reviewer R', 'reviewer id recorded as the importer (a-z, 0-9, _ . -)'],
    ['--password P', 'password tried on every encrypted PDF of this batch'],
    ['--json', 'print one JSON report at the end instead of lines'],
  ],
  positionals: [2, Infinity],
  async run(args) {
    const dir = positional(args, 0);
    const paths = args.positionals.slice(1);
    const json = flag(args, 'json');
    const reviewer = stringOption(args, 'reviewer');
    const password = stringOption(args, 'password');
    const core = await openExistingReview(dir, { readOnly: false, ...(reviewer ? { reviewer } : {}) });
    const results = await usingCore(core, async (c) => {
      await requireWritable(c);
      return c.importPaths(paths, {
        ...(reviewer ? { reviewer } : {}),
        ...(password !== undefined ? { password } : {}),
        // Lines appear as files finish, so a long batch shows progress.
        onProgress: json ? undefined : (_done, _total, outcome) => out(importLine(outcome)),
      });
    });
    const counts = countOutcomes(results);
    if (json) outJson({ results, ...counts });
    else out(summaryLine(results.length, counts));
    return counts.failed > 0 ? 1 : 0;
  },
};

export function importLine(o: ImportOutcome): string {
  switch (o.status) {
    case 'imported':
      return `imported  ${o.articleId}  ${o.source}  "${o.title ?? ''}"`;
    case 'duplicate':
      return `already present  ${o.articleId}  ${o.source}`;
    case 'failed':
      return `failed  ${o.source}: ${o.error?.message ?? 'unknown error'}`;
  }
}

export function countOutcomes(results: ImportOutcome[]): { imported: number; duplicates: number; failed: number } {
  const count = (s: ImportOutcome['status']) => results.filter((r) => r.status === s).length;
  return { imported: count('imported'), duplicates: count('duplicate'), failed: count('failed') };
}

function summaryLine(total: number, c: ReturnType<typeof countOutcomes>): string {
  if (total === 0) return 'no files found to import';
  return `${total} file${total === 1 ? '' : 's'}: ${c.imported} imported, ${c.duplicates} already present, ${c.failed} failed`;
}
