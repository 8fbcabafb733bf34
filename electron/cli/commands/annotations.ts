/** evidentia annotations DIR [--article ID]: lists annotations with where they anchor now. */
import { cellText } from '../../../shared/sheet/query.js';
import type { AnchoredAnnotation } from '../../../shared/model/index.js';
import { flag, positional, stringOption } from '../args.js';
import { call, usingCore } from '../call.js';
import type { Command } from '../command.js';
import { clip, out, outJson } from '../output.js';
import { openExistingReview } from '../review.js';
import { quoteOf } from '../../../shared/anchoring/index.js';

export const annotations: Command = {
  name: 'annotations',
  summary: 'list annotations (all, or one article\'s)',
  usage: 'evidentia annotations DIR [--article ARTICLE_ID] [--json]',
  details:
    'Each line: annotation id, article id, type, reviewer, anchor (exact, fuzzy or orphan), the quote\n' +
    'and the filled fields. Orphans are annotations whose quote can no longer be found; they are kept.',
  options: { article: { type: 'string' }, json: { type: 'boolean' } },
  optionHelp: [
    ['--article ID', 'only this article\'s annotations'],
    ['--json', 'print an array of annotations with their W3C selectors and anchors'],
  ],
  positionals: [1, 1],
  async run(args) {
    const articleId = stringOption(args, 'article');
    const core = await openExistingReview(positional(args, 0), { readOnly: true });
    const list = await usingCore(core, (c) => call(c, 'annotations.list', articleId ? { articleId } : {}));
    if (flag(args, 'json')) outJson(list);
    else if (list.length === 0) out('no annotations');
    else for (const a of list) out(annotationLine(a));
    return 0;
  },
};

export function annotationLine(a: AnchoredAnnotation): string {
  const anchor =
    a.anchor.status === 'orphan'
      ? 'orphan'
      : `${a.anchor.status} ${a.anchor.start}-${a.anchor.end}${a.anchor.page === null ? '' : ` p${a.anchor.page}`}`;
  return [a.id, a.articleId, a.body.type, a.reviewer, anchor, `"${clip(quoteOf(a), 60)}"`, bodySummary(a)]
    .filter((part) => part !== '')
    .join('  ');
}

function bodySummary(a: AnchoredAnnotation): string {
  const b = a.body;
  switch (b.type) {
    case 'outcome':
      return Object.entries(b.fields)
        .map(([k, v]) => [k, cellText(v)] as const)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `${k}=${clip(v, 40)}`)
        .join(' ');
    case 'discrepancy':
      return [b.kind && `kind=${clip(b.kind, 40)}`, b.links.length > 0 && `links=${b.links.join(',')}`, b.note && `note=${clip(b.note, 40)}`]
        .filter(Boolean)
        .join(' ');
    case 'note':
      return `text=${clip(b.text, 60)}`;
  }
}
