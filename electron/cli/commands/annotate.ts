/**
 * evidentia annotate DIR ARTICLE_ID --quote TEXT --type … : anchors an annotation to a quote. The
 * quote is located here (the CLI has no selection), then annotations.create goes through dispatch
 * exactly as a selection in the UI would.
 */
import { flag, intOption, listOption, positional, stringOption } from '../args.js';
import { buildBody, parseType } from '../body.js';
import { call, usingCore } from '../call.js';
import type { Command } from '../command.js';
import { CliError, usageError } from '../errors.js';
import { findQuote, type QuoteSpan } from '../find-quote.js';
import { out, outJson } from '../output.js';
import { checkReviewer, openExistingReview, requireWritable } from '../review.js';
import { annotationLine } from './annotations.js';

export const annotate: Command = {
  name: 'annotate',
  summary: 'tag a quote of an article as an outcome, a discrepancy or a note',
  usage:
    'evidentia annotate DIR ARTICLE_ID --quote TEXT --type outcome|discrepancy|note [--field key=value]... [--reviewer R] [--occurrence N] [--json]',
  details:
    'The quote is searched in the article text exactly, then ignoring whitespace and Unicode differences\n' +
    '(dashes, minus signs, curly quotes, ligatures). If it occurs more than once, give a longer quote or\n' +
    'choose one with --occurrence.\n\n' +
    'Fields by type:\n' +
    '  outcome      outcome, arm, timepoint, measure, value, unit, ci_low, ci_high, p_value, n, note\n' +
    '  discrepancy  kind, note, links (comma-separated annotation ids)\n' +
    '  note         text (default: the quote itself)\n\n' +
    'A value starting with "-" needs the = form: --quote=-9.36 (or --field value=-9.36).',
  options: {
    quote: { type: 'string' },
    type: { type: 'string' },
    field: { type: 'string', multiple: true },
    reviewer: { type: 'string' },
    occurrence: { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: [
    ['--quote TEXT', 'the passage to anchor to, as it appears in the article'],
    ['--type T', 'outcome, discrepancy or note'],
    ['--field key=value', 'a field of the annotation (repeatable)'],
    ['--reviewer R', 'reviewer id (default: the review\'s default reviewer)'],
    ['--occurrence N', 'which occurrence of the quote to use when it appears several times (1 = first)'],
    ['--json', 'print the created annotation as JSON'],
  ],
  positionals: [2, 2],
  async run(args) {
    const [dir, articleId] = [positional(args, 0), positional(args, 1)];
    const quote = stringOption(args, 'quote');
    if (quote === undefined || quote.trim() === '') throw usageError('--quote TEXT is required');
    const type = parseType(stringOption(args, 'type'));
    const body = buildBody(type, listOption(args, 'field'), quote);
    const reviewer = stringOption(args, 'reviewer');
    if (reviewer !== undefined) checkReviewer(reviewer);
    const occurrence = args.values.occurrence === undefined ? undefined : intOption(args, 'occurrence', 1, 1_000_000, 1);

    const core = await openExistingReview(dir, { readOnly: false, ...(reviewer ? { reviewer } : {}) });
    const annotation = await usingCore(core, async (c) => {
      await requireWritable(c);
      const article = await call(c, 'articles.get', { id: articleId });
      const span = pickSpan(article.text, quote, occurrence, articleId);
      return call(c, 'annotations.create', {
        articleId,
        start: span.start,
        end: span.end,
        // The article's own characters, which may differ from the typed quote in whitespace or
        // Unicode form: the core checks the span holds exactly this.
        exact: article.text.slice(span.start, span.end),
        body,
        ...(reviewer ? { reviewer } : {}),
      });
    });
    if (flag(args, 'json')) outJson(annotation);
    else out(`annotated  ${annotationLine(annotation)}`);
    return 0;
  },
};

function pickSpan(text: string, quote: string, occurrence: number | undefined, articleId: string): QuoteSpan {
  const { matches } = findQuote(text, quote);
  if (matches.length === 0) {
    throw new CliError(`the quote was not found in article ${articleId} (searched exactly, then ignoring whitespace and Unicode differences)`);
  }
  if (occurrence !== undefined) {
    const chosen = matches[occurrence - 1];
    if (!chosen) throw new CliError(`--occurrence ${occurrence}: the quote occurs only ${matches.length} time(s) in article ${articleId}`);
    return chosen;
  }
  if (matches.length > 1) {
    throw new CliError(
      `the quote occurs ${matches.length} times in article ${articleId}; give a longer quote, or choose one with --occurrence 1..${matches.length}`,
    );
  }
  return matches[0]!;
}
