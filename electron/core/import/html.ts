/** HTML import: visible text only (html-text.ts), metadata from citation_*, Dublin Core, Open Graph and <title>. */
import { guessFromText, mergeMeta, normaliseDoi, splitAuthors, yearOfDate } from '../../../shared/extraction/metadata.js';
import { decodeText } from './decode-text.js';
import { htmlToText, type HtmlHead } from './html-text.js';
import { packageVersion } from './package-version.js';
import type { ExtractedDocument } from './types.js';

export function extractHtml(bytes: Uint8Array, fileName: string, ext: string): ExtractedDocument {
  const { text, head } = htmlToText(decodeText(bytes, fileName), fileName);
  const first = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = head.meta.get(key)?.find((v) => v !== '');
      if (value) return value;
    }
    return null;
  };
  const all = (...keys: string[]): string[] => {
    for (const key of keys) {
      const values = (head.meta.get(key) ?? []).flatMap(splitAuthors);
      if (values.length > 0) return values;
    }
    return [];
  };
  const meta = mergeMeta(
    fileName,
    {
      // Scholarly tags (Google Scholar's citation_*, Dublin Core, PRISM) are the publisher's own record.
      title: first('citation_title', 'dc.title', 'dcterms.title'),
      authors: all('citation_author', 'dc.creator', 'dcterms.creator'),
      journal: first('citation_journal_title', 'prism.publicationname', 'citation_conference_title', 'dc.source'),
      year: yearOfDate(first('citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date', 'dcterms.issued', 'prism.publicationdate')),
      doi: normaliseDoi(first('citation_doi', 'dc.identifier', 'dcterms.identifier', 'prism.doi')),
    },
    {
      title: first('og:title', 'twitter:title') ?? pageTitle(head),
      authors: all('author', 'article:author'),
      year: yearOfDate(first('article:published_time', 'date')),
    },
    { title: head.h1 },
    guessFromText(text),
  );
  return {
    kind: 'html',
    ext,
    text,
    pages: [],
    meta,
    extraction: { engine: 'htmlparser2', version: packageVersion('htmlparser2') },
    noTextLayer: false,
  };
}

/** <title> without the site name sites append: "Trial of X | NEJM" -> "Trial of X". */
function pageTitle(head: HtmlHead): string | null {
  if (!head.title) return null;
  const parts = head.title.split(/\s+[|–—]\s+|\s+-\s+/);
  const main = parts[0]?.trim() ?? '';
  return main.length >= 10 ? main : head.title;
}
