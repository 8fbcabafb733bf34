/**
 * A PDF's title when its metadata has none: the largest text on page 1, with the lines that follow it
 * in the same size (titles wrap), skipping the running header, arXiv stamp and licence banners.
 */
import { collapseSpaces, isJunkTitle, looksLikeTitle } from './title.js';

export interface SizedLine {
  text: string;
  /** Font size in PDF points (largest item on the line). */
  size: number;
}

/** Page-1 lines that are never the title even when set large. */
const NOT_TITLE = /^(arxiv:|printed (by|on|from)\b|proceedings of|content from this work|this work is licensed|copyright|©|doi:|https?:|www\.|vol\.|volume \d|page \d|received|accepted|published|journal of|ieee transactions)/i;

/** Running headers of printed files: "Page 1/1", "page 3 of 12". */
const PAGE_COUNTER = /\bpage \d+\s*(\/|of)\s*\d+/i;

function candidate(line: SizedLine): boolean {
  const t = collapseSpaces(line.text);
  // Mostly letters: dates, times and page counters of a printed header are mostly digits.
  const chars = t.replace(/\s/g, '');
  const letters = (chars.match(/\p{L}/gu) ?? []).length;
  if (letters < chars.length * 0.5) return false;
  return t.length >= 8 && /\p{L}{3}/u.test(t) && !NOT_TITLE.test(t) && !PAGE_COUNTER.test(t) && !isJunkTitle(t);
}

export function titleFromSizedLines(lines: readonly SizedLine[]): string | null {
  // Only the top of the page: the title is among the first lines pdf.js emits.
  const top = lines.slice(0, 40).filter((l) => collapseSpaces(l.text) !== '');
  const candidates = top.filter(candidate);
  if (candidates.length === 0) return null;
  const sizes = top.map((l) => l.size).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const largest = Math.max(...candidates.map((l) => l.size));
  // All one size (a plain document): the first meaningful line, if it reads like a title at all.
  if (largest <= median + 0.5) {
    const first = collapseSpaces(candidates[0]!.text);
    return looksLikeTitle(first) ? first : null;
  }

  const start = top.findIndex((l) => candidate(l) && l.size >= largest - 0.5);
  const parts: string[] = [];
  for (let i = start; i < top.length && parts.length < 4; i++) {
    const line = top[i]!;
    if (Math.abs(line.size - largest) > 0.5 || !candidate(line)) break;
    parts.push(collapseSpaces(line.text));
  }
  const title = collapseSpaces(parts.join(' '));
  return title.length > 0 ? title.slice(0, 250) : null;
}
