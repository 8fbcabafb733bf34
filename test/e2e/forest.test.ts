/**
 * The forest plot in Chromium: three short trial reports imported through the UI, outcome records
 * made through the bridge API, then #/forest: pick the outcome, see one row group per record with a
 * CI (the quote as hover title), the record without a CI under "Not plotted" with a link to its
 * quote, filter by time point, and save the plot as SVG and PNG.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningBridge } from './helpers/bridge';
import { chromiumAvailable } from './helpers/browser';
import { callOk, expectNoPageErrors, openAndImport } from './helpers/flow';
import { SHOT_DIR, shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const WERTH_CDASI = 'mean difference −9.36 (95% CI −12.52 to −6.19)';
const WERTH_RESPONSE = 'odds ratio 4.8 (95% CI 2.1 to 10.9)';
const AGGARWAL_CDASI = 'mean difference −4.10 (95% CI −7.00 to −1.20)';
const CHEN_CDASI = 'mean difference 1.8 (95% CI −2.3 to 5.9)';
const CHEN_NO_CI = 'a difference of −3.0 points (p = 0.04)';

const FILES = {
  'werth.txt': `ProDERM: IVIg in dermatomyositis\n\nAt week 16 the CDASI activity score fell more with IVIg than with placebo, ${WERTH_CDASI}. More patients responded on IVIg, ${WERTH_RESPONSE}.\n`,
  'aggarwal.txt': `Extension of ProDERM\n\nAmong patients switched to IVIg, at week 16 the CDASI activity score showed a ${AGGARWAL_CDASI} against placebo.\n`,
  'chen.txt': `IVIg dose study\n\nAt week 24 the higher dose gave a ${CHEN_CDASI}. At week 40 the authors report ${CHEN_NO_CI} without an interval.\n`,
};

const META: Record<string, { authors: string[]; year: number }> = {
  'ProDERM: IVIg in dermatomyositis': { authors: ['Werth VP', 'Aggarwal R', 'Charles-Schoeman C'], year: 2022 },
  'Extension of ProDERM': { authors: ['Aggarwal R'], year: 2023 },
  'IVIg dose study': { authors: ['Chen L', 'Li M'], year: 2024 },
};

type Fields = Record<string, string>;
const CDASI: Fields = { outcome: 'CDASI-A change', measure: 'mean difference', unit: 'points' };

/** Sets authors and year, then makes each outcome record at its quote, as the reader's form would. */
async function prepareRecords(bridge: RunningBridge) {
  const articles = await callOk(bridge, 'articles.list', {});
  const byTitle = new Map(articles.map((a) => [a.title, a.id]));
  for (const [title, meta] of Object.entries(META)) await callOk(bridge, 'articles.update', { id: byTitle.get(title)!, changes: meta });
  const records: Array<[string, string, Fields]> = [
    ['ProDERM: IVIg in dermatomyositis', WERTH_CDASI, { ...CDASI, arm: 'IVIg vs placebo', timepoint: 'week 16', value: '−9.36', ci_low: '−12.52', ci_high: '−6.19' }],
    ['ProDERM: IVIg in dermatomyositis', WERTH_RESPONSE, { outcome: 'Response', measure: 'OR', arm: 'IVIg vs placebo', value: '4.8', ci_low: '2.1', ci_high: '10.9' }],
    ['Extension of ProDERM', AGGARWAL_CDASI, { ...CDASI, arm: 'IVIg vs placebo', timepoint: 'week 16', value: '-4.10', ci_low: '-7.00', ci_high: '-1.20' }],
    ['IVIg dose study', CHEN_CDASI, { ...CDASI, arm: '2 vs 1 g/kg', timepoint: 'week 24', value: '1.8', ci_low: '−2.3', ci_high: '5.9' }],
    ['IVIg dose study', CHEN_NO_CI, { ...CDASI, arm: '2 vs 1 g/kg', timepoint: 'week 40', value: '−3.0' }],
  ];
  const ids: string[] = [];
  for (const [title, quote, fields] of records) {
    const articleId = byTitle.get(title)!;
    const { text } = await callOk(bridge, 'articles.get', { id: articleId });
    const start = text.indexOf(quote);
    expect(start, quote).toBeGreaterThanOrEqual(0);
    const created = await callOk(bridge, 'annotations.create', { articleId, start, end: start + quote.length, exact: quote, body: { type: 'outcome', fields } });
    ids.push(created.id);
  }
  return { byTitle, ids };
}

describe.skipIf(!chromiumAvailable())('forest plot (Chromium + bridge)', () => {
  const session = useE2eSession({ files: FILES });

  it('plots an outcome across articles, lists what it cannot plot, and saves SVG and PNG', async () => {
    const { page, bridge } = session;
    await openAndImport(session, Object.keys(FILES));
    const { byTitle, ids } = await prepareRecords(bridge);

    await page.getByRole('link', { name: 'Forest plot', exact: true }).click();
    const outcome = page.getByLabel('Outcome', { exact: true });
    await outcome.locator('option', { hasText: 'CDASI-A change (4)' }).waitFor({ state: 'attached' });
    await outcome.selectOption('CDASI-A change');

    const rows = page.locator('[data-testid=forest-svg] svg g.ev-forest-row');
    await page.getByRole('status').filter({ hasText: '3 plotted, 1 not plotted' }).waitFor();
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-annotation-id')))).toEqual([ids[0], ids[2], ids[3]]);
    const labels = await rows.evaluateAll((gs) => gs.map((g) => g.querySelector('text')?.textContent));
    expect(labels).toEqual([
      'Werth et al. 2022 · IVIg vs placebo · week 16',
      'Aggarwal 2023 · IVIg vs placebo · week 16',
      'Chen & Li 2024 · 2 vs 1 g/kg · week 24',
    ]);
    await expect(page.locator('[data-testid=forest-svg]').textContent()).resolves.toContain('−9.36 [−12.52, −6.19]');

    // Hover: the row's <title> (the browser's tooltip) is the quote, and the row lights up.
    const first = rows.first();
    const band = first.locator('rect.ev-forest-band');
    const before = await band.evaluate((r) => getComputedStyle(r).fill);
    await first.hover();
    await expect(first.locator('title').textContent()).resolves.toBe(WERTH_CDASI);
    await expect(band.evaluate((r) => getComputedStyle(r).fill)).resolves.not.toBe(before);

    // The record without a CI is listed, with a link to its quote in the reader.
    const skipped = page.getByRole('region', { name: 'Not plotted' });
    const row = skipped.getByRole('row').filter({ hasText: 'week 40' });
    await expect(row.textContent()).resolves.toContain('no confidence interval');
    const link = row.getByRole('link', { name: 'Chen & Li 2024 · 2 vs 1 g/kg · week 40' });
    expect(await link.getAttribute('href')).toBe(`#/article/${byTitle.get('IVIg dose study')}/annotation/${ids[4]}`);
    await shot(page, 'forest-01-plot');

    // Save SVG: the same self-contained document, quotes included.
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save SVG' }).click()]);
    expect(svgDownload.suggestedFilename()).toBe('forest-cdasi-a-change.svg');
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="([\d.]+)"/);
    expect(svg).toContain(`<title>${WERTH_CDASI}</title>`);

    // Save PNG: a real PNG, drawn at twice the SVG's size.
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save PNG' }).click()]);
    expect(pngDownload.suggestedFilename()).toBe('forest-cdasi-a-change.png');
    const png = readFileSync((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svgWidth = Number(/width="([\d.]+)"/.exec(svg)![1]);
    expect(png.readUInt32BE(16)).toBe(Math.ceil(svgWidth * 2));
    expect(png.length).toBeGreaterThan(5_000);
    mkdirSync(SHOT_DIR, { recursive: true });
    writeFileSync(join(SHOT_DIR, 'forest-03-saved.png'), png); // the saved file, for a person to look at

    // A time point narrows the plot; a ratio outcome is drawn on a log axis.
    await page.getByLabel('Time point', { exact: true }).selectOption('week 16');
    await page.getByRole('status').filter({ hasText: /^2 plotted ·/ }).waitFor();
    expect(await rows.count()).toBe(2);
    await expect(skipped.count()).resolves.toBe(0);
    await outcome.selectOption('Response');
    await page.getByRole('status').filter({ hasText: 'log axis' }).waitFor();
    expect(await rows.count()).toBe(1);
    await shot(page, 'forest-02-log');

    // Back to the skipped record: its link opens the reader at the quote.
    await outcome.selectOption('CDASI-A change');
    await link.click();
    await page.waitForURL(new RegExp(`#/article/[0-9a-f]{16}/annotation/${ids[4]}$`));
    await page.getByText(CHEN_NO_CI).first().waitFor();
    expectNoPageErrors(session.errors);
  });
});
