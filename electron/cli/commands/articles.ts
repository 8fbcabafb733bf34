/** evidentia list / show: the library and one article (read-only: they work while the app is open). */
import type { Article, ArticleSummary } from '../../../shared/model/index.js';
import { flag, positional } from '../args.js';
import { call, usingCore } from '../call.js';
import type { Command } from '../command.js';
import { clip, columns, out, outJson } from '../output.js';
import { openExistingReview } from '../review.js';

export const list: Command = {
  name: 'list',
  summary: 'list the articles in a review',
  usage: 'evidentia list DIR [--json]',
  details: 'Columns: id, kind, year, journal, annotations (orphans), title.',
  options: { json: { type: 'boolean' } },
  optionHelp: [['--json', 'print an array of article summaries']],
  positionals: [1, 1],
  async run(args) {
    const core = await openExistingReview(positional(args, 0), { readOnly: true });
    const articles = await usingCore(core, (c) => call(c, 'articles.list', {}));
    if (flag(args, 'json')) outJson(articles);
    else if (articles.length === 0) out('no articles yet (add some with: evidentia import DIR PATH...)');
    else for (const line of columns(articles.map(summaryRow))) out(line);
    return 0;
  },
};

function summaryRow(a: ArticleSummary): string[] {
  const counts = a.orphanCount > 0 ? `${a.annotationCount} (${a.orphanCount} orphan)` : String(a.annotationCount);
  return [a.id, a.kind, a.year?.toString() ?? '-', clip(a.journal ?? '-', 30), counts, clip(a.title, 80)];
}

export const show: Command = {
  name: 'show',
  summary: 'show one article: its details and its text',
  usage: 'evidentia show DIR ARTICLE_ID [--json]',
  details: 'Prints the metadata, then the article text that annotations refer to.',
  options: { json: { type: 'boolean' } },
  optionHelp: [['--json', 'print the whole article record, text included']],
  positionals: [2, 2],
  async run(args) {
    const core = await openExistingReview(positional(args, 0), { readOnly: true });
    const article = await usingCore(core, (c) => call(c, 'articles.get', { id: positional(args, 1) }));
    if (flag(args, 'json')) outJson(article);
    else printArticle(article);
    return 0;
  },
};

function printArticle(a: Article): void {
  const rows: string[][] = [
    ['id', a.id],
    ['title', a.title],
    ['authors', a.authors.join('; ') || '-'],
    ['journal', a.journal ?? '-'],
    ['year', a.year?.toString() ?? '-'],
    ['doi', a.doi ?? '-'],
    ['kind', a.kind + (a.pages.length > 0 ? `, ${a.pages.length} pages` : '') + (a.noTextLayer ? ', no text layer' : '')],
    ['file', `${a.source.fileName} (${a.source.bytes} bytes, sha256 ${a.source.sha256})`],
    ['imported', a.importedAt],
  ];
  for (const line of columns(rows)) out(line);
  out();
  out(a.text);
}
