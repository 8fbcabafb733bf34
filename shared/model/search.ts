/**
 * Full-text search across a review: what the library's search box asks and what it gets back.
 * The index behind it is derived data (rebuilt from the articles when missing or stale).
 */
import { z } from 'zod';
import { ArticleId } from './ids.js';

export const SearchQuery = z
  .object({
    /** Words to find (all of them; the last one may be the start of a word, for search as you type). */
    query: z.string().max(500),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A piece of an article's text around a match; marks are [start, end) offsets into `text`. */
export const SearchSnippet = z.object({
  text: z.string(),
  marks: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type SearchSnippet = z.infer<typeof SearchSnippet>;

export const SearchHit = z.object({
  articleId: ArticleId,
  title: z.string(),
  /** "Werth 2022 · Lancet": how the library and sheet name the article. */
  label: z.string(),
  score: z.number(),
  /** null when the match is only in the title or bibliographic fields. */
  snippet: SearchSnippet.nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** While the index is being built (first open, or after it was found stale) results may be partial. */
export const SearchIndexState = z.object({
  ready: z.boolean(),
  indexed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type SearchIndexState = z.infer<typeof SearchIndexState>;

export const SearchResult = z.object({
  query: z.string(),
  hits: z.array(SearchHit),
  /** Articles matching in all, of which `hits` are the best `limit`. */
  total: z.number().int().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  index: SearchIndexState,
});
export type SearchResult = z.infer<typeof SearchResult>;
