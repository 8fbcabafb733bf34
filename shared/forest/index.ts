/**
 * The forest plot for one outcome: the records of that outcome (optionally at one time point) that
 * carry an estimate and a CI, drawn as SVG; the others listed with the reason. Pure: the core calls
 * it with the sheet's data for channel 'forest.plot', and the result is what the UI shows and saves.
 */
import type { ArticleIndexEntry, ForestPlot, ForestQuery } from '../model/index.js';
import type { SheetData } from '../sheet/build.js';
import { selectRows } from './select.js';
import { renderForestSvg } from './svg.js';

export { measureKind, rowLabel, selectRows } from './select.js';
export { escapeXml, estimateText, renderForestSvg } from './svg.js';

/** `articles` is part of the call for labels the sheet lacks; the sheet rows already carry them. */
export function forestPlotFor(data: SheetData, query: ForestQuery, _articles: readonly ArticleIndexEntry[]): ForestPlot {
  const selection = selectRows(data, query);
  const title = selection.timepoint ? `${selection.outcome} · ${selection.timepoint}` : selection.outcome;
  const emptyMessage =
    selection.skipped.length > 0
      ? `None of the ${selection.skipped.length} record(s) of this outcome can be plotted: see "Not plotted".`
      : 'No outcome records with this name' + (selection.timepoint ? ' at this time point.' : '.');
  const svg = renderForestSvg({ title, scale: selection.scale, rows: selection.rows, emptyMessage });
  return {
    title,
    scale: selection.scale,
    svg,
    rows: selection.rows.map(({ raw: _raw, unit: _unit, ...row }) => row),
    skipped: selection.skipped,
  };
}
