/**
 * A same-length normal form of an article's text for the outcome patterns: every UTF-16 unit maps to
 * exactly one unit, so an offset into the normal form is an offset into the original text.
 *
 * - minus signs, en dashes and hyphen variants (U+2212, U+2013, U+2010…) become "-"; the em dash stays
 *   (it separates clauses: "the IVIG group—19% of …" is not minus 19);
 * - thin, narrow, no-break and other fixed-width spaces become " ";
 * - a middle dot between digits ("0·02") becomes ".";
 * - "⩽"/"⩾" become "≤"/"≥";
 * - a decimal comma becomes "." where it is clearly a decimal: "0,74" always; "12,5" when the text
 *   writes its decimals with commas (more "d,dd" than "d.dd").
 */

const DASHES = /[\u2212\u2010\u2011\u2012\u2013\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
const DOTS = /(?<=\d)[\u00B7\u2219\u22C5\u2027](?=\d)/g;
const DIGIT_COMMA = /(?<=\d),(?=\d)/g;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Does the text write decimals with commas ("12,5") rather than points ("12.5")? */
function usesDecimalComma(text: string): boolean {
  const commas = text.match(/\d,\d{1,2}(?!\d)/g)?.length ?? 0;
  if (commas < 3) return false;
  const points = text.match(/\d\.\d/g)?.length ?? 0;
  return commas > points;
}

export function normaliseForNumbers(text: string): string {
  const decimalComma = usesDecimalComma(text);
  return text
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .replace(DOTS, '.')
    .replace(/\u2A7D/g, '≤')
    .replace(/\u2A7E/g, '≥')
    .replace(DIGIT_COMMA, (comma: string, i: number) => (isDecimalComma(text, i, decimalComma) ? '.' : comma));
}

/** The comma at `i` sits between digits: is it a decimal comma? */
function isDecimalComma(text: string, i: number, textUsesCommas: boolean): boolean {
  let a = i - 1;
  while (a >= 0 && isDigit(text[a])) a--;
  let b = i + 1;
  while (b < text.length && isDigit(text[b])) b++;
  const before = text.slice(a + 1, i);
  const after = b - i - 1;
  if (text[a] === '.' || text[b] === ',' || (text[b] === '.' && isDigit(text[b + 1]))) return false; // "1.234,5" or "1,2,3"
  if (before === '0' && after >= 1) return true; // "0,74"
  return textUsesCommas && after !== 3 && before.length <= 3;
}

/** Parse a number as the normal form writes it ("-9.36", ".03", "1,076", "+0.05"). */
export function parseNumber(raw: string): number {
  return Number(raw.replace(/,/g, '').replace(/^\+/, ''));
}
