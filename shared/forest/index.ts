/** Placeholder: the forest plot (built next). */
import type { ArticleIndexEntry, ForestPlot, ForestQuery } from '../model/index.js';
import type { SheetData } from '../sheet/build.js';

export function forestPlotFor(_data: SheetData, query: ForestQuery, _articles: readonly ArticleIndexEntry[]): ForestPlot {
  return { title: query.outcome, scale: 'linear', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', rows: [], skipped: [] };
}
