/** What the library's columns show for an article, shared by the rows and the sort. */
import type { ArticleSummary } from '../../../shared/model/index';

export const KIND_LABEL: Record<ArticleSummary['kind'], string> = {
  pdf: 'PDF',
  text: 'Text',
  markdown: 'Markdown',
  html: 'HTML',
  citation: 'Record (abstract)',
};

export const titleOf = (a: ArticleSummary): string => a.title || a.fileName;

export function sourceOf(a: ArticleSummary): string {
  return [a.journal, a.year].filter((x) => x !== null && x !== '').join(' · ');
}
