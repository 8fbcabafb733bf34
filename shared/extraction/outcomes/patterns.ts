/**
 * The written forms of numeric results, as global patterns over the normal form of the text. Each
 * pattern yields candidates with the numbers it parsed; `index.ts` resolves overlaps by priority
 * (an estimate with its interval and p wins over the bare p inside it).
 */
import {
  CI_LABEL, DASH_SEP, IQR_LABEL, MEASURE_LABEL, P_STATEMENT, RANGE_SEP, S, SD_LABEL, WORD_NUMBERS,
  decimals, int, looksLikeYear, normaliseP, num, pExpr, unit, wordInt,
} from './numbers.js';
import { parseNumber } from './normalise.js';
import { POPULATION, emptyCandidate, lookBack, type Candidate, type Groups, type Pattern, type PatternContext } from './candidate.js';
import { armSizeParen, armSizeSentence, sampleSize } from './sizes.js';

export { emptyCandidate, type Candidate, type PatternContext } from './candidate.js';

const base = emptyCandidate;

const LABEL_BEFORE = new RegExp(`(?<lbl>${MEASURE_LABEL})${S}[,:=]?${S}(?:(?:of|was|is)${S})?$`);
const MEDIAN_BEFORE = new RegExp(`(?<med>[Mm]edian)${S}(?:of|was|=|:)?${S}$`);
const MEAN_WORD_BEFORE = new RegExp(`(?<![A-Za-z])[Mm]ean${S}(?:of|was|=|:)?${S}$`);
const MEAN_BEFORE = new RegExp(`(?<lbl>[Mm]ean|${MEASURE_LABEL})${S}[=:]?${S}(?:(?:of|was)${S})?$`);
/** Starts of the pattern: a number, or a "." opening ".03", or a sign. */
const AT_NUMBER = '(?=[-+.\\d])';
const SD_IN_BRACKETS = `(?:${S}[([]${S}${SD_LABEL}${S}[=:,]?${S}${num('sdb')}${S}[)\\]])?`;
const BRACKET_LABEL = `(?<blab>${CI_LABEL}|${IQR_LABEL})`;

/** p from the groups of `pExpr(prefix)`, or null. */
function pOf(g: Groups, prefix: string): string | null {
  const v = g[`${prefix}v`];
  return v === undefined ? null : normaliseP(g[`${prefix}c`] ?? '=', v);
}

function hasText(g: Groups, name: string): boolean {
  return g[name] !== undefined && g[name] !== '';
}

/** The text just before `start` (same line) mentions an age: an eligibility or baseline range. */
function afterAge(text: string, start: number): boolean {
  return /\bage[ds]?\b[^.\n]{0,12}$/i.test(text.slice(Math.max(0, start - 24), start));
}

/** "-9.36 (95% CI: -12.52, -6.19)", "0.83 (0.56-1.24, P=.37)", "2.6 [1.0, 4.2]", "0.51 [SD 0.60] [95% Cl 0.16-0.85], P=0.008", "1.05% (SD = 2.0; CI95%: 1.54;-0.56)", "median 4 (IQR 2–7)". */
const estimateInBrackets: Pattern = {
  re: new RegExp(
    `${AT_NUMBER}${num('v')}(?:${S}(?<pct>%)|[ ]?${unit('u')})?${SD_IN_BRACKETS}${S}[([]${S}` +
      `(?:${SD_LABEL}${S}[=:]?${S}${num('sdi')}${S}[;,]${S})?(?:${BRACKET_LABEL}${S}[:,=]?${S})?` +
      `${num('lo')}${RANGE_SEP}${num('hi')}(?:${S}[;,]${S}${pExpr('pa')})?${S}[)\\]](?:${unit('u2')})?(?:${S}[;,]${S}${pExpr('pb')})?`,
    'g',
  ),
  build(m, g, text) {
    const v = parseNumber(g.v!);
    const lo = parseNumber(g.lo!);
    const hi = parseNumber(g.hi!);
    const blab = g.blab ?? '';
    const before = lookBack(LABEL_BEFORE, text, m.index) ?? lookBack(MEDIAN_BEFORE, text, m.index, 20);
    Object.assign(g, before?.groups ?? {});
    const start = before?.start ?? m.index;
    const labelled = blab !== '' || hasText(g, 'lbl') || g.sdi !== undefined;
    if (afterAge(text, start)) return null;
    if (!labelled) {
      if (!(lo <= v && v <= hi && lo < hi)) return null;
      if (looksLikeYear(g.v!) || afterAge(text, start)) return null;
      if (decimals(g.v!) + decimals(g.lo!) + decimals(g.hi!) === 0 && /^[^;]*[,;]/.test(text.slice(m.index, m.index + m[0].length).replace(/^[^([]*/, '')) && !g.med) {
        // "3 (1, 5)": integer triples with a comma are lists more often than intervals
        return null;
      }
    }
    const isIqr = /IQR|[Ii]nterquartile|[Rr]ange|Q1/.test(blab) || (blab === '' && !hasText(g, 'lbl') && (g.med !== undefined || medianBefore(text, m.index)));
    const c = base(isIqr ? 'median-iqr' : 'estimate-ci', start, m.index + m[0].length);
    c.value = v;
    c.ciLow = lo;
    c.ciHigh = hi;
    c.p = pOf(g, 'pa') ?? pOf(g, 'pb');
    const sd = g.sdb ?? g.sdi;
    c.sd = sd === undefined ? null : parseNumber(sd);
    c.unit = g.pct ? '%' : (g.u ?? g.u2 ?? '');
    c.label = isIqr ? 'median' : (g.lbl ?? '');
    return c;
  },
};

/** "median" written shortly before, in the same clause, with no CI in between. */
function medianBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const at = before.search(/\bmedian\b(?![^(\n]*\bCI\b)[^.;\n]*$/i);
  return at >= 0;
}

/** "HR 0.74, 95% CI 0.61 to 0.90", "HR, 1.47; 95% CI, 1.16–1.87; two-sided P = 0.002", "3.7 months, 95% CI 3.2–4.2". */
const estimateCommaCi: Pattern = {
  re: new RegExp(
    `${AT_NUMBER}${num('v')}(?:${S}(?<pct>%)|[ ]?${unit('u')})?${S}[,;]${S}(?<blab>${CI_LABEL})${S}[:,=]?${S}${num('lo')}${RANGE_SEP}${num('hi')}(?:${S}[;,]${S}${pExpr('pa')})?`,
    'g',
  ),
  build(m, g, text) {
    const before = lookBack(LABEL_BEFORE, text, m.index);
    const c = base('estimate-ci', before?.start ?? m.index, m.index + m[0].length);
    c.value = parseNumber(g.v!);
    c.ciLow = parseNumber(g.lo!);
    c.ciHigh = parseNumber(g.hi!);
    c.p = pOf(g, 'pa');
    c.unit = g.pct ? '%' : (g.u ?? '');
    c.label = before?.groups.lbl ?? '';
    return c;
  },
};

/** "adjusted HR 0.80, 0.68–0.93, p=0.0054", "(0.66, 0.54–0.80, p<0.0001)", "3.6 months, 3.2–3.9". */
const estimateBareRange: Pattern = {
  re: new RegExp(`${AT_NUMBER}${num('v')}(?:[ ]?${unit('u')})?${S},${S}${num('lo')}${DASH_SEP}${num('hi')}(?:${S}[;,]${S}${pExpr('pa')})?`, 'g'),
  build(m, g, text) {
    const v = parseNumber(g.v!);
    const lo = parseNumber(g.lo!);
    const hi = parseNumber(g.hi!);
    if (!(lo <= v && v <= hi && lo < hi)) return null;
    const before = lookBack(LABEL_BEFORE, text, m.index);
    const allDecimal = decimals(g.v!) > 0 && decimals(g.lo!) > 0 && decimals(g.hi!) > 0;
    if (!allDecimal && !before && g.pav === undefined) return null;
    if (afterAge(text, m.index)) return null;
    const c = base('estimate-ci', before?.start ?? m.index, m.index + m[0].length);
    c.value = v;
    c.ciLow = lo;
    c.ciHigh = hi;
    c.p = pOf(g, 'pa');
    c.unit = g.u ?? '';
    c.label = before?.groups.lbl ?? '';
    return c;
  },
};

/** "5.2 ± 1.1", "−5.02 ± 3.43 kg", "difference = 0.0030 ± 0.0021 mm/year", "1.72±0.70". */
const meanPlusMinus: Pattern = {
  re: new RegExp(`${AT_NUMBER}${num('v')}(?:${S}(?<pct>%)|[ ]?${unit('u')})?${S}(?:±|\\+/-|\\+-)${S}${num('sd')}(?:${S}(?<pct2>%)|[ ]?${unit('u2')})?`, 'g'),
  build(m, g, text) {
    const before = lookBack(MEAN_BEFORE, text, m.index);
    const lbl = before?.groups.lbl;
    const c = base('mean-sd', before?.start ?? m.index, m.index + m[0].length);
    c.value = parseNumber(g.v!);
    c.sd = parseNumber(g.sd!);
    c.unit = g.pct || g.pct2 ? '%' : (g.u ?? g.u2 ?? '');
    c.label = lbl && !/^[Mm]ean$/.test(lbl) ? lbl : 'mean';
    return c;
  },
};

/** "mean 5.2 (SD 1.1)", "5.2 (SD = 1.1)", and in articles that print "mean (SD)": "5.5 [1.6] ml/kg". */
const meanSdBrackets: Pattern = {
  re: new RegExp(`${AT_NUMBER}${num('v')}(?:[ ]?${unit('u')})?${S}[([]${S}(?<lab>${SD_LABEL}${S}[=:,]?${S})?${num('sd')}${S}[)\\]](?:[ ]?${unit('u2')})?`, 'g'),
  build(m, g, text, ctx) {
    const mean = lookBack(MEAN_WORD_BEFORE, text, m.index, 16);
    if (g.lab === undefined) {
      if (!ctx.bareSd || (decimals(g.v!) === 0 && decimals(g.sd!) === 0) || g.u !== undefined) return null;
      if (parseNumber(g.sd!) < 0) return null;
      if (text[m.index + m[0].length] === '%') return null;
    }
    const c = base('mean-sd', mean?.start ?? m.index, m.index + m[0].length);
    c.value = parseNumber(g.v!);
    c.sd = parseNumber(g.sd!);
    c.unit = g.u ?? g.u2 ?? '';
    c.label = 'mean';
    return c;
  },
};

const PCT = `${num('pv')}${S}%`;

/** "12/40 (30%)", "134/529, 25.3%", "72/530". */
const countSlash: Pattern = {
  re: new RegExp(`(?=\\d)${int('e')}${S}/${S}${int('n', true)}(?!${S}/${S}\\d|[A-Za-z])(?:${S}(?<ob>[([])${S}${PCT}${S}[)\\]]|${S},${S}${num('pv2')}${S}%)?`, 'g'),
  build(m, g) {
    const e = parseNumber(g.e!);
    const n = parseNumber(g.n!);
    if (n <= 0 || e > n) return null;
    if (e <= 12 && looksLikeYear(g.n!)) return null; // "03/2019"
    const c = base('count', m.index, m.index + m[0].length);
    c.events = e;
    c.n = n;
    const pv = g.pv ?? g.pv2;
    c.value = pv === undefined ? null : parseNumber(pv);
    return c;
  },
};

/** "56% [188 of 334]", "24% (79 of 334)", "13.6% (72/530)", "2% (five of 313)". */
const percentThenCount: Pattern = {
  re: new RegExp(`${AT_NUMBER}${PCT}${S}[([]${S}${wordInt('e')}${S}(?:/|of|out of)${S}${int('n')}${S}[)\\]]`, 'g'),
  build(m, g) {
    return countOf(m.index, m.index + m[0].length, g.e!, g.n!, g.pv);
  },
};

/** "11 out of 17 patients (64.7%)", "[188 of 334]", "(five of 313)", "12 of 40 patients", "five out of 14". */
const countOfWords: Pattern = {
  re: new RegExp(
    `(?:[([]${S}${wordInt('e')}${S}(?:of|out of)${S}${int('n')}${S}[)\\]]|(?<![A-Za-z])(?<out>out of|of)${S}(?:the${S})?${int('n2')}(?:${S}(?<pop>${POPULATION}))?(?:${S}\\(${S}${PCT}${S}\\))?)`,
    'g',
  ),
  build(m, g, text) {
    if (g.n2 !== undefined) {
      if (g.out === 'of' && g.pop === undefined && g.pv === undefined) return null;
      const before = lookBack(NUMERATOR_BEFORE, text, m.index, 16);
      if (!before) return null;
      return countOf(before.start, m.index + m[0].length, before.groups.e!, g.n2, g.pv);
    }
    return countOf(m.index, m.index + m[0].length, g.e!, g.n!, undefined);
  },
};
const NUMERATOR_BEFORE = new RegExp(`${wordInt('e')}${S}$`);

/** "22 (71%)": a count with its percentage, as tables print n (%). */
const countPercent: Pattern = {
  re: new RegExp(`(?=\\d)${int('e')}${S}\\(${S}${PCT}${S}\\)`, 'g'),
  build(m, g) {
    const value = parseNumber(g.pv!);
    if (value > 100) return null;
    const c = base('count', m.index, m.index + m[0].length);
    c.events = parseNumber(g.e!);
    c.value = value;
    return c;
  },
};

function countOf(start: number, end: number, events: string, total: string, percent: string | undefined): Candidate | null {
  const word = events.toLowerCase();
  const e = word in WORD_NUMBERS ? WORD_NUMBERS[word]! : parseNumber(events);
  const n = parseNumber(total);
  if (n <= 0 || e > n) return null;
  const c = base('count', start, end);
  c.events = e;
  c.n = n;
  c.value = percent === undefined ? null : parseNumber(percent);
  return c;
}

/** Percentages that are concentrations or strengths, not results ("2% lidocaine", "2.5% NaOCl"). */
const CONCENTRATION =
  /^[ ]{0,2}(?:w\/v|w\/w|v\/v|solution|gel|cream|ointment|spray|drops|lidocaine|lignocaine|bupivacaine|ropivacaine|dextrose|glucose|saline|NaCl|sodium|ethanol|alcohol|chlorhexidine|CHX|NaOCl|hypochlorite|povidone|iodine|sucrose|albumin|EDTA|formalin|isoflurane|sevoflurane|desflurane|mannitol|CO2)\b/;

/** "79%", "64.7%" — not the "95%" of "95% CI", not a concentration; with "(n = 40)" when it follows. */
const percentage: Pattern = {
  re: new RegExp(`${AT_NUMBER}${num('pv')}${S}%(?!${S}(?:C[Il]\\b|CrI|[Cc]onfiden|[Cc]redib|[Pp]redict|[Tt]oleran))(?:(?<gap>[^.;\\n()%]{0,40}?)\\(${S}[nN]${S}=${S}${int('n')}${S}\\))?`, 'g'),
  build(m, g, text) {
    const end = m.index + m[0].length;
    const pctEnd = m.index + m[0].indexOf('%') + 1;
    if (/C[Il][ ]?$/.test(text.slice(Math.max(0, m.index - 3), m.index))) return null; // "CI95%"
    if (CONCENTRATION.test(text.slice(pctEnd, pctEnd + 16))) return null;
    if (/\([A-Z][a-z]{2,}[ ]$/.test(text.slice(Math.max(0, m.index - 20), m.index)) && /^[;)]/.test(text.slice(pctEnd, pctEnd + 1))) return null; // "(Octagam 10%;"
    const value = parseNumber(g.pv!);
    if (value > 1000) return null;
    const c = base('percentage', m.index, end);
    c.value = value;
    c.unit = '%';
    c.n = g.n === undefined ? null : parseNumber(g.n);
    return c;
  },
};

/** "p < 0.0001", "P=.03", "P <0.01", "p = 0·02", "p-value of 0.03". */
const P_PREFIX_BEFORE = /(?<![A-Za-z])(?:[Tt]wo|[Oo]ne)[- ]sided $|(?<![A-Za-z])[Ll]og[- ]rank $/;
const pValue: Pattern = {
  re: new RegExp(P_STATEMENT, 'g'),
  build(m, g, text) {
    const p = normaliseP(g.c!, g.v!);
    if (p === null) return null;
    const before = lookBack(P_PREFIX_BEFORE, text, m.index, 12);
    const c = base('p-value', before?.start ?? m.index, m.index + m[0].length);
    c.p = p;
    return c;
  },
};

/** "OR 1.8", "RR = 0.62", "HR, 1.17", "odds ratio, 0.65" (an interval, when written, is taken by the estimate patterns). */
const ratio: Pattern = {
  re: new RegExp(`${AT_NUMBER}(?<=(?:[Rr]atio|[Rr]isk|[Dd]ifference|HR|OR|RR|PR|MD|RD|\\])${S}[,:=]?${S}(?:(?:of|was|is)${S})?)${num('v')}`, 'g'),
  build(m, g, text) {
    const before = lookBack(LABEL_BEFORE, text, m.index);
    if (!before) return null;
    const c = base('ratio', before.start, m.index + m[0].length);
    c.value = parseNumber(g.v!);
    c.label = before.groups.lbl!;
    return c;
  },
};

/** "reported in 8 IVIG patients", "occurred in 12 patients": events without a denominator. */
const countInPatients: Pattern = {
  re: new RegExp(`(?=\\d)(?<=(?<![A-Za-z])(?:in|among)[ ]{1,3})${int('e')}${S}(?:(?<arm>[A-Za-z][\\w/+-]{1,30})${S})?${POPULATION}`, 'g'),
  build(m, g, _text, ctx) {
    if (g.arm !== undefined && !ctx.arms.has(g.arm.toLowerCase())) return null;
    const c = base('count', m.index, m.index + m[0].length);
    c.events = parseNumber(g.e!);
    c.arm = g.arm ?? '';
    return c;
  },
};

/** Patterns by priority: when two quotes overlap, the earlier pattern's wins. */
export const PATTERNS: Pattern[] = [
  estimateInBrackets,
  estimateCommaCi,
  estimateBareRange,
  meanPlusMinus,
  meanSdBrackets,
  percentThenCount,
  countSlash,
  countOfWords,
  countPercent,
  percentage,
  armSizeSentence, // sizes.ts
  armSizeParen,
  sampleSize,
  countInPatients,
  ratio,
  pValue,
];

/** Every candidate of every pattern, with its priority (the pattern's index). */
export function findCandidates(norm: string, ctx: PatternContext): Array<Candidate & { priority: number }> {
  const out: Array<Candidate & { priority: number }> = [];
  PATTERNS.forEach((pattern, priority) => {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(norm); m !== null; m = pattern.re.exec(norm)) {
      if (m[0].length === 0) {
        pattern.re.lastIndex++;
        continue;
      }
      const c = pattern.build(m, (m.groups ?? {}) as Groups, norm, ctx);
      if (c) out.push({ ...c, priority });
      else pattern.re.lastIndex = m.index + 1; // a rejected match may hide a valid one starting inside it
    }
  });
  return out;
}
