/**
 * evidentia check DIR [--json] [--dry-run]: runs the outcome finder, the citation and attribution
 * finder, the study grouping and the discrepancy rules on every article; prints every suggestion
 * with its quote, and stores new suggested discrepancies and study groups for the app's board.
 */
import { discrepancyKindLabel, type CheckReport, type OutcomeSuggestion, type SuggestedDiscrepancy } from '../../../shared/model/index.js';
import { flag, positional } from '../args.js';
import { call, usingCore } from '../call.js';
import type { Command } from '../command.js';
import { clip, err, out, outJson } from '../output.js';
import { openExistingReview } from '../review.js';

export const check: Command = {
  name: 'check',
  summary: 'suggest outcome values and find discrepancies between and within articles',
  usage: 'evidentia check DIR [--json] [--dry-run]',
  details:
    'Suggestions are never facts: each comes with the quote it was read from, for a person to accept\n' +
    'or reject in the app. New suggested discrepancies and study groups are stored in the review\n' +
    '(the Discrepancies view shows them); a suggestion dismissed before is never stored again.\n' +
    'With --json: { articles, outcomes: [...], discrepancies: [...], studies: [...], stored }.',
  options: { json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  optionHelp: [
    ['--json', 'print the suggestions as one JSON object'],
    ['--dry-run', 'print only; store nothing in the review'],
  ],
  positionals: [1, 1],
  async run(args) {
    const dryRun = flag(args, 'dry-run');
    const core = await openExistingReview(positional(args, 0), { readOnly: dryRun });
    const { report, readOnly } = await usingCore(core, async (c) => {
      const info = await call(c, 'review.info', {});
      return { report: await call(c, 'checks.run', { store: !dryRun }), readOnly: info.readOnly };
    });
    if (!dryRun && readOnly) err('note: the review is open in another Evidentia process, so nothing was stored');
    if (flag(args, 'json')) outJson(report);
    else printReport(report, dryRun || readOnly);
    return 0;
  },
};

function values(s: OutcomeSuggestion): string {
  const ci = s.ciLow !== null && s.ciHigh !== null ? ` [${s.ciLow}, ${s.ciHigh}]` : '';
  const parts = [
    s.value !== null && `value=${s.value}${s.unit === '%' ? '%' : ''}${ci}`,
    s.events !== null && `events=${s.events}`,
    s.n !== null && `n=${s.n}`,
    s.sd !== null && `sd=${s.sd}`,
    s.p !== null && `p${/^[<>=]/.test(s.p) ? '' : '='}${s.p}`,
    s.measure && `measure=${s.measure}`,
    s.outcome && `outcome="${clip(s.outcome, 40)}"`,
    s.arm && `arm="${clip(s.arm, 30)}"`,
    s.timepoint && `time="${s.timepoint}"`,
  ];
  return parts.filter(Boolean).join(' ');
}

function discrepancyLines(d: SuggestedDiscrepancy): string[] {
  return [
    `  [${d.severity}] ${discrepancyKindLabel(d.kind)}: ${d.explanation}`,
    ...d.quotes.map((q) => `      ${q.articleId}  "${clip(q.exact.replace(/\s+/g, ' '), 100)}"`),
  ];
}

function printReport(report: CheckReport, notStored: boolean): void {
  const stored = notStored ? 'not stored' : `${report.stored.added} new, ${report.stored.known} known before`;
  out(
    `checked ${report.articles} article(s): ${report.outcomes.length} outcome suggestion(s), ` +
      `${report.discrepancies.length} discrepancy suggestion(s) (${stored}), ${report.studies.length} study group(s)`,
  );
  if (report.studies.length > 0) {
    out('');
    out('study groups:');
    for (const g of report.studies) out(`  ${clip(g.label, 60)} (${g.status}; ${g.evidence.join(', ')}): ${g.articleIds.join(' ')}`);
  }
  if (report.discrepancies.length > 0) {
    out('');
    out('discrepancies:');
    for (const d of report.discrepancies) for (const line of discrepancyLines(d)) out(line);
  }
  if (report.outcomes.length > 0) {
    out('');
    out('outcome suggestions:');
    let article = '';
    for (const s of report.outcomes) {
      if (s.articleId !== article) {
        article = s.articleId;
        out(`  ${article}`);
      }
      out(`    ${s.shape.padEnd(11)} "${clip(s.quote.exact.replace(/\s+/g, ' '), 60)}"  ${values(s)}`);
    }
  }
}
