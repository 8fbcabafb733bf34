/**
 * DOIs as people print them: "doi:10.1056/NEJMoa2117912", "https://doi.org/10.1016/j.x.2023.1",
 * "DOI 10.1000/xyz123." The registrant prefix is 10.<4–9 digits>; the suffix runs to whitespace.
 */
const DOI_PATTERN = /\b10\.\d{4,9}\/[^\s"'<>\]}]+/g;

/** Trailing characters that belong to the sentence, not the DOI (a final ")" only if unbalanced). */
function trimDoi(raw: string): string {
  let doi = raw;
  for (;;) {
    const last = doi.at(-1);
    if (last === undefined) break;
    if ('.,;:'.includes(last)) {
      doi = doi.slice(0, -1);
      continue;
    }
    if (last === ')') {
      const opens = doi.split('(').length - 1;
      const closes = doi.split(')').length - 1;
      if (closes > opens) {
        doi = doi.slice(0, -1);
        continue;
      }
    }
    break;
  }
  return doi;
}

export interface DoiSpan {
  doi: string;
  start: number;
  end: number;
}

/** Every DOI in the text with its span, in order (repeats kept: each is a quote). */
export function findDoiSpans(text: string): DoiSpan[] {
  const out: DoiSpan[] = [];
  for (const match of text.matchAll(DOI_PATTERN)) {
    const doi = trimDoi(match[0]);
    // "10.1234/" alone, or a suffix that is only punctuation, is no DOI.
    if (!/\/.*[A-Za-z0-9]/.test(doi)) continue;
    out.push({ doi, start: match.index, end: match.index + doi.length });
  }
  return out;
}

/** Every distinct DOI in the text, in order of first appearance (compared case-insensitively, as DOIs are). */
export function findDois(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { doi } of findDoiSpans(text)) {
    const key = doi.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(doi);
  }
  return out;
}

export function findDoi(text: string): string | null {
  return findDois(text)[0] ?? null;
}

/** A DOI field from metadata ("doi:10.x/y", "https://doi.org/10.x/y") reduced to the bare DOI. */
export function normaliseDoi(value: string | null | undefined): string | null {
  if (!value) return null;
  return findDoi(value);
}
