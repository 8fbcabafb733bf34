/**
 * Is this line a document's title? Used for the first lines of texts and for PDF metadata titles,
 * which are often junk left by the authoring tool ("Microsoft Word - draft3.docx", "untitled").
 */

/** One-line labels that sit above a title on web pages and in journals: never the title itself. */
const LABELS = new Set([
  'article', 'research article', 'original article', 'original research', 'research', 'news', 'review',
  'abstract', 'summary', 'editorial', 'letter', 'correspondence', 'commentary', 'report', 'brief report',
  'open access', 'home', 'menu', 'skip to content', 'skip to main content', 'advertisement', 'share',
  'print', 'contents', 'table of contents', 'preprint', 'title', 'introduction',
]);

/** Titles authoring tools write when the author wrote none. */
const JUNK_TITLE = [
  /^microsoft (word|powerpoint|excel)\b/i,
  /\.(docx?|pdf|tex|dvi|rtf|odt|pages|indd|ps|txt|html?|md)$/i,
  /^(untitled|title|document\d*|doc\d*|slide \d+|no title|none|null|unknown|draft|paper|manuscript|template|default)$/i,
  /^(pdf|word|latex)\s/i,
  /^[^\p{L}]*$/u, // no letters at all
  /^[\w.-]+_[\w.-]+$/, // file-name-like: paper_final_v3
  /^arxiv:\S+$/i,
  /\btemplate\s*[-–—]\s*(word|latex)|^(\w+\s+)?template$/i, // "Proceedings Template - WORD"
  /[\u0000-\u0008\u000b-\u001f\ufffd]/, // control characters or U+FFFD: a font without a Unicode map
];

export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function isJunkTitle(title: string | null | undefined): boolean {
  const t = collapseSpaces(title ?? '');
  if (t.length < 3) return true;
  if (LABELS.has(t.toLowerCase())) return true;
  return JUNK_TITLE.some((re) => re.test(t));
}

export function isLabelLine(line: string): boolean {
  return LABELS.has(collapseSpaces(line).toLowerCase().replace(/[:.]$/, ''));
}

/** Short, with letters, not a sentence (no final period), not a URL, DOI or date alone. */
export function looksLikeTitle(line: string): boolean {
  const t = collapseSpaces(line);
  if (t.length < 3 || t.length > 250) return false;
  if (t.split(' ').length > 35) return false;
  if (/[.,;:]$/.test(t) && !/\b(etc|vs|al)\.$/i.test(t)) return false;
  if (/^(https?:\/\/|www\.|doi:|10\.\d{4,9}\/)/i.test(t)) return false;
  if (/^[\d\s/.,:-]+$/.test(t)) return false; // dates, page numbers
  return !isJunkTitle(t);
}

/**
 * The title of a text: its first real line (label lines such as "Article" skipped) when that line
 * looks like a title. A first line that is a sentence means the text has no title line.
 */
export function titleFromLines(lines: readonly string[]): string | null {
  let labels = 0;
  for (const raw of lines) {
    const line = collapseSpaces(raw);
    if (line === '') continue;
    if (isLabelLine(line) && labels++ < 3) continue;
    return looksLikeTitle(line) ? line : null;
  }
  return null;
}

/** "trial-report.final.PDF" -> "trial-report.final"; also strips any directory part. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return stem.trim() || base;
}
