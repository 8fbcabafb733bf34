/**
 * Article texts: a citation record's structured abstract (1–2.5 KB) and a full trial report
 * (15–60 KB: Abstract, Introduction, Methods, Results, Discussion, References) as plain text or
 * Markdown. Running text mixes sentence templates with Zipf-drawn words, so the texts have the
 * skewed word frequencies real articles have. Result sentences carry facts (see study.ts), located
 * in the final text by search, so their offsets are right whatever the Markdown reader makes of it.
 */
import { markdownToText } from '../../electron/core/import/markdown-text.js';
import { Rng, Zipf } from './prng.js';
import { cap, makeStudy, pickTimepoint, resultSentence, type Fact, type Study } from './study.js';
import { CONDITIONS, DRUGS, MEDICAL_TERMS, RARE_TERMS, RUNNING_WORDS } from './vocab.js';

/** A fact placed in an article's text: [start, end) holds fact.quote. */
export interface PlacedFact {
  start: number;
  end: number;
  fields: Record<string, string>;
}

export interface GeneratedText {
  study: Study;
  /** The readable text (Article.text): what selectors point into. */
  text: string;
  /** The original file's content (for citations: the abstract; the RIS file is written elsewhere). */
  source: string;
  facts: PlacedFact[];
  rareTerms: string[];
}

/** Words that glue content words together; running text alternates the two, never twice the same word. */
const FUNCTION_WORDS = new Set(['the', 'of', 'and', 'in', 'to', 'a', 'with', 'was', 'were', 'for', 'that', 'by', 'on', 'at', 'as', 'is', 'from', 'or', 'than', 'after', 'between', 'during', 'within', 'across', 'over', 'per', 'among', 'while']);
const glue = new Zipf([...FUNCTION_WORDS], 0.9);
const content = new Zipf(RUNNING_WORDS.filter((w) => !FUNCTION_WORDS.has(w)), 1.05);

function salad(rng: Rng, s: Study): string {
  const n = rng.int(8, 24);
  const out: string[] = [content.draw(rng)];
  let lastGlue = false;
  while (out.length < n) {
    const roll = rng.next();
    let word: string;
    if (!lastGlue && roll < 0.4) word = glue.draw(rng);
    else if (roll < 0.43) word = s.drug;
    else if (roll < 0.45) word = s.condition;
    else if (roll < 0.48) word = `${rng.fixed(0.5, 99, 1)}%`;
    else if (roll < 0.49) word = String(rng.int(2, 900));
    else word = content.draw(rng);
    if (word === out[out.length - 1]) continue;
    lastGlue = FUNCTION_WORDS.has(word);
    out.push(word);
  }
  if (lastGlue) out.pop();
  return `${cap(out.join(' '))}.`;
}

type Section = 'intro' | 'methods' | 'discussion';

const TEMPLATES: Record<Section, Array<(rng: Rng, s: Study) => string>> = {
  intro: [
    (r, s) => `${cap(s.condition)} affects about ${r.fixed(0.1, 12, 1)}% of adults and is associated with ${r.pick(MEDICAL_TERMS)}, ${r.pick(MEDICAL_TERMS)} and reduced quality of life.`,
    (r, s) => `Current treatment relies on ${r.pick(DRUGS)} and ${r.pick(DRUGS)}, but ${r.pick(MEDICAL_TERMS)} remains common in ${s.condition}.`,
    (r, s) => `Earlier trials of ${s.drug} in ${r.pick(CONDITIONS)} reported reductions in ${r.pick(s.outcomes).name}.`,
    (r) => `The mechanism may involve ${r.pick(MEDICAL_TERMS)} and ${r.pick(MEDICAL_TERMS)} pathways.`,
  ],
  methods: [
    (r, s) => `Participants were randomly assigned 1:1 to ${s.drug} ${r.pick([5, 10, 20, 40, 100, 200, 500])} mg ${r.pick(['once daily', 'twice daily', 'weekly', 'every 4 weeks'])} or ${s.comparator} for ${r.int(8, 104)} weeks.`,
    (r, s) => `Eligible patients were aged ${r.int(18, 40)} to ${r.int(65, 85)} years with ${s.condition} and ${r.pick(MEDICAL_TERMS)} at screening.`,
    (r, s) => `The primary outcome was ${s.outcomes[0]!.name} at ${pickTimepoint(r)}; secondary outcomes included ${r.pick(s.outcomes).name}.`,
    () => 'Analyses followed the intention-to-treat principle, and missing data were handled by multiple imputation.',
    (r) => `A sample of ${r.int(40, 2000)} participants gave ${r.pick([80, 85, 90])}% power to detect a difference at a two-sided alpha of 0.05.`,
  ],
  discussion: [
    (r, s) => `In this trial, ${s.drug} improved ${r.pick(s.outcomes).name} compared with ${s.comparator}.`,
    (r, s) => `These findings are consistent with previous studies of ${s.drug} in ${r.pick(CONDITIONS)}.`,
    (r) => `Limitations include the open-label extension, ${r.pick(['a short follow-up', 'missing outcome data', 'a selected population', 'a single country'])} and ${r.pick(MEDICAL_TERMS)} as a surrogate.`,
    (r, s) => `Rates of ${r.pick(MEDICAL_TERMS)} were ${r.pick(['similar', 'higher', 'lower'])} with ${s.drug} than with ${s.comparator}.`,
  ],
};

function sentence(rng: Rng, s: Study, section: Section): string {
  return rng.chance(0.4) ? rng.pick(TEMPLATES[section])(rng, s) : salad(rng, s);
}

function paragraph(rng: Rng, s: Study, section: Section, rare: string[]): string {
  const parts = Array.from({ length: rng.int(3, 7) }, () => sentence(rng, s, section));
  if (rare.length > 0 && rng.chance(0.3)) {
    const term = rare.shift()!;
    parts.push(`Unlike ${term}, ${s.drug} ${rng.pick(['was given', 'was studied', 'is licensed'])} in ${s.condition}.`);
  }
  return parts.join(' ');
}

function results(rng: Rng, s: Study, count: number): { text: string; facts: Fact[] } {
  const texts: string[] = [];
  const facts: Fact[] = [];
  for (let i = 0; i < count; i++) {
    const r = resultSentence(rng, s, rng.pick(s.outcomes), pickTimepoint(rng));
    texts.push(r.text);
    facts.push(...r.facts);
  }
  return { text: texts.join(' '), facts };
}

function reference(rng: Rng, i: number): string {
  const s = makeStudy(rng);
  const names = s.authors.slice(0, 3).map((a) => a.replace(/,|\./g, '').replace(/ (\S)\s?(\S?)$/, ' $1$2'));
  return `${i}. ${names.join(', ')}${s.authors.length > 3 ? ', et al' : ''}. ${s.title}. ${s.journal}. ${s.year};${s.volume}(${s.issue}):${s.page}. doi:${s.doi}`;
}

/** Find each fact's quote in the final text, in order; a fact not found (never expected) is dropped. */
function place(text: string, facts: readonly Fact[]): PlacedFact[] {
  const out: PlacedFact[] = [];
  let cursor = 0;
  for (const f of facts) {
    let at = text.indexOf(f.quote, cursor);
    if (at < 0) at = text.indexOf(f.quote);
    if (at < 0) continue;
    out.push({ start: at, end: at + f.quote.length, fields: f.fields });
    cursor = at + 1;
  }
  return out;
}

function takeRare(rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () => rng.pick(RARE_TERMS));
}

/** A citation record's abstract, 1–2.5 KB, structured as PubMed prints it. */
export function citationText(rng: Rng): GeneratedText {
  const s = makeStudy(rng);
  const target = rng.int(1000, 2500);
  const rare = rng.chance(0.3) ? takeRare(rng, 1) : [];
  const res = results(rng, s, rng.int(1, 3));
  const background = [sentence(rng, s, 'intro')];
  if (rare.length > 0) background.push(`Unlike ${rare[0]}, ${s.drug} had not been studied in ${s.condition}.`);
  const methods = [rng.pick(TEMPLATES.methods)(rng, s)];
  const conclusions = rng.pick(TEMPLATES.discussion)(rng, s);
  const length = () => background.join(' ').length + methods.join(' ').length + res.text.length + conclusions.length + 60;
  while (length() < target) (rng.chance(0.5) ? background : methods).push(sentence(rng, s, rng.chance(0.5) ? 'intro' : 'methods'));
  const text = `Background: ${background.join(' ')} Methods: ${methods.join(' ')} Results: ${res.text} Conclusions: ${conclusions}`;
  return { study: s, text, source: text, facts: place(text, res.facts), rareTerms: rare };
}

interface Block {
  heading: string | null;
  text: string;
}

/** A full trial report of 15–60 KB as .txt (format 'text') or .md (format 'markdown'). */
export function fullText(rng: Rng, format: 'text' | 'markdown'): GeneratedText {
  const s = makeStudy(rng);
  const target = rng.int(15_000, 60_000);
  const rare = takeRare(rng, rng.int(1, 3));
  const usedRare = [...rare];
  const facts: Fact[] = [];
  const blocks: Block[] = [
    { heading: null, text: s.authors.join('; ') },
    { heading: null, text: `${s.journal}. ${s.year};${s.volume}(${s.issue}):${s.page}. doi:${s.doi}` },
  ];
  if (s.trialId) blocks.push({ heading: null, text: `Trial registration: ClinicalTrials.gov ${s.trialId}` });
  const abstractResults = results(rng, s, 2);
  facts.push(...abstractResults.facts);
  blocks.push({
    heading: 'Abstract',
    text: `Background: ${sentence(rng, s, 'intro')} Methods: ${rng.pick(TEMPLATES.methods)(rng, s)} Results: ${abstractResults.text} Conclusions: ${rng.pick(TEMPLATES.discussion)(rng, s)}`,
  });
  const budget = (share: number) => Math.round(target * share);
  const section = (heading: string, share: number, make: () => string) => {
    let size = 0;
    let first = true;
    while (size < budget(share)) {
      const text = make();
      blocks.push({ heading: first ? heading : null, text });
      first = false;
      size += text.length;
    }
  };
  section('Introduction', 0.12, () => paragraph(rng, s, 'intro', rare));
  section('Methods', 0.25, () => paragraph(rng, s, 'methods', rare));
  section('Results', 0.33, () => {
    const r = results(rng, s, rng.int(1, 3));
    facts.push(...r.facts);
    return `${r.text} ${paragraph(rng, s, 'methods', [])}`;
  });
  section('Discussion', 0.18, () => paragraph(rng, s, 'discussion', rare));
  let refs = 0;
  section('References', 0.1, () => reference(rng, ++refs));
  usedRare.splice(usedRare.length - rare.length);
  const source = format === 'text' ? plain(s.title, blocks) : markdown(s.title, blocks);
  const text = format === 'text' ? source : markdownToText(source).text;
  return { study: s, text, source, facts: place(text, facts), rareTerms: usedRare };
}

function plain(title: string, blocks: readonly Block[]): string {
  const out = [title];
  for (const b of blocks) {
    if (b.heading) out.push(b.heading);
    out.push(b.text);
  }
  return `${out.join('\n\n')}\n`;
}

function markdown(title: string, blocks: readonly Block[]): string {
  const out = [`# ${title}`];
  for (const b of blocks) {
    if (b.heading) out.push(`## ${b.heading}`);
    out.push(b.text);
  }
  return `${out.join('\n\n')}\n`;
}
