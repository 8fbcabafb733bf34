/**
 * The annotations of one article: outcome records on the numbers the text reports (~70%),
 * discrepancies linking quotes in other articles (~10%), notes and tags (~20%). Targets are made
 * with the app's own describe(), so every generated annotation anchors exactly on open.
 */
import { describe } from '../../shared/anchoring/index.js';
import type { Annotation, AnnotationBody, Article } from '../../shared/model/index.js';
import { DEFAULT_TEMPLATE_REF } from '../../shared/model/index.js';
import { Rng } from './prng.js';
import type { PlacedFact } from './texts.js';

const SALT_ID = 0xa11;
const SALT_BODY = 0xb0d;
const DAY_MS = 86_400_000;

/** The id of the annotation with this global index: a seeded UUID, so links can name annotations not yet written. */
export function annotationId(seed: number, globalIndex: number): string {
  return Rng.of(seed, SALT_ID, globalIndex, Math.floor(globalIndex / 4294967296)).uuid();
}

const OPTIONAL_FIELDS = ['measure', 'unit', 'timepoint', 'n', 'p_value'];
const OUTCOME_TAGS = [['primary'], ['check'], ['ITT'], ['per-protocol'], ['primary', 'check'], ['imputed']];
const NOTES = [
  'Check against the supplementary appendix.',
  'Numbers differ from the registry entry.',
  'Denominator unclear: ITT or per-protocol?',
  'Same cohort as the 2019 report?',
  'Ask the authors for SDs.',
  'Follow-up shorter than planned.',
  'Outcome definition changed after registration.',
  'Baseline imbalance in this arm.',
];
const TAG_NOTES = ['#exclude wrong population', '#exclude wrong comparator', '#include', '#maybe', '#needs second reviewer', '#risk-of-bias high'];
const KINDS = ['outcome-value', 'sample-size', 'percentage', 'follow-up', 'arm-sum', 'estimate-outside-ci', 'ci-p-value', 'different denominator', 'selective reporting'];

/** A sentence around a random point (at most ~300 characters), or a short word span. */
export function sentenceSpan(text: string, rng: Rng): [number, number] {
  const pos = rng.int(0, text.length - 1);
  let start = Math.max(text.lastIndexOf('. ', pos) + 2, text.lastIndexOf('\n', pos) + 1, 0);
  if (start > pos) start = pos;
  const stops = [text.indexOf('. ', pos), text.indexOf('\n', pos)].filter((i) => i >= 0);
  let end = stops.length > 0 ? Math.min(...stops) + 1 : text.length;
  if (end - start > 300) end = Math.max(start + 1, text.lastIndexOf(' ', start + rng.int(20, 200)));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return [0, Math.min(text.length, 40)];
  return [start, end];
}

function outcomeBody(rng: Rng, fact: PlacedFact): AnnotationBody {
  const fields: Record<string, string> = { ...fact.fields };
  // Reviewers do not fill every optional field.
  for (const key of OPTIONAL_FIELDS) if (key in fields && rng.chance(0.2)) delete fields[key];
  if (rng.chance(0.1)) fields.note = rng.pick(NOTES);
  const status = rng.weighted([0.5, 0.35, 0.15]);
  return {
    type: 'outcome',
    template: DEFAULT_TEMPLATE_REF,
    fields,
    status: (['in-progress', 'complete', 'verified'] as const)[status]!,
    tags: rng.chance(0.15) ? rng.pick(OUTCOME_TAGS) : [],
  };
}

function discrepancyBody(rng: Rng, links: string[]): AnnotationBody {
  const status = (['confirmed', 'suggested', 'dismissed'] as const)[rng.weighted([0.5, 0.3, 0.2])]!;
  return {
    type: 'discrepancy',
    kind: rng.pick(KINDS),
    note: rng.pick(NOTES),
    links,
    status,
    severity: (['low', 'medium', 'high'] as const)[rng.weighted([0.3, 0.5, 0.2])]!,
    reason: status === 'dismissed' ? rng.pick(['rounding', 'different analysis population', 'typo in the registry']) : '',
    fingerprint: null,
  };
}

export interface ArticleAnnotationsInput {
  seed: number;
  article: Article;
  articleIndex: number;
  facts: readonly PlacedFact[];
  /** Global index of this article's first annotation, and the review's total. */
  offset: number;
  total: number;
  split: ReadonlyArray<{ reviewer: string; count: number }>;
}

/** Annotations per reviewer, each list in creation order. */
export function articleAnnotations(input: ArticleAnnotationsInput): Map<string, Annotation[]> {
  const { seed, article, facts, offset, total } = input;
  const rng = Rng.of(seed, SALT_BODY, input.articleIndex);
  const count = input.split.reduce((s, r) => s + r.count, 0);
  const imported = Date.parse(article.importedAt);
  const out = new Map<string, Annotation[]>();
  let g = offset;
  for (const { reviewer, count: n } of input.split) {
    const list: Annotation[] = [];
    for (let j = 0; j < n; j++, g++) {
      const roll = rng.next();
      let span: [number, number];
      let body: AnnotationBody;
      if (roll < 0.7 && facts.length > 0) {
        const fact = rng.pick(facts);
        span = [fact.start, fact.end];
        body = outcomeBody(rng, fact);
      } else if (roll < 0.8 && total > count) {
        span = facts.length > 0 && rng.chance(0.6) ? ((f) => [f.start, f.end] as [number, number])(rng.pick(facts)) : sentenceSpan(article.text, rng);
        body = discrepancyBody(rng, [otherIndex(rng, offset, count, total), otherIndex(rng, offset, count, total)].map((k) => annotationId(seed, k)));
      } else {
        span = sentenceSpan(article.text, rng);
        body = { type: 'note', text: rng.chance(0.3) ? rng.pick(TAG_NOTES) : rng.pick(NOTES) };
      }
      const created = imported + rng.int(1, 180) * DAY_MS + rng.int(0, DAY_MS - 1);
      const updated = rng.chance(0.5) ? created : created + rng.int(60_000, 30 * DAY_MS);
      list.push({
        id: annotationId(seed, g),
        articleId: article.id,
        reviewer,
        target: { source: article.id, sourceHash: article.source.sha256, selector: describe(article.text, span[0], span[1], article.pages) },
        body,
        created: new Date(created).toISOString(),
        updated: new Date(updated).toISOString(),
      });
    }
    list.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
    out.set(reviewer, list);
  }
  return out;
}

/** A global annotation index outside [offset, offset + count): an annotation of another article. */
function otherIndex(rng: Rng, offset: number, count: number, total: number): number {
  const k = rng.int(0, total - count - 1);
  return k < offset ? k : k + count;
}
