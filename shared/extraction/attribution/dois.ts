/** DOIs with their positions (shared/extraction/doi.ts finds the same DOIs without positions). */

const DOI_PATTERN = /\b10\.\d{4,9}\/[^\s"'<>\]}]+/g;

export interface DoiSpan {
  doi: string;
  start: number;
  end: number;
}

/** Sentence punctuation after a DOI, and a final ")" only when unbalanced (as doi.ts trims). */
function trimDoi(raw: string): string {
  let doi = raw;
  for (;;) {
    const last = doi.at(-1);
    if (last === undefined) break;
    if ('.,;:'.includes(last)) {
      doi = doi.slice(0, -1);
      continue;
    }
    if (last === ')' && doi.split(')').length > doi.split('(').length) {
      doi = doi.slice(0, -1);
      continue;
    }
    break;
  }
  return doi;
}

/** Every DOI in the text with its span, in order (repeats kept: each is a quote). */
export function findDoiSpans(text: string): DoiSpan[] {
  const out: DoiSpan[] = [];
  for (const m of text.matchAll(DOI_PATTERN)) {
    const doi = trimDoi(m[0]);
    if (!/\/.*[A-Za-z0-9]/.test(doi)) continue;
    out.push({ doi, start: m.index, end: m.index + doi.length });
  }
  return out;
}
