/**
 * Coverage of the outcome finder on the Evidence Inference corpus (../shared/corpus/outcomes): among
 * the distinct annotated evidence spans (article + start + end) whose evidence text contains a
 * digit, the share overlapped by at least one suggestion's quote. The corpus offsets count code
 * points (Python string indices); Evidentia's spans count UTF-16 units, so they are converted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findOutcomes } from '../../shared/extraction/outcomes/index.js';
import type { OutcomeSuggestion } from '../../shared/model/index.js';

export interface Evidence {
  article: string;
  /** UTF-16 offsets into the article text. */
  start: number;
  end: number;
  text: string;
  covered: boolean;
}

export interface ArticleCoverage {
  article: string;
  chars: number;
  evidence: number;
  covered: number;
  suggestions: number;
  ms: number;
}

export interface CoverageReport {
  corpus: string;
  articles: ArticleCoverage[];
  total: number;
  covered: number;
  /** covered / total */
  coverage: number;
  suggestions: number;
  meanSuggestionsPerArticle: number;
  maxSuggestionsPerArticle: number;
  /** Suggestions per 1,000 characters of text, over the whole corpus. */
  suggestionsPerKChar: number;
  byShape: Record<string, number>;
  totalMs: number;
  /**
   * The control, measured in the same run: the share of spans of the same lengths, placed at
   * random positions of the same articles (fixed seed), that some suggestion overlaps. Coverage far
   * above it means the suggestions sit on the evidence, not all over the text.
   */
  chanceCoverage: number;
  /** Share of the corpus's characters inside some suggestion's quote. */
  quotedShare: number;
  missed: Evidence[];
  /** The suggestions of the shape asked for (`listShape`), to read them. */
  listed: Array<{ article: string; suggestion: OutcomeSuggestion }>;
}

interface Annotation {
  'Evidence Start': string | number;
  'Evidence End': string | number;
  Annotations: string;
}
interface Labels {
  articles: Record<string, { text_file: string; annotations: Annotation[] }>;
}

/** UTF-16 index of each code-point index (length + 1 entries, so an exclusive end converts too). */
export function codePointToUtf16(text: string): Uint32Array {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[cp++] = i;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  map[cp] = text.length;
  return map.subarray(0, cp + 1);
}

/** A 16-hex article id for the finder (the corpus names articles PMCxxxx). */
function articleIdOf(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return (h.toString(16).padStart(8, '0') + h.toString(16).padStart(8, '0')).slice(0, 16);
}

export async function measureCoverage(corpus: string, options: { listShape?: string } = {}): Promise<CoverageReport> {
  const labels = JSON.parse(await readFile(path.join(corpus, 'labels.json'), 'utf8')) as Labels;
  const articles: ArticleCoverage[] = [];
  const missed: Evidence[] = [];
  const listed: CoverageReport['listed'] = [];
  const byShape: Record<string, number> = {};
  let total = 0;
  let covered = 0;
  let suggestions = 0;
  let chars = 0;
  let totalMs = 0;
  let chanceTrials = 0;
  let chanceHits = 0;
  let quotedChars = 0;
  const random = seededRandom(20261121);
  for (const [name, article] of Object.entries(labels.articles).sort(([a], [b]) => a.localeCompare(b))) {
    const text = await readFile(path.join(corpus, article.text_file), 'utf8');
    const t0 = performance.now();
    const found: OutcomeSuggestion[] = findOutcomes(articleIdOf(name), text);
    const ms = performance.now() - t0;
    totalMs += ms;
    for (const s of found) {
      byShape[s.shape] = (byShape[s.shape] ?? 0) + 1;
      if (s.shape === options.listShape) listed.push({ article: name, suggestion: s });
    }
    const map = codePointToUtf16(text);
    const seen = new Set<string>();
    let evidence = 0;
    let hit = 0;
    for (const a of article.annotations) {
      const cpStart = Number(a['Evidence Start']);
      const cpEnd = Number(a['Evidence End']);
      const key = `${cpStart}:${cpEnd}`;
      if (seen.has(key) || !/\d/.test(a.Annotations)) continue;
      seen.add(key);
      if (!(cpStart >= 0 && cpEnd <= map.length - 1 && cpStart < cpEnd)) throw new Error(`${name}: evidence ${key} is outside the text`);
      const start = map[cpStart]!;
      const end = map[cpEnd]!;
      const isCovered = found.some((s) => s.quote.start < end && start < s.quote.end);
      for (let trial = 0; trial < CHANCE_TRIALS; trial++) {
        const at = Math.floor(random() * Math.max(1, text.length - (end - start)));
        chanceTrials++;
        if (found.some((s) => s.quote.start < at + (end - start) && at < s.quote.end)) chanceHits++;
      }
      evidence++;
      if (isCovered) hit++;
      else missed.push({ article: name, start, end, text: text.slice(start, end), covered: false });
    }
    articles.push({ article: name, chars: text.length, evidence, covered: hit, suggestions: found.length, ms });
    const quoted = new Uint8Array(text.length);
    for (const s of found) quoted.fill(1, s.quote.start, s.quote.end);
    quotedChars += quoted.reduce((sum, v) => sum + v, 0);
    total += evidence;
    covered += hit;
    suggestions += found.length;
    chars += text.length;
  }
  return {
    corpus,
    articles,
    total,
    covered,
    coverage: total === 0 ? 0 : covered / total,
    suggestions,
    meanSuggestionsPerArticle: articles.length === 0 ? 0 : suggestions / articles.length,
    maxSuggestionsPerArticle: Math.max(0, ...articles.map((a) => a.suggestions)),
    suggestionsPerKChar: chars === 0 ? 0 : (suggestions * 1000) / chars,
    byShape,
    totalMs,
    chanceCoverage: chanceTrials === 0 ? 0 : chanceHits / chanceTrials,
    quotedShare: chars === 0 ? 0 : quotedChars / chars,
    missed,
    listed,
  };
}

/** Random spans per evidence span for the chance control. */
const CHANCE_TRIALS = 50;

/** mulberry32: a small deterministic generator, so the control prints the same figure every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function formatReport(report: CoverageReport, options: { missed?: boolean; listed?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`Outcome finder coverage on ${report.corpus}`);
  lines.push('');
  lines.push('article        chars  evidence covered suggestions     ms');
  for (const a of report.articles) {
    lines.push(
      `${a.article.padEnd(12)} ${String(a.chars).padStart(7)} ${String(a.evidence).padStart(9)} ${String(a.covered).padStart(7)} ${String(a.suggestions).padStart(11)} ${a.ms.toFixed(2).padStart(6)}`,
    );
  }
  lines.push('');
  lines.push(`coverage: ${report.covered}/${report.total} = ${report.coverage.toFixed(3)} of distinct evidence spans with a digit`);
  lines.push(
    `control: ${report.chanceCoverage.toFixed(3)} of spans of the same lengths at random positions are overlapped ` +
      `(suggestion quotes hold ${(report.quotedShare * 100).toFixed(1)}% of the text)`,
  );
  lines.push(`suggestions: ${report.suggestions} in ${report.articles.length} articles, mean ${report.meanSuggestionsPerArticle.toFixed(1)} (max ${report.maxSuggestionsPerArticle}) per article, ${report.suggestionsPerKChar.toFixed(2)} per 1,000 characters`);
  lines.push(`by shape: ${Object.entries(report.byShape).sort(([, a], [, b]) => b - a).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`time: ${report.totalMs.toFixed(1)} ms for ${report.articles.length} articles (first call includes regex compilation)`);
  if (options.listed && report.listed.length > 0) {
    lines.push('');
    lines.push(`${report.listed[0]!.suggestion.shape} suggestions (${report.listed.length}): quote | measure | outcome | arm | time point`);
    for (const { article, suggestion: s } of report.listed) {
      lines.push(`- ${article} [${s.quote.start}] ${s.quote.exact.replace(/\s+/g, ' ')} | ${s.measure} | ${s.outcome} | ${s.arm} | ${s.timepoint}`);
    }
  }
  if (options.missed) {
    lines.push('');
    lines.push(`missed (${report.missed.length}):`);
    for (const m of report.missed) lines.push(`- ${m.article} [${m.start}, ${m.end}) ${m.text.replace(/\s+/g, ' ').trim()}`);
  }
  return lines.join('\n');
}
