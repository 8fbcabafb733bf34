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
    else out(summaryLine(results.length, counts, results.some((r) => r.record !== null)));
    return counts.failed > 0 ? 1 : 0;
  },
};

export function importLine(o: ImportOutcome): string {
  const source = o.record === null ? o.source : `${o.source} #${o.record}`;
  switch (o.status) {
    case 'imported': {
      const maybe = o.possibleDuplicates.length > 0 ? `  (possible duplicate of ${o.possibleDuplicates.join(', ')}: see the duplicates queue)` : '';
      return `imported  ${o.articleId}  ${source}  "${o.title ?? ''}"${maybe}`;
    }
    case 'duplicate':
      return `already present  ${o.articleId}  ${source}`;
    case 'merged':
      return `merged into  ${o.articleId}  ${source}  (same DOI or PMID)`;
    case 'attached':
      return `attached to  ${o.articleId}  ${source}  "${o.title ?? ''}"`;
    case 'failed':
      // Record errors already name the file and record.
      return o.record === null ? `failed  ${source}: ${o.error?.message ?? 'unknown error'}` : `failed  ${o.error?.message ?? source}`;
  }
}

export function countOutcomes(results: ImportOutcome[]) {
  const count = (s: ImportOutcome['status']) => results.filter((r) => r.status === s).length;
  return {
    imported: count('imported'),
    duplicates: count('duplicate'),
    merged: count('merged'),
    attached: count('attached'),
    failed: count('failed'),
    possibleDuplicates: results.filter((r) => r.possibleDuplicates.length > 0).length,
  };
}

function summaryLine(total: number, c: ReturnType<typeof countOutcomes>, records: boolean): string {
  if (total === 0) return 'no files found to import';
  const extra = [
    c.merged > 0 ? `${c.merged} merged into existing articles` : '',
    c.attached > 0 ? `${c.attached} attached` : '',
    c.possibleDuplicates > 0 ? `${c.possibleDuplicates} possible duplicates queued` : '',
  ].filter(Boolean);
  // A citation file yields one line per record, so the total then counts items, not files.
  const noun = records ? 'item' : 'file';
  return `${total} ${noun}${total === 1 ? '' : 's'}: ${c.imported} imported, ${c.duplicates} already present, ${[...extra, `${c.failed} failed`].join(', ')}`;
}
