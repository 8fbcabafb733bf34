import { z } from 'zod';

/** Article ids are the first 16 hex chars of the source file's sha256: stable across re-imports. */
export const ArticleId = z.string().regex(/^[0-9a-f]{16}$/, 'an article id is 16 lowercase hex characters');
export type ArticleId = z.infer<typeof ArticleId>;

export const AnnotationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an annotation id');
export type AnnotationId = z.infer<typeof AnnotationId>;

/** Reviewer ids become file names (annotations/<articleId>/<reviewerId>.json), so they are restricted. */
export const ReviewerId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, 'a reviewer id is 1-40 characters: a-z, 0-9, _ . - (starting with a letter or digit)');
export type ReviewerId = z.infer<typeof ReviewerId>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const IsoTime = z.string().datetime({ offset: true });
