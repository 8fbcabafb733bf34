/**
 * What the text says about the study itself: sample size ("enrolled 95 patients"), follow-up
 * ("followed for 40 weeks", "at week 16"), study dates ("from February 2017 to November 2019"),
 * publication year ("in a 2022 study", "published in 2023") and DOIs.
 */
import type { AttributionFact } from '../../model/index.js';
import { COUNT, fact, MONTH, monthNumber, parseCount, span } from './common.js';
import { findDoiSpans } from '../doi.js';

const PEOPLE = String.raw`(?:patients|participants|subjects|people|persons|adults|children|adolescents|individuals|women|men|volunteers|infants|neonates|residents|cases)`;
/** Up to three words between the count and the people ("95 adult patients", "120 eligible trial participants"). */
const QUALIFIERS = String.raw`(?:[a-z][a-z-]*\s+){0,3}`;
const ABOUT = String.raw`(?:a\s+total\s+of\s+|some\s+|about\s+|around\s+|approximately\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|roughly\s+)?`;
const SAMPLE_VERB = new RegExp(
  String.raw`\b(?:enroll?ed|enrolling|recruited|recruiting|randomi[sz]ed|included|including|involved|involving|looked\s+at|studied|analy[sz]ed|comprised|assessed|evaluated|followed)\s+${ABOUT}(${COUNT})\s+${QUALIFIERS}${PEOPLE}\b`,
  'g',
);
const SAMPLE_TOTAL = new RegExp(
  String.raw`\b(?:[Aa]\s+total\s+of|[Ii]n\s+total,?|[Oo]verall,?|[Aa]ltogether,?)\s+(${COUNT})\s+${QUALIFIERS}${PEOPLE}\s+(?:were|was|had\s+been)\s+(?:randomi[sz]ed|enroll?ed|included|recruited|randomly\s+assigned)`,
  'g',
);
/** "… 47 patients in the IVIg group": an arm, not the study. */
const ARM_AFTER = /^\s+(?:in|into|to)\s+(?:the\s+|each\s+|either\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)s?\b/i;

export function sampleSizeFacts(text: string): AttributionFact[] {
  const facts: AttributionFact[] = [];
  for (const pattern of [SAMPLE_VERB, SAMPLE_TOTAL]) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (ARM_AFTER.test(text.slice(end, end + 60))) continue;
      const n = parseCount(m[1]!);
      if (n === null || n < 2) continue;
      facts.push(fact('sample-size', 'text', m[1]!, String(n), span(text, m.index, end)));
    }
  }
  return facts.sort((a, b) => a.quote.start - b.quote.start);
}

const UNIT = String.raw`(days?|weeks?|months?|years?)`;
const FOLLOW_UP = [
  // "followed (up) for 40 weeks", "a follow-up of 12 months", "median follow-up of 3.2 years"
  new RegExp(String.raw`\b(?:[Ff]ollowed(?:\s+up)?\s+for|[Ff]ollow-?up\s+(?:period\s+)?(?:of|was|lasted)|[Ff]ollow-?up\s+period\s+of)\s+(?:a\s+(?:median|mean)\s+(?:of\s+)?|up\s+to\s+|about\s+|approximately\s+)?(${COUNT}|\d+\.\d+)\s+${UNIT}`, 'g'),
  // "at week 16", "by week 16", "through week 40"
  /\b(?:[Aa]t|[Bb]y|[Tt]hrough|[Uu]ntil)\s+[Ww]eek\s+(\d{1,3})\b(?!\s*[-–])/g,
  // "at 16 weeks"
  new RegExp(String.raw`\b(?:[Aa]t|[Bb]y|[Aa]fter)\s+(\d{1,3})\s+([Ww]eeks|[Mm]onths|[Yy]ears)\b(?!\s+(?:of|old|before|earlier|later|ago|apart))`, 'g'),
];

/** "over 12 months of follow-up", "after 2 years of follow-up": anchored on "of follow-up". */
const OF_FOLLOW_UP = /\s+of\s+follow-?up\b/g;
const DURATION_BEFORE = new RegExp(String.raw`\b(?:[Oo]ver|[Dd]uring|[Ff]or|[Aa]fter|[Ww]ith)\s+(?:a\s+(?:median|mean)\s+(?:of\s+)?)?(${COUNT}|\d+\.\d+)\s+${UNIT}$`);
/** "a 40-week follow-up", "52-week extension": anchored on "-week follow-up". */
const HYPHEN_FOLLOW_UP = /-(day|week|month|year)\s+(?:follow-?up|extension|open-label\s+extension)\b/g;
const COUNT_BEFORE = new RegExp(String.raw`(?:^|[^\w-])(${COUNT})$`);

function duration(count: string, unit: string): string | null {
  const n = parseCount(count) ?? (/^\d+\.\d+$/.test(count) ? Number(count) : null);
  if (n === null || n <= 0) return null;
  const singular = unit.toLowerCase().replace(/s$/, '');
  return `${n} ${singular}${n === 1 ? '' : 's'}`;
}

export function followUpFacts(text: string): AttributionFact[] {
  const facts: AttributionFact[] = [];
  for (const pattern of FOLLOW_UP) {
    for (const m of text.matchAll(pattern)) {
      const norm = duration(m[1]!, m[2] ?? 'weeks');
      if (norm === null) continue;
      // The value is the duration as written: "52 weeks", "week 16".
      const value = /(?:[Ww]eek\s+)?\S+\s+\S+$/.exec(m[0])?.[0] ?? m[0];
      facts.push(fact('follow-up', 'text', value, norm, span(text, m.index, m.index + m[0].length)));
    }
  }
  for (const anchor of text.matchAll(OF_FOLLOW_UP)) {
    const from = Math.max(0, anchor.index - 50);
    const m = DURATION_BEFORE.exec(text.slice(from, anchor.index));
    const norm = m ? duration(m[1]!, m[2]!) : null;
    if (!m || norm === null) continue;
    const start = from + m.index;
    facts.push(fact('follow-up', 'text', `${m[1]!} ${m[2]!}`, norm, span(text, start, anchor.index + anchor[0].length)));
  }
  for (const anchor of text.matchAll(HYPHEN_FOLLOW_UP)) {
    const from = Math.max(0, anchor.index - 20);
    const m = COUNT_BEFORE.exec(text.slice(from, anchor.index));
    const norm = m ? duration(m[1]!, anchor[1]!) : null;
    if (!m || norm === null) continue;
    const start = anchor.index - m[1]!.length;
    facts.push(fact('follow-up', 'text', text.slice(start, anchor.index + anchor[1]!.length + 1), norm, span(text, start, anchor.index + anchor[0].length)));
  }
  return facts.sort((a, b) => a.quote.start - b.quote.start);
}

const YEAR = String.raw`((?:19|20)\d{2})(?!\d)`;
const RANGE = new RegExp(String.raw`\b(?:[Ff]rom|[Bb]etween)\s+(?:(${MONTH})\s+)?${YEAR}\s*(?:to|and|until|through|[–-])\s*(?:(${MONTH})\s+)?${YEAR}`, 'g');
const CONDUCTED = new RegExp(String.raw`\b(?:conducted|carried\s+out|performed|ran|run|took\s+place|enroll?ed|recruited)\s+(?:in|during)\s+(?:(${MONTH})\s+)?${YEAR}`, 'g');

function yearMonth(year: string, month: string | undefined): string {
  const m = monthNumber(month);
  return m === null ? year : `${year}-${String(m).padStart(2, '0')}`;
}

export function dateFacts(text: string): AttributionFact[] {
  const facts: AttributionFact[] = [];
  for (const m of text.matchAll(RANGE)) {
    const [, m1, y1, m2, y2] = m;
    if (Number(y2) < Number(y1)) continue;
    const norm = `${yearMonth(y1!, m1)}..${yearMonth(y2!, m2)}`;
    const value = m[0].replace(/^(?:from|between)\s+/i, '');
    facts.push(fact('dates', 'text', value, norm, span(text, m.index, m.index + m[0].length)));
  }
  for (const m of text.matchAll(CONDUCTED)) {
    const norm = yearMonth(m[2]!, m[1]);
    facts.push(fact('dates', 'text', m[0].replace(/^.*?\s(?:in|during)\s+/, ''), norm, span(text, m.index, m.index + m[0].length)));
  }
  return facts.sort((a, b) => a.quote.start - b.quote.start);
}

const PUBLISHED_IN_YEAR = new RegExp(String.raw`\b(?:[Pp]ublished|[Aa]ppeared|[Rr]eleased)\s+(?:online\s+)?(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?(?:${MONTH}\s+(?:\d{1,2},?\s+)?)?${YEAR}`, 'g');
const A_YEAR_STUDY = new RegExp(String.raw`\b[Aa]n?\s+${YEAR}\s+(?:study|paper|article|report|publication|analysis|review|meta-analysis)\b`, 'g');

export function yearFacts(text: string): AttributionFact[] {
  const facts: AttributionFact[] = [];
  for (const pattern of [PUBLISHED_IN_YEAR, A_YEAR_STUDY]) {
    for (const m of text.matchAll(pattern)) {
      const year = m[1]!;
      facts.push(fact('year', 'text', year, year, span(text, m.index, m.index + m[0].length)));
    }
  }
  return facts.sort((a, b) => a.quote.start - b.quote.start);
}

export function doiFacts(text: string): AttributionFact[] {
  return findDoiSpans(text).map((d) => fact('doi', 'text', d.doi, d.doi.toLowerCase(), span(text, d.start, d.end)));
}
