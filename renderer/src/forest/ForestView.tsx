/**
 * The forest plot view (#/forest): pick an outcome (and optionally a time point), see its estimates
 * with CIs across articles as SVG (the quote shows on hover), save it as SVG or PNG, and see which
 * records were not plotted and why, each linked to its quote in the reader.
 */
import { useEffect, useId, useState } from 'react';
import type { ForestPlot, SheetFacets } from '../../../shared/model/index';
import { api } from '../api';
import { downloadBlob, downloadText } from '../app/download';
import { useErrors } from '../app/errors';
import { fileSlug } from './file-name';
import { ForestFigure, NotPlotted } from './ForestParts';
import { svgToPng } from './png';

type Outcome = SheetFacets['outcomes'][number];

/** The distinct time points of an outcome's records, in sheet order (case-insensitive). */
async function timepointsOf(outcome: string): Promise<string[]> {
  const result = await api['sheet.query']({ filter: { outcome }, limit: 2000 });
  if (!result.ok) return [];
  const seen = new Map<string, string>();
  for (const row of result.value.rows) {
    if (row.kind !== 'record') continue;
    const value = row.values['o.timepoint'];
    const text = typeof value === 'string' ? value.trim() : '';
    if (text && !seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text);
  }
  return [...seen.values()];
}

function ExportPlot({ plot }: { plot: ForestPlot }) {
  const { report } = useErrors();
  const [busy, setBusy] = useState(false);
  const name = `forest-${fileSlug(plot.title, 'plot')}`;
  const disabled = busy || plot.rows.length === 0;
  async function savePng() {
    setBusy(true);
    try {
      downloadBlob(`${name}.png`, await svgToPng(plot.svg, 2));
    } catch (error) {
      report(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="button-group" role="group" aria-label="Save plot">
      <button type="button" disabled={disabled} onClick={() => downloadText(`${name}.svg`, 'image/svg+xml', plot.svg)}>
        Save SVG
      </button>
      <button type="button" disabled={disabled} onClick={() => void savePng()}>
        Save PNG
      </button>
    </div>
  );
}

export function ForestView() {
  const { report } = useErrors();
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [outcome, setOutcome] = useState('');
  const [timepoints, setTimepoints] = useState<string[]>([]);
  const [timepoint, setTimepoint] = useState('');
  const [plot, setPlot] = useState<ForestPlot | null>(null);
  const base = useId();
  const ids = { outcome: `${base}-outcome`, timepoint: `${base}-timepoint` };

  useEffect(() => {
    let live = true;
    void api['sheet.facets']({}).then((result) => {
      if (!live) return;
      if (!result.ok) return report(result.error);
      setOutcomes(result.value.outcomes);
      setOutcome((current) => current || (result.value.outcomes[0]?.name ?? ''));
    });
    return () => {
      live = false;
    };
  }, [report]);

  useEffect(() => {
    let live = true;
    setTimepoint('');
    setTimepoints([]);
    if (outcome) void timepointsOf(outcome).then((list) => live && setTimepoints(list));
    return () => {
      live = false;
    };
  }, [outcome]);

  useEffect(() => {
    let live = true;
    if (!outcome) {
      setPlot(null);
      return;
    }
    void api['forest.plot']({ outcome, ...(timepoint ? { timepoint } : {}) }).then((result) => {
      if (!live) return;
      if (!result.ok) return report(result.error);
      setPlot(result.value);
    });
    return () => {
      live = false;
    };
  }, [outcome, timepoint, report]);

  return (
    <main className="forest-view">
      <div className="toolbar">
        <h1>Forest plot</h1>
        <div className="spacer" />
        {plot ? <ExportPlot plot={plot} /> : null}
      </div>
      {outcomes === null ? (
        <p className="muted">Loading…</p>
      ) : outcomes.length === 0 ? (
        <div className="empty-state">
          <h2>No outcomes yet</h2>
          <p>
            Tag outcome passages in the reader, with an outcome name, a value and its confidence interval. Each outcome can then
            be drawn here across articles.
          </p>
        </div>
      ) : (
        <>
          <div className="forest-controls">
            <div className="forest-control">
              <label htmlFor={ids.outcome}>Outcome</label>
              <select id={ids.outcome} value={outcome} onChange={(event) => setOutcome(event.target.value)}>
                {outcomes.map((o) => (
                  <option key={o.name} value={o.name}>
                    {o.name} ({o.count})
                  </option>
                ))}
              </select>
            </div>
            <div className="forest-control">
              <label htmlFor={ids.timepoint}>Time point</label>
              <select
                id={ids.timepoint}
                value={timepoint}
                onChange={(event) => setTimepoint(event.target.value)}
                disabled={timepoints.length === 0}
              >
                <option value="">All time points</option>
                {timepoints.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {plot ? (
            <>
              <p className="forest-summary muted" role="status">
                {plot.rows.length} plotted{plot.skipped.length > 0 ? `, ${plot.skipped.length} not plotted` : ''} ·{' '}
                {plot.scale === 'log' ? 'ratio measures on a log axis (no effect at 1)' : 'linear axis (no effect at 0)'}
              </p>
              <ForestFigure svg={plot.svg} title={plot.title} />
              <NotPlotted skipped={plot.skipped} />
            </>
          ) : null}
        </>
      )}
    </main>
  );
}
