/** Which records a forest plot draws, which it lists as "not plotted", and why. */
import { describe, expect, it } from 'vitest';
import { forestPlotFor, measureKind, selectRows } from '../../shared/forest/index.js';
import { record, sheet } from './forest-helpers.js';

const CDASI = { value: '−9.36', low: '−12.52', high: '−6.19', arm: 'IVIg vs placebo', timepoint: 'week 16' };

describe('forest plot: selecting records', () => {
  it('plots records of the outcome (case- and accent-insensitive) and labels them article · arm · time point', () => {
    const data = sheet(
      record({ ...CDASI, outcome: 'CDASI-A change' }),
      record({ ...CDASI, outcome: '  cdasi-a CHANGE ', article: 'Aggarwal 2022', arm: 'IVIg' }),
      record({ ...CDASI, outcome: 'MMT-8 change' }),
    );
    const plot = forestPlotFor(data, { outcome: 'CDASI-A change' }, []);
    expect(plot.rows.map((r) => r.label)).toEqual(['Werth 2022 · IVIg vs placebo · week 16', 'Aggarwal 2022 · IVIg · week 16']);
    expect(plot.rows[0]).toMatchObject({ estimate: -9.36, low: -12.52, high: -6.19, measure: 'mean difference' });
    expect(plot.skipped).toEqual([]);
    expect(plot.title).toBe('CDASI-A change');
  });

  it('parses Unicode minus and decimal commas', () => {
    const plot = forestPlotFor(sheet(record({ value: '\u22121,5', low: '\u22122,25', high: '-0,75' })), { outcome: 'CDASI-A change' }, []);
    expect(plot.rows[0]).toMatchObject({ estimate: -1.5, low: -2.25, high: -0.75 });
  });

  it('filters by time point when one is given', () => {
    const data = sheet(record({ ...CDASI, timepoint: 'Week 16' }), record({ ...CDASI, timepoint: 'week 40' }));
    const plot = forestPlotFor(data, { outcome: 'CDASI-A change', timepoint: 'week 16' }, []);
    expect(plot.rows).toHaveLength(1);
    expect(plot.title).toBe('CDASI-A change · Week 16');
    expect(forestPlotFor(data, { outcome: 'CDASI-A change' }, []).rows).toHaveLength(2);
  });

  it('lists every record that cannot be plotted, with the reason', () => {
    const data = sheet(
      record({ ...CDASI, article: 'Ok 2020' }),
      record({ ...CDASI, article: 'NoValue 2020', value: '' }),
      record({ ...CDASI, article: 'Less 2020', value: '<0.001' }),
      record({ ...CDASI, article: 'NoHigh 2020', high: '' }),
      record({ ...CDASI, article: 'NoLow 2020', low: ' ' }),
      record({ ...CDASI, article: 'NoCi 2020', low: '', high: '' }),
      record({ ...CDASI, article: 'BadLow 2020', low: '−12.52 to −6.19' }),
      record({ ...CDASI, article: 'Swapped 2020', low: '−6.19', high: '−12.52' }),
      record({ ...CDASI, article: 'Outside 2020', value: '3' }),
    );
    const plot = forestPlotFor(data, { outcome: 'cdasi-a change' }, []);
    expect(plot.rows.map((r) => r.label)).toEqual(['Ok 2020 · IVIg vs placebo · week 16']);
    const reasons = Object.fromEntries(plot.skipped.map((s) => [s.label.split(' ·')[0], s.reason]));
    expect(reasons).toEqual({
      'NoValue 2020': 'no estimate (value is empty)',
      'Less 2020': 'value "<0.001" is not a number',
      'NoHigh 2020': 'no CI upper bound',
      'NoLow 2020': 'no CI lower bound',
      'NoCi 2020': 'no confidence interval',
      'BadLow 2020': 'CI lower bound "−12.52 to −6.19" is not a number',
      'Swapped 2020': 'CI lower bound −6.19 is above the upper bound −12.52',
      'Outside 2020': 'estimate 3 outside its CI [−12.52, −6.19]',
    });
    expect(plot.skipped[0]).toMatchObject({ annotationId: expect.any(String), articleId: 'a1b2c3d4e5f60718' });
  });

  it('ignores study-only rows (no annotation) and other outcomes', () => {
    const studyOnly = { ...record({ ...CDASI }), annotationId: null, rowId: 'study:a1b2c3d4e5f60718:me' };
    const plot = forestPlotFor(sheet(studyOnly, record({ ...CDASI, outcome: 'other' })), { outcome: 'CDASI-A change' }, []);
    expect(plot.rows).toEqual([]);
    expect(plot.skipped).toEqual([]);
    expect(plot.svg).toContain('No outcome records with this name');
  });

  it('appends the reviewer when two records would share a label', () => {
    const data = sheet(record({ ...CDASI, reviewer: 'ann' }), record({ ...CDASI, reviewer: 'bob' }));
    expect(forestPlotFor(data, { outcome: 'CDASI-A change' }, []).rows.map((r) => r.label)).toEqual([
      'Werth 2022 · IVIg vs placebo · week 16 (ann)',
      'Werth 2022 · IVIg vs placebo · week 16 (bob)',
    ]);
  });
});

describe('forest plot: scale', () => {
  it('recognises ratio measures, and only capital abbreviations', () => {
    for (const m of ['OR', 'RR', 'HR', 'IRR', 'odds ratio', 'Risk Ratio', 'hazard ratio', 'adjusted OR', 'ratio of means', 'aHR (95% CI)']) {
      expect(measureKind(m), m).toBe('ratio');
    }
    for (const m of ['mean difference', 'MD', 'SMD', 'change or difference', 'risk difference', '', 'percentage points']) {
      expect(measureKind(m), m).toBe('difference');
    }
  });

  it('draws ratios on a log axis and differences on a linear one', () => {
    const ratios = sheet(record({ measure: 'OR', value: '2.1', low: '1.2', high: '3.7' }), record({ measure: 'odds ratio', value: '0.8', low: '0.5', high: '1.3' }));
    expect(forestPlotFor(ratios, { outcome: 'CDASI-A change' }, []).scale).toBe('log');
    expect(forestPlotFor(sheet(record(CDASI)), { outcome: 'CDASI-A change' }, []).scale).toBe('linear');
  });

  it('plots the majority kind when ratios and differences are mixed, and says why the others are left out', () => {
    const data = sheet(
      record({ article: 'A 2020', measure: 'OR', value: '2.1', low: '1.2', high: '3.7' }),
      record({ article: 'B 2020', measure: 'HR', value: '0.8', low: '0.5', high: '1.3' }),
      record({ article: 'C 2020', measure: 'risk difference', value: '0.1', low: '0.02', high: '0.18' }),
    );
    const plot = forestPlotFor(data, { outcome: 'CDASI-A change' }, []);
    expect(plot.scale).toBe('log');
    expect(plot.rows.map((r) => r.label)).toEqual(['A 2020', 'B 2020']);
    expect(plot.skipped).toEqual([expect.objectContaining({ label: 'C 2020', reason: 'measure "risk difference": not a ratio, and most rows are ratios (log axis)' })]);

    const tie = sheet(record({ article: 'A 2020', measure: 'OR', value: '2', low: '1', high: '3' }), record({ article: 'C 2020', value: '1', low: '0', high: '2' }));
    const tied = forestPlotFor(tie, { outcome: 'CDASI-A change' }, []);
    expect(tied.scale).toBe('linear');
    expect(tied.skipped[0]!.reason).toBe('measure "OR" is a ratio, and most rows are differences (linear axis)');
  });

  it('skips ratios that are not positive on a log axis', () => {
    const data = sheet(
      record({ article: 'A 2020', measure: 'RR', value: '1.5', low: '1.1', high: '2' }),
      record({ article: 'B 2020', measure: 'RR', value: '0.5', low: '0', high: '1.2' }),
    );
    const plot = forestPlotFor(data, { outcome: 'CDASI-A change' }, []);
    expect(plot.rows).toHaveLength(1);
    expect(plot.skipped[0]!.reason).toBe('a ratio must be above 0 on a log axis (CI lower bound 0)');
  });

  it('keeps the raw texts and the unit for drawing', () => {
    const [row] = selectRows(sheet(record({ ...CDASI, value: '1.50', low: '1.00', high: '2.00', unit: 'points' })), { outcome: 'CDASI-A change' }).rows;
    expect(row).toMatchObject({ raw: { estimate: '1.50', low: '1.00', high: '2.00' }, unit: 'points' });
  });
});
