/**
 * Regular-expression building blocks for numbers as trial reports write them, over the normal form
 * of `normalise.ts` (ASCII "-" for every minus and dash, " " for every space, "." for middle-dot and
 * decimal-comma decimals). Every block is bounded (no nested unbounded repetition), so the patterns
 * built from them run in linear time.
 */

/** A few spaces. */
export const S = '[ ]{0,3}';

/**
 * A signed number: "-9.36", ".03", "1,076", "+0.05". It never starts inside a word ("ADL19",
 * "COVID-19") or inside another number ("9.36" is not read as "36"). A "-" is a sign only after a
 * non-word character ("(−3.32", "; -0.56"), so "0.56-1.24" reads as a range.
 */
export function num(name?: string): string {
  const body =
    '(?:(?<![A-Za-z0-9)\\]%])[-+])?(?<![A-Za-z0-9_]|\\d\\.|[A-Za-z]-)(?:\\d{1,3}(?:,\\d{3})+(?![\\d]|\\.\\d)|\\d+(?:\\.\\d+)?|\\.\\d+)(?!\\d|\\.\\d)';
  return name ? `(?<${name}>${body})` : `(?:${body})`;
}

/** An unsigned whole number ("47", "1,076"), not part of a decimal, a word, a range or a date. */
export function int(name?: string, afterSlash = false): string {
  const body = `(?<![A-Za-z0-9_.${afterSlash ? '' : '/'}-])(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?!\\d|[.,]\\d)`;
  return name ? `(?<${name}>${body})` : `(?:${body})`;
}

/** Small numbers written as words ("five of 313"). */
export const WORD_NUMBERS: Record<string, number> = {
  none: 0, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
export function wordInt(name: string): string {
  const words = Object.keys(WORD_NUMBERS).map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
  return `(?<${name}>(?<![A-Za-z])(?:${words})(?![A-Za-z])|${int()})`;
}

/** A unit written right after a value ("kg", "mm/year", "months", "kg/m2", "cm H2O") — not a function word. */
export function unit(name: string): string {
  return `(?<${name}>(?!(?:vs|versus|and|or|to|in|of|for|with|the|at|on|by|was|were|is|are|per|from|than|CI|Cl|SD|IQR|n|p|P|a|an|after|during|among|respectively|compared|whereas|while)\\b)[A-Za-zμµ][A-Za-z0-9μµ/²³]{0,11}(?: H2O)?)`;
}

/** The separator of an interval's bounds: "-", "–", " to ", ", ", "; ". */
export const RANGE_SEP = '(?:[ ]{0,2}(?:-|to|,|;)[ ]{0,2})';
/** A dash-like separator only ("0.54–0.80", "0.61 to 0.90"). */
export const DASH_SEP = '(?:[ ]{0,2}(?:-|to)[ ]{0,2})';

/** "95% CI", "95 % CI", "CI95%", "95% confidence interval", "95% Cl" (a common typo), "95% CrI". */
export const CI_LABEL =
  '(?:\\d{2}(?:\\.\\d)? ?% ?)?(?<![A-Za-z])(?:C[Il]|CrI|[Cc]onfidence [Ii]ntervals?|[Cc]onfidence [Ll]imits?|[Cc]redible [Ii]ntervals?)(?: ?\\d{2} ?%)?(?![A-Za-z])';
/** "IQR", "interquartile range", "range". */
export const IQR_LABEL = '(?<![A-Za-z])(?:IQR|[Ii]nterquartile [Rr]ange|[Rr]ange|Q1 ?- ?Q3)(?![A-Za-z])';
/** "SD", "s.d.", "standard deviation". */
export const SD_LABEL = '(?<![A-Za-z])(?:SD|[Ss]\\.[Dd]\\.|[Ss]tandard [Dd]eviation)(?![A-Za-z])';

/** Effect measures written before a value ("HR", "odds ratio", "risk ratio [RR]", "LPR"). */
export const MEASURE_LABEL =
  '(?<![A-Za-z])(?:[Aa]djusted |[Uu]nadjusted |[Cc]rude |[Pp]ooled )?(?:(?:[Hh]azard [Rr]atio|[Oo]dds [Rr]atio|[Rr]isk [Rr]atio|[Rr]elative [Rr]isk|(?:[Ii]ncidence )?[Rr]ate [Rr]atio|[Pp]revalence [Rr]atio|(?:[Ss]tandardi[sz]ed |[Ww]eighted |LS |[Ll]east[- ]squares )?[Mm]ean [Dd]ifference|[Rr]isk [Dd]ifference|[Dd]ifference)(?: ?[[(][A-Za-z]{2,4}[\\])])?|aHR|aOR|aRR|HR|OR|RR|IRR|LPR|PR|SMD|WMD|MD|RD)(?![A-Za-z])';

/** A p-value's number: "0.03", ".03", "0.000", "2 x 10-5", "10-4", "1e-5". */
const P_NUMBER = '(?:\\d(?:\\.\\d+)? ?[x×*] ?10 ?\\^? ?-\\d{1,3}|10 ?\\^ ?-\\d{1,3}|\\d*\\.\\d+(?:[eE]-\\d{1,3})?|\\d+)(?!\\d|\\.\\d)';

/** "P", "p-value", "two-sided P", "log rank p", "P for trend". */
const P_LABEL = '(?<![A-Za-z0-9])[Pp](?:[- ]?[Vv]alues?)?(?: ?for (?:trend|interaction|heterogeneity))?(?![A-Za-z])';

/** A p-value statement with comparator symbols: "p < 0.0001", "P=.03", "P <0.01", "P ≤ 0.05". */
export function pExpr(prefix: string): string {
  return `(?<${prefix}s>(?:(?:[Tt]wo|[Oo]ne)[- ]sided |[Ll]og[- ]rank |[Aa]djusted )?${P_LABEL}${S}(?<${prefix}c>[<>≤≥]=?|=)${S}(?<${prefix}v>${P_NUMBER}))`;
}

/** A free-standing p-value, also in words: "p-value of 0.03", "P was 0.21". */
export const P_STATEMENT = `${P_LABEL}${S}(?<c>[<>≤≥]=?|=|of|was|is|equal to)${S}(?<v>${P_NUMBER})`;

/**
 * The p-value normalised: comparator ("<", ">", "<=", ">=", none for "=") + the number with a
 * leading zero ("0.03" for ".03"); exponent forms become "2e-5". Null when it is not a probability.
 */
export function normaliseP(comparator: string, raw: string): string | null {
  const op = comparator === '≤' || comparator === '<=' ? '<=' : comparator === '≥' || comparator === '>=' ? '>=' : comparator === '<' || comparator === '>' ? comparator : '';
  let text: string;
  let value: number;
  const exp = /^(?:(\d(?:\.\d+)?) ?[x×*] ?)?10 ?\^? ?(-\d{1,3})$/.exec(raw);
  if (exp) {
    text = `${exp[1] ?? '1'}e${exp[2]}`;
    value = Number(text);
  } else {
    text = raw.startsWith('.') ? `0${raw}` : raw;
    value = Number(text);
  }
  if (!Number.isFinite(value) || value < 0 || value > 1) return null;
  return op + text;
}

/** How many decimals a written number has. */
export function decimals(raw: string): number {
  const dot = raw.indexOf('.');
  return dot < 0 ? 0 : raw.length - dot - 1;
}

/** A plausible year ("2019"): never a result value on its own. */
export function looksLikeYear(raw: string): boolean {
  return /^(?:19|20)\d{2}$/.test(raw);
}
