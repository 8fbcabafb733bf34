/**
 * Sample and arm sizes: "enrolled 95 patients", "47 were placed in the IVIG group", "placebo (n = 48)".
 */
import { S, int } from './numbers.js';
import { parseNumber } from './normalise.js';
import { POPULATION, emptyCandidate as base, lookBack, type Pattern } from './candidate.js';

const ENROL_BEFORE = /(?<![A-Za-z])(?:enrolled|enroled|randomi[sz]ed|randomly assigned|randomly allocated|recruited|included|involved|studied|comprised|analy[sz]ed|looked at|a total of|totall?ing)[ ]{1,3}(?:a total of[ ]{1,3})?$/i;
const ASSIGN_VERB = '(?:randomly assigned|randomly allocated|randomi[sz]ed|assigned|allocated|placed|included|enrolled)';
const ASSIGN_BEFORE = new RegExp(`(?<![A-Za-z])${ASSIGN_VERB}${S}$`);
const CONTINUATION_BEFORE = /(?:\band|,)[ ]{0,3}$/;
const ARM_WORDS = '(?<arm>[A-Za-z][\\w/+-]{1,30}(?: [A-Za-z][\\w/+-]{0,30}){0,2}?)';
const ARM_TAIL = `(?:${S}(?:group|arm|regimen)s?\\b|(?=${S}(?:[,;.)]|and\\b|or\\b|versus\\b|vs\\b|during\\b|for\\b|at\\b|\\()))`;

/** "enrolled 95 patients", "A total of 670 patients", "95 patients were randomly assigned". */
export const sampleSize: Pattern = {
  re: new RegExp(
    `(?=\\d)${int('a')}${S}(?:[a-z-]{2,20}${S})?${POPULATION}(?<tail>${S}(?:were|was|had been)${S}(?:randomly${S})?(?:enrolled|randomi[sz]ed|assigned|allocated|recruited|included|studied|analy[sz]ed))?`,
    'g',
  ),
  build(m, g, text) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    let start = m.index;
    if (g.tail !== undefined) {
      // "200 patients were randomly assigned to tiotropium" is an arm; "… to receive either" is the total
      if (/^ ?(?:to|into) +(?!either|one|receive either|receive one)/.test(after)) return null;
    } else {
      const before = lookBack(ENROL_BEFORE, text, m.index, 40);
      if (!before || /^ ?(?:to|into)\b/.test(after)) return null;
      start = before.start;
    }
    const c = base('sample-size', start, m.index + m[0].length);
    c.n = parseNumber(g.a!);
    return c;
  },
};

/** "47 were placed in the IVIG group", "randomly assigned 350 patients to receive erlotinib", "and 48 in the placebo group", ", 244 to capecitabine". */
export const armSizeSentence: Pattern = {
  re: new RegExp(
    `(?=\\d)${int('a')}${S}(?:${POPULATION}${S})?(?:(?<verb>(?:were|was)${S}(?:randomly${S})?${ASSIGN_VERB})${S})?(?:to|into|in)${S}(?:receive${S})?(?:the${S})?${ARM_WORDS}${ARM_TAIL}`,
    'g',
  ),
  build(m, g, text, ctx) {
    const arm = g.arm!;
    if (/^(?:either|one|two|three|each|both|receive|be|a|an|study|treatment|this)\b/i.test(arm)) return null;
    let start = m.index;
    if (g.verb === undefined) {
      const assign = lookBack(ASSIGN_BEFORE, text, m.index, 30);
      if (assign) start = assign.start;
      else if (CONTINUATION_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index))) {
        // a continuation ("and 48 in the placebo group") counts only in an allocation sentence
        const line = text.slice(Math.max(0, start - 200), start);
        if (!/assigned|allocated|randomi[sz]ed|placed|enrolled/i.test(line) && !ctx.arms.has(arm.toLowerCase())) return null;
      } else return null;
    }
    const c = base('arm-size', start, m.index + m[0].length);
    c.n = parseNumber(g.a!);
    c.arm = arm;
    return c;
  },
};

const ARM_BEFORE = new RegExp(`(?<![\\w-])(?<arm>[A-Za-z][\\w/+-]{1,30})(?:${S}(?:group|arm))?${S}$`);

/** "IVIg (47 patients)", "placebo (n = 48)", "erlotinib (n=17)" — for an arm the article names. */
export const armSizeParen: Pattern = {
  re: new RegExp(`\\(${S}(?:[nN]${S}=${S}${int('a')}|${int('b')}${S}${POPULATION})${S}\\)`, 'g'),
  build(m, g, text, ctx) {
    const before = lookBack(ARM_BEFORE, text, m.index, 45);
    const arm = before?.groups.arm;
    if (!before || !arm || !ctx.arms.has(arm.toLowerCase())) return null;
    const c = base('arm-size', before.start, m.index + m[0].length);
    c.n = parseNumber(g.a ?? g.b!);
    c.arm = arm;
    return c;
  },
};
