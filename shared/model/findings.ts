/**
 * What the finders read out of an article's text (never persisted as such: derived, recomputed from
 * the text) and what the discrepancy rules suggest. Every finding carries the exact span it came
 * from: a suggestion is never a fact, it is a quote a person can check.
 */
import { z } from 'zod';
import { AnnotationId, ArticleId, IsoTime, ReviewerId } from './ids.js';
import { Anchor, DiscrepancyStatus, Severity } from './annotation.js';
import { StudyGroupId } from './review.js';

/** A span of an article's text: [start, end) in UTF-16 code units, as everywhere else in Evidentia. */
export const TextSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
});
export type TextSpan = z.infer<typeof TextSpan>;

/** The shape of a numeric result as written. */
export const ResultShape = z.enum([
  'estimate-ci', // "-9.36 (95% CI: -12.52, -6.19)", "HR 0.74, 95% CI 0.61 to 0.90", "2.1 [1.2–3.4]"
  'p-value', // "p < 0.0001", "P=.03"
  'percentage', // "79% of the IVIG patients"
  'count', // "12/40 (30%)", "11 out of 17 patients"
  'mean-sd', // "5.2 ± 1.1", "mean 5.2 (SD 1.1)"
  'median-iqr', // "median 4 (IQR 2–7)"
  'ratio', // "OR 1.8", "RR = 0.62" without an interval
  'sample-size', // "enrolled 95 patients"
  'arm-size', // "47 patients received IVIg"
  // A between-group result stated without its numbers ("no significant difference in HDL at 12 months",
  // "a significant increase in PI"): value null, the direction in `measure`.
  'comparison',
]);
export type ResultShape = z.infer<typeof ResultShape>;

/** One numeric result the outcome finder suggests, with its best guesses from the sentence. */
export const OutcomeSuggestion = z.object({
  /** Stable for the same text: `${shape}:${start}:${end}`. Rejections are remembered by it. */
  key: z.string().min(1).max(200),
  articleId: ArticleId,
  shape: ResultShape,
  /** The quote: the value and its interval / p / n as written. */
  quote: TextSpan,
  /** The sentence around it (for display and for the guesses). */
  sentence: TextSpan,
  /** Numbers as parsed (Unicode minus, decimal comma, thin spaces handled); null when not written. */
  value: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  /** The p-value as written, normalised: "<0.0001", "0.03". */
  p: z.string().nullable(),
  n: z.number().nullable(),
  events: z.number().nullable(),
  sd: z.number().nullable(),
  /** "%", "points", "kg"… when written next to the value. */
  unit: z.string(),
  /** Best guesses; '' when the sentence gives none. */
  measure: z.string(), // "mean difference", "HR", "OR", "%", "mean", "median", "n"
  outcome: z.string(),
  arm: z.string(),
  timepoint: z.string(),
});
export type OutcomeSuggestion = z.infer<typeof OutcomeSuggestion>;

/** What an attribution fact is about. */
export const FactKind = z.enum([
  'journal', // "published in The Lancet", or a reference's journal
  'year', // publication year
  'lead-author', // "Werth and colleagues", a reference's first author
  'doi',
  'trial-id', // NCT01234567, ISRCTN12345678, EudraCT 2016-001234-12
  'acronym', // "ProDERM trial"
  'sample-size', // "enrolled 95 patients"
  'follow-up', // "followed for 40 weeks", "at week 16"
  'dates', // "from February 2017 to November 2019"
]);
export type FactKind = z.infer<typeof FactKind>;

/** Where in the article a fact was said: the running text, or the article's own reference list. */
export const FactSource = z.enum(['text', 'reference']);
export type FactSource = z.infer<typeof FactSource>;

export const AttributionFact = z.object({
  kind: FactKind,
  source: FactSource,
  /** As written ("The Lancet", "N Engl J Med", "Werth"). */
  value: z.string(),
  /** Comparable form: canonical journal name, surname lowercased without accents, year digits, DOI lowercased… */
  normalised: z.string(),
  /** The quote a discrepancy will link (e.g. "published in The Lancet by Victoria P. Werth"). */
  quote: TextSpan,
  /** For source 'reference': the index of the reference in ArticleFacts.references. */
  reference: z.number().int().nonnegative().nullable(),
});
export type AttributionFact = z.infer<typeof AttributionFact>;

/** One entry of an article's reference list, parsed. */
export const ParsedReference = z.object({
  quote: TextSpan,
  authors: z.array(z.string()), // surnames as written, first author first
  title: z.string().nullable(),
  journal: z.string().nullable(), // as written
  journalNormalised: z.string().nullable(), // canonical full name (or the cleaned name when unlisted)
  year: z.number().int().nullable(),
  volume: z.string().nullable(),
  pages: z.string().nullable(),
  doi: z.string().nullable(),
});
export type ParsedReference = z.infer<typeof ParsedReference>;

/** Everything the citation and attribution finder read out of one article. */
export const ArticleFacts = z.object({
  articleId: ArticleId,
  facts: z.array(AttributionFact),
  references: z.array(ParsedReference),
});
export type ArticleFacts = z.infer<typeof ArticleFacts>;

/** The rule vocabulary (a manual discrepancy may use any other word as its kind). */
export const DiscrepancyKind = z.enum([
  // one article against the reference it cites
  'journal-vs-reference',
  'year-vs-reference',
  'author-vs-reference',
  // articles of one study group
  'journal',
  'year',
  'lead-author',
  'doi',
  'sample-size',
  'follow-up',
  'dates',
  'outcome-value',
  // arithmetic inside one statement or article
  'percentage',
  'arm-sum',
  'estimate-outside-ci',
  'ci-p-value',
  'fold-change',
]);
export type DiscrepancyKind = z.infer<typeof DiscrepancyKind>;

export const DISCREPANCY_KIND_LABELS: Record<DiscrepancyKind, string> = {
  'journal-vs-reference': 'Journal named ≠ reference',
  'year-vs-reference': 'Year named ≠ reference',
  'author-vs-reference': 'Author named ≠ reference',
  journal: 'Journal',
  year: 'Year',
  'lead-author': 'Lead author',
  doi: 'DOI',
  'sample-size': 'Sample size',
  'follow-up': 'Follow-up',
  dates: 'Study dates',
  'outcome-value': 'Outcome value',
  percentage: 'n/N vs %',
  'arm-sum': 'Arms ≠ total',
  'estimate-outside-ci': 'Estimate outside CI',
  'ci-p-value': 'CI vs p-value',
  'fold-change': 'Fold change vs %',
};

/** How a kind reads: a rule's label, or a reviewer's own word as a title ("author" → "Author"). */
export function discrepancyKindLabel(kind: string): string {
  const word = kind.trim();
  if (word === '') return 'Discrepancy';
  if (Object.prototype.hasOwnProperty.call(DISCREPANCY_KIND_LABELS, word)) return DISCREPANCY_KIND_LABELS[word as DiscrepancyKind];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export const QuoteRef = TextSpan.extend({ articleId: ArticleId });
export type QuoteRef = z.infer<typeof QuoteRef>;

/** What a rule produces: the disagreeing quotes, what kind of disagreement, why, how serious. */
export const SuggestedDiscrepancy = z.object({
  /** Stable for the same texts: rule + quotes. Used to never suggest the same thing twice. */
  fingerprint: z.string().min(1).max(500),
  kind: DiscrepancyKind,
  severity: Severity,
  /** One sentence a reader understands without the rule ("The text says The Lancet; its reference is EClinicalMedicine."). */
  explanation: z.string().min(1).max(2000),
  quotes: z.array(QuoteRef).min(1).max(10),
  /** The study group the articles belong to (cross-article rules), else null. */
  studyGroupId: StudyGroupId.nullable(),
});
export type SuggestedDiscrepancy = z.infer<typeof SuggestedDiscrepancy>;

/** A study group the grouping proposes, with its evidence ("trial id NCT01234567", "acronym ProDERM"). */
export const ProposedStudyGroup = z.object({
  articleIds: z.array(ArticleId).min(2),
  label: z.string().max(300),
  evidence: z.array(z.string().max(300)).max(20),
});
export type ProposedStudyGroup = z.infer<typeof ProposedStudyGroup>;

/** `evidentia check` and checks.run: every suggestion, as a person will review them. */
export const CheckReport = z.object({
  articles: z.number().int().nonnegative(),
  outcomes: z.array(OutcomeSuggestion),
  discrepancies: z.array(SuggestedDiscrepancy),
  studies: z.array(z.object({ id: StudyGroupId, label: z.string(), articleIds: z.array(ArticleId), status: z.string(), evidence: z.array(z.string()) })),
  /** Suggested discrepancies new to the review (stored) and those already known (any status). */
  stored: z.object({ added: z.number().int().nonnegative(), known: z.number().int().nonnegative() }),
});
export type CheckReport = z.infer<typeof CheckReport>;

/** One quote of a discrepancy on the board: the annotation, its article and where it sits. */
export const DiscrepancyQuote = z.object({
  annotationId: AnnotationId,
  articleId: ArticleId,
  articleLabel: z.string(),
  exact: z.string(),
  anchor: Anchor,
});
export type DiscrepancyQuote = z.infer<typeof DiscrepancyQuote>;

/**
 * A discrepancy as the board shows it: the linked discrepancy annotations (a connected group of
 * `links`) as one item. Its id is the id of its first annotation.
 */
export const DiscrepancyItem = z.object({
  id: AnnotationId,
  annotationIds: z.array(AnnotationId).min(1),
  kind: z.string(),
  severity: Severity,
  status: DiscrepancyStatus,
  note: z.string(),
  reason: z.string(),
  /** 'evidentia' for rule suggestions, else the reviewer who tagged it. */
  reviewer: ReviewerId,
  quotes: z.array(DiscrepancyQuote).min(1),
  studyGroupId: StudyGroupId.nullable(),
  studyLabel: z.string().nullable(),
  created: IsoTime,
  updated: IsoTime,
});
export type DiscrepancyItem = z.infer<typeof DiscrepancyItem>;

/** The reviewer id under which rule suggestions are stored. */
export const RULES_REVIEWER = 'evidentia';
