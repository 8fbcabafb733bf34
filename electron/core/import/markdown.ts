/** Markdown import: plain text via marked's lexer; title from front matter, else the first heading. */
import { guessFromText, mergeMeta, normaliseDoi, splitAuthors, yearOfDate } from '../../../shared/extraction/metadata.js';
import { decodeText } from './decode-text.js';
import { splitFrontMatter } from './front-matter.js';
import { markdownToText } from './markdown-text.js';
import { packageVersion } from './package-version.js';
import type { ExtractedDocument } from './types.js';

export function extractMarkdown(bytes: Uint8Array, fileName: string, ext: string): ExtractedDocument {
  const { fields, body } = splitFrontMatter(decodeText(bytes, fileName));
  const { text, firstHeading } = markdownToText(body);
  const field = (...keys: string[]): string | null => {
    for (const key of keys) {
      const v = fields.get(key)?.[0];
      if (v) return v;
    }
    return null;
  };
  const authorValues = fields.get('authors') ?? fields.get('author') ?? [];
  const meta = mergeMeta(
    fileName,
    {
      title: field('title'),
      authors: authorValues.flatMap(splitAuthors),
      journal: field('journal', 'publication', 'venue'),
      year: yearOfDate(field('year', 'date', 'published')),
      doi: normaliseDoi(field('doi')),
    },
    { title: firstHeading },
    guessFromText(text),
  );
  return {
    kind: 'markdown',
    ext,
    text,
    pages: [],
    meta,
    extraction: { engine: 'marked', version: packageVersion('marked') },
    noTextLayer: false,
  };
}
