/**
 * The XLSX export, streamed in one pass over the review (sheet-pass.ts). Outcome records go
 * straight into their worksheet as each article is read: they are the bulk of the file. The other
 * sheets are small (a row per article and reviewer, per article, per discrepancy) and are held
 * until the outcome sheets are committed, since the zip takes one worksheet at a time (xlsx.ts):
 * study rows, then the Articles sheet (abstracts read from the article files, a few ahead), then
 * the Discrepancies sheet, whose linked quotes may lie in articles read after them (quote-index.ts).
 */
import type { Annotation, ArticleIndexEntry, Template } from '../../../shared/model/index.js';
import { ARTICLE_MIGRATIONS } from '../../../shared/migrations/index.js';
import { Article } from '../../../shared/model/index.js';
import { articleLabel } from '../../../shared/sheet/labels.js';
import type { CoreContext } from '../context.js';
import { JsonDoc } from '../store/json-file.js';
import { byCreation } from './annotation-order.js';
import { dateCell, type Cell } from './cells.js';
import { linkedText } from './data.js';
import type { ExportProgress } from './progress.js';
import { QuoteIndex } from './quote-index.js';
import { readAhead } from './read-ahead.js';
import { sheetPass } from './sheet-pass.js';
import type { Sink } from './sink.js';
import { ARTICLE_SHEET, DISCREPANCY_SHEET, articleRow, discrepancyCells, outcomeRow, sectionSheets, studyRows, type SectionSheet } from './xlsx-content.js';
import { loadExcel, WorkbookStream } from './xlsx.js';

/** Article files read ahead for the Articles sheet. */
const ARTICLE_READ_AHEAD = 8;

interface HeldDiscrepancy {
  cells: Cell[];
  links: string[];
  created: string;
  updated: string;
}

/** One attempt at the workbook (a second one starts if the sheet's columns change; see sheet-pass.ts). */
interface Attempt {
  book: WorkbookStream;
  sections: SectionSheet[];
  /** Study sections' rows, by section index. */
  study: Map<number, Cell[][]>;
  discrepancies: HeldDiscrepancy[];
  quotes: QuoteIndex;
}

/** The abstract is only in the article file (not in review.json's index); read past the store's cache. */
async function abstractOf(ctx: CoreContext, id: string): Promise<string | null> {
  const doc = await JsonDoc.load(ctx.store.paths.article(id), { schema: Article, migrations: ARTICLE_MIGRATIONS });
  return doc?.data.abstract ?? null;
}

export async function writeSheetXlsx(ctx: CoreContext, template: Template, sink: () => Promise<Sink>, progress: ExportProgress): Promise<void> {
  const review = ctx.store.review;
  const articles = [...review.articles]; // as it is now, whatever is edited during the export
  const names = new Map(review.reviewers.map((r) => [r.id, r.name || r.id]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const labels = new Map(articles.map((a) => [a.id, articleLabel(a)]));
  const byId = new Map<string, ArticleIndexEntry>(articles.map((a) => [a.id, a]));
  const title = `${review.name}: ${template.name}`;
  let attempt: Attempt | null = null;
  let passTotal = 0;
  let label = 'Reading annotations';

  await sheetPass(
    ctx.store,
    articles,
    template,
    {
      async begin(columns) {
        attempt?.book.abandon();
        await loadExcel();
        const out = await sink();
        const sections = sectionSheets(template, columns);
        const book = new WorkbookStream(out.stream, title, [...sections, ARTICLE_SHEET, DISCREPANCY_SHEET]);
        const outcomeNames = sections.flatMap((s, i) => (s.part.level === 'outcome' ? [book.names[i]] : []));
        if (outcomeNames.length > 0) label = `Writing sheet ${outcomeNames.join(', ')}`;
        attempt = { book, sections, study: new Map(), discrepancies: [], quotes: new QuoteIndex() };
      },
      article({ article, shards, rows }) {
        const { book, sections, study, discrepancies, quotes } = attempt!;
        const own = labels.get(article.id) ?? article.id;
        sections.forEach((section, i) => {
          if (section.part.level === 'study') {
            const held = study.get(i) ?? [];
            for (const row of studyRows(section.part, template, article, own, shards, nameOf)) held.push(row);
            study.set(i, held);
          } else {
            for (const row of rows) if (row.annotationId !== null) book.sheets[i]!.add(outcomeRow(section.part, row, nameOf));
          }
        });
        const found: Annotation[] = [];
        for (const shard of shards) {
          for (const a of shard.annotations) {
            quotes.add(a);
            if (a.body.type === 'discrepancy') found.push(a);
          }
        }
        // As in the other exports: an article's annotations by creation time, every reviewer's together.
        for (const a of found.sort(byCreation)) {
          if (a.body.type !== 'discrepancy') continue;
          const cells = discrepancyCells(a, byId.get(a.articleId), labels.get(a.articleId) ?? a.articleId, nameOf);
          discrepancies.push({ cells, links: a.body.links, created: a.created, updated: a.updated });
        }
      },
    },
    (done, total) => {
      passTotal = total;
      return progress.step(done, total + articles.length, label);
    },
  );

  const { book, sections, study, discrepancies, quotes } = attempt!;
  const total = passTotal + articles.length + discrepancies.length;
  let done = passTotal;
  sections.forEach((section, i) => {
    if (section.part.level === 'outcome') book.sheets[i]!.commit();
  });
  for (const [i, rows] of study) {
    const label = `Writing sheet ${book.names[i]}`;
    for (const [n, row] of rows.entries()) {
      // Not counted in the total (study rows are few), but a turn for other calls now and then.
      if (n % 500 === 0) await progress.step(done, total, label);
      book.sheets[i]!.add(row);
    }
    book.sheets[i]!.commit();
  }

  const articleSheet = book.sheets[sections.length]!;
  for await (const { item, value: abstract } of readAhead(articles, ARTICLE_READ_AHEAD, (a) => abstractOf(ctx, a.id))) {
    await progress.step(done, total, 'Writing sheet Articles');
    articleSheet.add(articleRow(item, labels.get(item.id) ?? item.id, abstract));
    done += 1;
  }
  articleSheet.commit();

  const discrepancySheet = book.sheets[sections.length + 1]!;
  const labelOf = (id: string) => labels.get(id);
  for (const held of discrepancies) {
    await progress.step(done, total, 'Writing sheet Discrepancies');
    const linked = linkedText(quotes.linked(held.links, labelOf)) || null;
    discrepancySheet.add([...held.cells, linked, dateCell(held.created), dateCell(held.updated)]);
    done += 1;
  }
  await progress.step(done, total, 'Writing sheet Discrepancies');
  await book.commit();
}
