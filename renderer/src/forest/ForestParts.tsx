/** The plot itself (inline SVG, so each row's <title> shows its quote on hover) and the "Not plotted" list. */
import { useEffect, useRef, useState } from 'react';
import type { ForestSkipped } from '../../../shared/model/index';
import { hrefFor } from '../app/route';

/**
 * The SVG comes from our own pure code with every text escaped; it is still parsed as XML and
 * imported as nodes rather than set as HTML, so nothing in it is ever interpreted as markup.
 */
export function ForestFigure({ svg, title }: { svg: string; title: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    const ok = root.localName === 'svg' && doc.getElementsByTagName('parsererror').length === 0;
    setBroken(!ok);
    el.replaceChildren(...(ok ? [document.importNode(root, true)] : []));
  }, [svg]);
  return (
    <figure className="forest-figure" aria-label={`Forest plot: ${title}`}>
      <div ref={holder} className="forest-svg" data-testid="forest-svg" />
      {broken ? <p className="warn-text">The plot could not be shown.</p> : null}
    </figure>
  );
}

export function NotPlotted({ skipped }: { skipped: ForestSkipped[] }) {
  if (skipped.length === 0) return null;
  return (
    <section className="forest-skipped" aria-labelledby="forest-skipped-heading">
      <h2 id="forest-skipped-heading">Not plotted</h2>
      <p className="muted">These records of the outcome lack what a plot needs. Open one to fix it at its quote.</p>
      <table className="articles">
        <thead>
          <tr>
            <th>Record</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {skipped.map((s) => (
            <tr key={s.annotationId}>
              <td>
                <a href={hrefFor({ view: 'reader', articleId: s.articleId, annotationId: s.annotationId })}>{s.label}</a>
              </td>
              <td>{s.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
