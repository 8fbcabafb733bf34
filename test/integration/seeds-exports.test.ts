/**
 * Issue 3's "done when", with the reference case: the two seed articles imported with the real
 * importers and tagged as a reviewer would (outcomes with CIs, study details, a discrepancy between
 * the articles), then exported to every format: the XLSX opens in a spreadsheet library with the
 * expected sheets, the JSON-LD is W3C Web Annotation data, and the JSON export restores into an empty
 * review. Skips (saying why) when ../shared/seeds is not beside the checkout.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openReview, type Core } from '../../electron/core/index.js';
import type { ExportFormat } from '../../shared/contract.js';

const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');
const present = existsSync(seeds);
if (!present) console.log(`[seeds-exports] skipped: ${seeds} is not present (it sits beside the checkout on the team's machines).`);

const cores: Core[] = [];
afterAll(async () => {
  for (const c of cores) await c.close();
});

async function tagged(): Promise<Core> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'evidentia-seeds-')), 'review');
  const core = await openReview(dir, { create: true, name: 'ProDERM seeds', log: () => {} });
  cores.push(core);
  const files = (await readdir(seeds)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(seeds, f));
  const outcomes = await core.importPaths(files);
  expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
  const [lancet, nejm] = outcomes.map((o) => o.articleId!);
  const at = async (articleId: string, quote: string) => {
    const text = (await core['articles.get']({ id: articleId })).text;
    const start = text.indexOf(quote);
    expect(start, `quote "${quote}" in ${articleId}`).toBeGreaterThanOrEqual(0);
    return { articleId, start, end: start + quote.length, exact: quote };
  };
  await core['annotations.create']({
    ...(await at(lancet!, '-9.36 (95% CI: -12.52, -6.19)')),
    body: { type: 'outcome', fields: { outcome: 'CDASI-A change', arm: 'IVIg', timepoint: 'week 16', measure: 'mean change', value: '-9.36', ci_low: '-12.52', ci_high: '-6.19', n: '47' } },
  });
  await core['annotations.create']({
    ...(await at(lancet!, '-1.16 (-3.32, 0.99)')),
    body: { type: 'outcome', fields: { outcome: 'CDASI-A change', arm: 'Placebo', timepoint: 'week 16', measure: 'mean change', value: '-1.16', ci_low: '-3.32', ci_high: '0.99', n: '48', p_value: '< 0.0001' } },
  });
  await core['annotations.create']({
    ...(await at(nejm!, '79% of the IVIG patients')),
    body: { type: 'outcome', fields: { outcome: 'TIS ≥ 20 responders', arm: 'IVIg', timepoint: 'week 16', measure: '%', value: '79', unit: '%' } },
  });
  await core['study.save']({ articleId: lancet!, templateId: 'trial-outcomes', fields: { design: 'Parallel RCT', sample_size: '95', intervention: 'IVIg 2.0 g/kg every 4 weeks', comparator: 'Placebo' } });
  const nejmJournal = await core['annotations.create']({ ...(await at(nejm!, 'New England Journal of Medicine')), body: { type: 'note', text: 'journal named here' } });
  await core['annotations.create']({
    ...(await at(lancet!, 'published in The Lancet')),
    body: { type: 'discrepancy', kind: 'journal', note: 'The Lancet here, NEJM in the other report', links: [nejmJournal.id] },
  });
  await core['articles.update']({ id: lancet!, changes: { tags: ['ProDERM', 'news'] } });
  return core;
}

describe.skipIf(!present)('the seeds, tagged by hand, in every export format', () => {
  it('exports every format; the XLSX, JSON-LD and JSON read back as promised', async () => {
    const core = await tagged();
    const formats: ExportFormat[] = ['csv', 'xlsx', 'json', 'jsonld', 'ris', 'bibtex', 'revman'];
    const files = Object.fromEntries(await Promise.all(formats.map(async (format) => [format, await core['export.run']({ format })] as const)));
    for (const format of formats) expect(files[format]!.content.length, format).toBeGreaterThan(100);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(files.xlsx!.content, 'base64')).buffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Study', 'Outcomes', 'Articles', 'Discrepancies']));
    const outcomesSheet = workbook.getWorksheet('Outcomes')!;
    const numbers: unknown[] = [];
    outcomesSheet.eachRow((row) => row.eachCell((cell) => numbers.push(cell.value)));
    expect(numbers).toContain(-9.36); // a number cell, not the text "-9.36"
    expect(numbers).toContain('< 0.0001'); // kept as written

    const ld = JSON.parse(files.jsonld!.content) as { '@context': string; type: string; total: number; first: { items: Array<Record<string, unknown>> } };
    expect(ld['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(ld.type).toBe('AnnotationCollection');
    expect(ld.total).toBe(5);
    for (const item of ld.first.items) {
      expect(item).toMatchObject({ type: 'Annotation', motivation: expect.any(String), target: { source: expect.any(String), selector: expect.any(Array) } });
      const selectors = (item.target as { selector: Array<{ type: string }> }).selector.map((s) => s.type);
      expect(selectors).toEqual(expect.arrayContaining(['TextQuoteSelector', 'TextPositionSelector']));
    }
    expect(files.ris!.content).toMatch(/KW {2}- ProDERM/);
    expect(files.bibtex!.content).toContain('ProDERM');
    expect(files.revman!.content).toContain('-9.36');

    // Round trip: the JSON export restores articles, annotations and values into an empty review.
    const exportFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'evidentia-export-')), 'export.json');
    await writeFile(exportFile, files.json!.content);
    const emptyDir = path.join(path.dirname(exportFile), 'restored');
    const restored = await openReview(emptyDir, { create: true, log: () => {} });
    cores.push(restored);
    const results = await restored.importPaths([exportFile]);
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(2);
    const before = await core['annotations.list']({});
    const after = await restored['annotations.list']({});
    expect(after.map((a) => [a.id, a.body, a.anchor.status]).sort()).toEqual(before.map((a) => [a.id, a.body, a.anchor.status]).sort());
    expect((await restored['sheet.query']({})).rows).toEqual((await core['sheet.query']({})).rows);
    expect(await restored['templates.list']({})).toEqual(await core['templates.list']({}));
  });

  it('draws the forest plot of the seeded CDASI-A outcome, one row per arm', async () => {
    const core = await tagged();
    const plot = await core['forest.plot']({ outcome: 'CDASI-A change' });
    expect(plot.rows.map((r) => [r.estimate, r.low, r.high])).toEqual([
      [-9.36, -12.52, -6.19],
      [-1.16, -3.32, 0.99],
    ]);
    expect(plot.scale).toBe('linear');
    expect(plot.svg).toContain('<svg');
    expect(plot.svg).toContain('-12.52'.replace('-', '−'));
  });
});
