/**
 * The order every export lists annotations in: library order, then creation time, every reviewer
 * of an article together. Annotations made in the same millisecond keep their stored order
 * (reviewers by id, each shard in the order its annotations were made; the sort is stable), never
 * the order of their random ids. Streamed exports apply it article by article.
 */
import type { Annotation, AnnotationFile } from '../../../shared/model/index.js';

export const byCreation = (a: Annotation, b: Annotation): number => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0);

/** One article's annotations (its shards, by reviewer) in export order. */
export function articleAnnotations(shards: readonly AnnotationFile[]): Annotation[] {
  const all: Annotation[] = [];
  for (const shard of shards) for (const a of shard.annotations) all.push(a);
  return all.sort(byCreation);
}
