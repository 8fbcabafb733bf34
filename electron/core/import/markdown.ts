/** Markdown import: plain text via marked's lexer; title from front matter, else the first heading. */
import { guessFromText, mergeMeta, normaliseDoi, splitAuthors, yearOfDate } from '../../../shared/extraction/metadata.js';
import { EvidentiaError } from '../../../shared/result.js';
import { decodeText } from './decode-text.js';
import { splitFrontMatter } from './front-matter.js';
import { markdownToText } from './markdown-text.js';
import { packageVersion } from './package-version.js';
import type { ExtractedDocument } from './types.js';

/**
 * marked's lexer recurses once per level of block quote or list and re-scans the nested text at
 * every level, so time grows with depth × size: 2,000 nested list levels (4 MB) took 114 s and
 * 3 GB, 100,000 nested quotes overflowed the stack. No article nests that deep; the widest line
 * prefix of indentation, ">" and list markers (in columns) bounds the depth before marked runs.
 */
export const MAX_MARKDOWN_NESTING_COLUMNS = 160;
const NESTING_PREFIX = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))+/gm;

/** The widest nesting prefix of any line, tabs counted as four columns. */
export function markdownNestingColumns(source: string): number {
  let widest = 0;
  for (const match of source.matchAll(NESTING_PREFIX)) {
    const prefix = match[0];
    if (prefix.length * 4 <= widest) continue;
    let columns = 0;
    for (const c of prefix) columns += c === '\t' ? 4 : 1;
    widest = Math.max(widest, columns);
  }
  return widest;
}

function tooDeep(fileName: string): EvidentiaError {
  return new EvidentiaError(
    'corrupt-file',
    `${fileName} nests lists or block quotes too deeply to read as Markdown. Save it as a .txt file to import its text as it is.`,
  );
}

export function extractMarkdown(bytes: Uint8Array, fileName: string, ext: string): ExtractedDocument {
  const { fields, body } = splitFrontMatter(decodeText(bytes, fileName));
  if (markdownNestingColumns(body) > MAX_MARKDOWN_NESTING_COLUMNS) throw tooDeep(fileName);
  let parsed: ReturnType<typeof markdownToText>;
  try {
    parsed = markdownToText(body);
  } catch (error) {
    // Nesting the prefix check cannot see (e.g. inline constructs) still ends here, not as a crash.
    if (error instanceof RangeError) throw tooDeep(fileName);
    throw error;
  }
  const { text, firstHeading } = parsed;
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
