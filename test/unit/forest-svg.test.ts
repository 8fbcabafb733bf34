/** The forest plot's axis ticks and its SVG: self-contained, escaped, hoverable, deterministic. */
import { describe, expect, it } from 'vitest';
import { forestPlotFor } from '../../shared/forest/index.js';
import { axisFor, formatTick, formatValue, linearAxis, logAxis } from '../../shared/forest/scale.js';
import { escapeXml } from '../../shared/forest/svg.js';
import { record, sheet } from './forest-helpers.js';

const CDASI = { value: '−9.36', low: '−12.52', high: '−6.19', arm: 'IVIg vs placebo', timepoint: 'week 16' };

describe('forest plot: axis ticks', () => {
  it('linear ticks are nice steps that enclose the range and include zero', () => {
    expect(linearAxis(-12.52, 0).ticks).toEqual([-14, -12, -10, -8, -6, -4, -2, 0]);
    expect(linearAxis(-3, 7).ticks).toEqual([-4, -2, 0, 2, 4, 6, 8]);
    expect(linearAxis(0, 0.18).ticks).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
    expect(linearAxis(0, 0).ticks).toEqual([-1, -0.5, 0, 0.5, 1]);
    for (const [lo, hi] of [[-1234, 56], [0, 0.0031], [-7.5, 7.5], [0, 100]] as const) {
      const axis = linearAxis(lo, hi);
      expect(axis.min).toBeLessThanOrEqual(lo);
      expect(axis.max).toBeGreaterThanOrEqual(hi);
      expect(axis.ticks.length).toBeLessThanOrEqual(8);
      expect(axis.ticks).toContain(0);
    }
  });

  it('log ticks come from familiar ladders, finest first', () => {
    expect(logAxis(0.8, 1.3).ticks).toEqual([0.7, 1, 1.5]);
    expect(logAxis(0.3, 3.7).ticks).toEqual([0.25, 0.5, 1, 2, 4]);
    expect(logAxis(0.13, 8).ticks).toEqual([0.125, 0.25, 0.5, 1, 2, 4, 8]);
    expect(logAxis(0.12, 8).ticks).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
    expect(logAxis(0.15, 9).ticks).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
    expect(logAxis(0.02, 40).ticks).toEqual([0.01, 0.1, 1, 10, 100]);
  });

  it('an axis holds the line of no effect, and very wide CIs are clipped rather than squashing the others', () => {
    const rows = [
      { estimate: -9.36, low: -12.52, high: -6.19 },
      { estimate: -5, low: -8, high: -2 },
      { estimate: -4, low: -7, high: -1 },
      { estimate: -6, low: -400, high: 300 },
    ];
    const axis = axisFor('linear', rows);
    expect(axis.min).toBeLessThanOrEqual(-12.52);
    expect(axis.min).toBeGreaterThan(-20);
    // No row above 0, yet 0 is not the axis end: a tick is kept beyond the line of no effect.
    expect(axis.ticks).toEqual([-15, -10, -5, 0, 5]);
    expect(axisFor('log', [{ estimate: 4.8, low: 2.1, high: 10.9 }]).ticks).toEqual([0.5, 1, 2, 4, 8, 16]);
  });

  it('prints numbers with a Unicode minus and the decimals they were written with', () => {
    expect(formatTick(-10)).toBe('−10');
    expect(formatTick(0.25)).toBe('0.25');
    expect(formatTick(0)).toBe('0');
    expect(formatValue(-9.36, '−9.36')).toBe('−9.36');
    expect(formatValue(1.5, '1.50')).toBe('1.50');
    expect(formatValue(-1.5, '-1,5')).toBe('−1.5');
    expect(formatValue(-0, '-0.0')).toBe('0.0');
  });
});

describe('forest plot: SVG', () => {
  const data = sheet(
    record({ ...CDASI, article: 'Werth 2022', quote: 'was −9.36 (95% CI: −12.52, −6.19)' }),
    record({ ...CDASI, article: 'Aggarwal <& "Co"> 2022', value: '-4.1', low: '-7.0', high: '-1.2', quote: 'a <b>bold</b> & "quoted" claim' }),
    record({ ...CDASI, article: 'NoCi 2021', high: '' }),
  );
  const plot = forestPlotFor(data, { outcome: 'CDASI-A change' }, []);

  it('is a self-contained SVG document with size, title and headings', () => {
    expect(plot.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+(\.\d+)?" height="\d+(\.\d+)?" viewBox="0 0 [\d.]+ [\d.]+"/);
    expect(plot.svg).toContain('font-family="system-ui');
    expect(plot.svg).toContain('<title>CDASI-A change</title>');
    expect(plot.svg).toContain('>Study</text>');
    expect(plot.svg).toContain('>Estimate [95% CI]</text>');
    expect(plot.svg).not.toMatch(/href=|<script|<image/);
  });

  it('draws one group per plotted row, with its annotation id and its quote as the hover title', () => {
    const groups = plot.svg.match(/<g class="ev-forest-row"[^>]*>/g) ?? [];
    expect(groups).toHaveLength(2);
    expect(groups[0]).toContain(`data-annotation-id="${plot.rows[0]!.annotationId}"`);
    expect(plot.svg).toContain('<title>was −9.36 (95% CI: −12.52, −6.19)</title>');
    expect(plot.svg).toContain('>−9.36 [−12.52, −6.19]</text>');
    expect(plot.svg).toContain('>Werth 2022 · IVIg vs placebo · week 16</text>');
    expect(plot.svg).not.toContain('NoCi 2021');
  });

  it('escapes all text for XML', () => {
    expect(plot.svg).toContain('<title>a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; claim</title>');
    expect(plot.svg).toContain('Aggarwal &lt;&amp; &quot;Co&quot;&gt; 2022');
    expect(plot.svg).not.toContain('<b>');
    expect(escapeXml("a\u0001b'\uD800c")).toBe('ab&apos;c');
  });

  it('draws the line of no effect at 0 (linear) or 1 (log), ticks and the measure as axis label', () => {
    expect(plot.svg).toMatch(/class="ev-forest-null" x1="([\d.]+)" y1="[\d.]+" x2="\1"/);
    const ticks = [...plot.svg.matchAll(/<g class="ev-forest-tick">.*?>([^<]+)<\/text><\/g>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['−15', '−10', '−5', '0', '5']);
    expect(plot.svg).toContain('class="ev-forest-axis-label">Mean difference</text>');

    const ratios = forestPlotFor(
      sheet(record({ measure: 'OR', value: '2.1', low: '1.2', high: '3.7' }), record({ measure: 'OR', value: '0.8', low: '0.5', high: '1.3' })),
      { outcome: 'CDASI-A change' },
      [],
    );
    const logTicks = [...ratios.svg.matchAll(/<g class="ev-forest-tick">.*?>([^<]+)<\/text><\/g>/g)].map((m) => m[1]);
    expect(logTicks).toEqual(['0.5', '1', '2', '4']);
    expect(ratios.svg).toContain('>OR (log scale)</text>');
  });

  it('clips a CI beyond the axis with an arrow instead of a whisker', () => {
    const wide = forestPlotFor(
      sheet(
        record({ article: 'A', value: '-5', low: '-8', high: '-2' }),
        record({ article: 'B', value: '-4', low: '-7', high: '-1' }),
        record({ article: 'C', value: '-6', low: '-9', high: '-3' }),
        record({ article: 'D', value: '-6', low: '-400', high: '300' }),
      ),
      { outcome: 'CDASI-A change' },
      [],
    );
    const groups = wide.svg.split('<g class="ev-forest-row"').slice(1);
    expect(groups.slice(0, 3).every((g) => !g.includes('<path'))).toBe(true);
    expect(groups[3]!.match(/<path/g)).toHaveLength(2);
  });

  it('is deterministic', () => {
    expect(forestPlotFor(data, { outcome: 'CDASI-A change' }, []).svg).toBe(plot.svg);
  });
});
