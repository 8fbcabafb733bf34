/** Small helpers the attribution finders share: spans, facts, folding, numbers and months. */
import { withoutAccents } from '../../text/accents.js';
import type { AttributionFact, FactKind, FactSource, TextSpan } from '../../model/index.js';

export function span(text: string, start: number, end: number): TextSpan {
  return { start, end, exact: text.slice(start, end) };
}

export function fact(
  kind: FactKind,
  source: FactSource,
  value: string,
  normalised: string,
  quote: TextSpan,
  reference: number | null = null,
): AttributionFact {
  return { kind, source, value, normalised, quote, reference };
}

/** Lowercase without accents ("Bata-Csörgő" -> "bata-csorgo"). */
export function foldAccents(value: string): string {
  return withoutAccents(value).toLowerCase();
}

/** Name particles that may stand before a surname ("van der Berg", "de Souza"). */
export const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'dos', 'das', 'ter', 'ten']);

/**
 * A surname's comparable form: its last word, lowercase, no accents or apostrophes, hyphens kept
 * ("Werth" -> "werth", "Bata-Csörgő" -> "bata-csorgo", "van der Berg" -> "berg", "O'Brien" -> "obrien").
 */
export function foldSurname(surname: string): string {
  const words = foldAccents(surname)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}-]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !PARTICLES.has(w));
  return (words.at(-1) ?? '').replace(/^-+|-+$/g, '');
}

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
/** A month name or its abbreviation (capitalised, as dates are written), for use inside patterns. */
export const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

export function monthNumber(name: string | undefined): number | null {
  if (!name) return null;
  return MONTHS[name.replace(/\.$/, '').toLowerCase()] ?? null;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, 'twenty-four': 24, thirty: 30, 'thirty-six': 36, forty: 40, 'forty-eight': 48,
  fifty: 50, 'fifty-two': 52, sixty: 60,
};
/** A count as written in prose: digits (with thousands separators) or a small number word. */
export const COUNT = String.raw`\d{1,3}(?:[,  ]\d{3})+|\d+|(?:twenty|thirty|forty|fifty)-(?:two|four|six|eight)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty`;

export function parseCount(written: string): number | null {
  const digits = written.replace(/[,  ]/g, '');
  if (/^\d+$/.test(digits)) return Number(digits);
  return NUMBER_WORDS[written.toLowerCase()] ?? null;
}

export interface Range {
  start: number;
  end: number;
}
