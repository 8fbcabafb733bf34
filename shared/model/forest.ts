/** A forest plot as the contract carries it: the SVG plus what was and was not plotted, and why. */
import { z } from 'zod';
import { AnnotationId, ArticleId } from './ids.js';
import { TemplateId } from './template.js';

export const ForestQuery = z
  .object({
    templateId: TemplateId.optional(),
    /** Outcome name as extracted (o.outcome), matched case-insensitively after trimming. */
    outcome: z.string().min(1).max(500),
    /** Only records at this time point (o.timepoint), when given. */
    timepoint: z.string().max(200).optional(),
  })
  .strict();
export type ForestQuery = z.infer<typeof ForestQuery>;

export const ForestRow = z.object({
  annotationId: AnnotationId,
  articleId: ArticleId,
  /** "Werth 2022 · IVIg vs placebo · week 16" */
  label: z.string(),
  estimate: z.number(),
  low: z.number(),
  high: z.number(),
  measure: z.string(),
  quote: z.string(),
});
export type ForestRow = z.infer<typeof ForestRow>;

export const ForestSkipped = z.object({
  annotationId: AnnotationId,
  articleId: ArticleId,
  label: z.string(),
  /** e.g. "no CI upper bound", "value \"<0.001\" is not a number", "estimate outside its CI". */
  reason: z.string(),
});
export type ForestSkipped = z.infer<typeof ForestSkipped>;

export const ForestPlot = z.object({
  title: z.string(),
  /** Ratio measures (OR, RR, HR) are drawn on a log axis with the line of no effect at 1. */
  scale: z.enum(['linear', 'log']),
  svg: z.string(),
  rows: z.array(ForestRow),
  skipped: z.array(ForestSkipped),
});
export type ForestPlot = z.infer<typeof ForestPlot>;
