/**
 * PubMed XML (efetch / "Save as XML"): PubmedArticle (journal articles) and PubmedBookArticle
 * (NCBI Bookshelf books and chapters), read with fast-xml-parser. Titles and abstracts may hold
 * inline markup (<i>, <sup> …), so they are kept raw and flattened by xmlText().
 */
import { XMLParser } from 'fast-xml-parser';
import { cslToRecord, isBlank, type CslItem } from './csl.js';
import { xmlText } from './text.js';
import { parseXmlFile } from './xml-file.js';
import type { CitationRecord, ReadResult, RecordProblem } from './types.js';

type Node = Record<string, unknown>;

const RICH = ['ArticleTitle', 'BookTitle', 'VernacularTitle', 'AbstractText', 'Title', 'Keyword', 'DescriptorName', 'CollectiveName'];
const LISTS = new Set(['PubmedArticle', 'PubmedBookArticle', 'Author', 'AbstractText', 'ArticleId', 'ELocationID', 'MeshHeading', 'Keyword', 'AuthorList']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  processEntities: true,
  stopNodes: RICH.map((name) => `*.${name}`),
  isArray: (name) => LISTS.has(name),
});

const node = (value: unknown): Node => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
/** Text of an element that may carry attributes ({ '#text': … }); stop nodes are raw XML. */
const text = (value: unknown): string => xmlText(value && typeof value === 'object' ? (value as Node)['#text'] : value);

function authors(authorList: unknown, type: string): CslItem[] {
  const lists = list(authorList).map(node).filter((l) => (l['@_Type'] ?? 'authors') === type);
  return lists.flatMap((l) =>
    list(l.Author).map((a) => {
      const author = node(a);
      const collective = text(author.CollectiveName);
      if (collective) return { literal: collective };
      return { family: text(author.LastName), given: text(author.ForeName) || text(author.Initials) };
    }),
  );
}

function pubYear(date: unknown): string {
  const d = node(date);
  return text(d.Year) || text(d.MedlineDate);
}

function abstractOf(abstract: unknown): string {
  return list(node(abstract).AbstractText)
    .map((part) => {
      const label = typeof part === 'object' ? String(node(part)['@_Label'] ?? '') : '';
      const body = text(part);
      return label ? `${label}: ${body}` : body;
    })
    .filter(Boolean)
    .join('\n\n');
}

function idOfType(ids: unknown[], type: string): string | undefined {
  const hit = ids.map(node).find((id) => String(id['@_IdType'] ?? id['@_EIdType'] ?? '').toLowerCase() === type);
  return hit ? text(hit) : undefined;
}

function keywordsOf(citation: Node): string[] {
  const mesh = list(node(citation.MeshHeadingList).MeshHeading).map((h) => text(node(h).DescriptorName));
  const own = list(citation.KeywordList).flatMap((kl) => list(node(kl).Keyword).map(text));
  return [...mesh, ...own];
}

function article(entry: Node): { item: CslItem; keywords: string[] } {
  const citation = node(entry.MedlineCitation);
  const art = node(citation.Article);
  const journal = node(art.Journal);
  const issue = node(journal.JournalIssue);
  const ids = [...list(node(node(entry.PubmedData).ArticleIdList).ArticleId), ...list(art.ELocationID)];
  const title = text(art.ArticleTitle) || text(art.VernacularTitle);
  return {
    item: {
      type: 'article-journal',
      title: title.replace(/^\[(.*)\]\.?$/, '$1'), // PubMed brackets translated titles: "[Title in English]."
      author: authors(art.AuthorList, 'authors'),
      'container-title': text(journal.Title) || text(journal.ISOAbbreviation),
      'container-title-short': text(journal.ISOAbbreviation) || text(node(citation.MedlineJournalInfo).MedlineTA),
      issued: { raw: pubYear(issue.PubDate) || pubYear(art.ArticleDate) },
      volume: text(issue.Volume),
      issue: text(issue.Issue),
      page: text(node(art.Pagination).MedlinePgn) || text(node(art.Pagination).StartPage),
      DOI: idOfType(ids, 'doi'),
      PMID: text(citation.PMID),
      abstract: abstractOf(art.Abstract),
    },
    keywords: keywordsOf(citation),
  };
}

function bookArticle(entry: Node): { item: CslItem; keywords: string[] } {
  const doc = node(entry.BookDocument);
  const book = node(doc.Book);
  const chapter = text(doc.ArticleTitle);
  const ids = [...list(node(doc.ArticleIdList).ArticleId), ...list(node(node(entry.PubmedBookData).ArticleIdList).ArticleId)];
  const bookAuthors = authors(book.AuthorList, 'authors');
  return {
    item: {
      type: chapter ? 'chapter' : 'book',
      title: chapter || text(book.BookTitle),
      author: chapter ? authors(doc.AuthorList, 'authors') : bookAuthors,
      editor: authors(book.AuthorList, 'editors'),
      'container-title': chapter ? text(book.BookTitle) : undefined,
      issued: { raw: pubYear(book.PubDate) },
      DOI: idOfType(ids, 'doi'),
      PMID: text(doc.PMID),
      abstract: abstractOf(doc.Abstract),
    },
    keywords: list(doc.KeywordList).flatMap((kl) => list(node(kl).Keyword).map(text)),
  };
}

export function readPubmedXml(xml: string, fileName: string): ReadResult {
  // A cut-off or hand-edited XML file cannot be split into trustworthy records: refuse it whole.
  const root = node(node(parseXmlFile(parser, xml, fileName)).PubmedArticleSet);
  // fast-xml-parser groups the two element kinds; interleave them again in the order they open in the text.
  const queues = {
    PubmedArticle: list(root.PubmedArticle).map((e) => ({ read: () => article(node(e)), pmid: text(node(node(e).MedlineCitation).PMID) })),
    PubmedBookArticle: list(root.PubmedBookArticle).map((e) => ({ read: () => bookArticle(node(e)), pmid: text(node(node(e).BookDocument).PMID) })),
  };
  const entries = [...xml.matchAll(/<(PubmedArticle|PubmedBookArticle)[\s>]/g)].map((m) => queues[m[1] as keyof typeof queues].shift()).filter((e) => e !== undefined);
  const records: CitationRecord[] = [];
  const errors: RecordProblem[] = [];
  entries.forEach(({ read, pmid }, index) => {
    const record = index + 1;
    const { item, keywords } = read();
    const parsed = cslToRecord(item, record, { keywords });
    if (isBlank(parsed)) errors.push({ record, reason: `Article ${record}${pmid ? ` (PMID ${pmid})` : ''} has no title, authors or identifiers.` });
    else records.push(parsed);
  });
  return { records, errors };
}
