/**
 * core.exportToFile (runExportToFile): the same bytes export.run returns, written through a
 * temporary file renamed at the end; a cancelled or failed export leaves no temporary file and no
 * half-written destination, and an existing destination as it was. Also the streamed sheet's
 * columns when a late article uses a retired field or a key the template does not know (the
 * export then starts again with the right columns): the same as buildSheet over the whole review.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BOM, csvFields, csvLine, sheetCsvHeader, sheetCsvLine } from '../../electron/core/export/csv.js';
import { ReviewStore } from '../../electron/core/store/review-store.js';
import type { Core } from '../../electron/core/types.js';
import type { ExportFormat } from '../../shared/contract.js';
import type { AnnotationBody, AnnotationFile, FieldValues, Template } from '../../shared/model/index.js';
import { buildSheet } from '../../shared/sheet/build.js';
import { base64, newReview, openTest, tempDir } from './core-helpers.js';

const TEXT_A = 'Alpha trial\nThe mean change was −9.36 with IVIg and −1.16 with placebo.\nPublished in The Lancet.';
const TEXT_B = 'Beta trial\nAt week 16, 79% responded versus 44% on placebo.\nPublished in NEJM 2022.';

const outcome = (fields: FieldValues, templateVersion = 1): AnnotationBody => ({ type: 'outcome', template: { id: 'trial-outcomes', version: templateVersion }, status: 'in-progress', tags: [], fields });

/** Two articles with outcomes, study values, notes and discrepancies linking across them both ways. */
async function seed(core: Core) {
  const report = await core['articles.import']({
    files: [
      { fileName: 'a.txt', base64: base64(TEXT_A) },
      { fileName: 'b.txt', base64: base64(TEXT_B) },
    ],
  });
  const [a, b] = report.results.map((r) => r.articleId!) as [string, string];
  const at = async (articleId: string, quote: string) => {
    const text = (await core['articles.get']({ id: articleId })).text;
    const start = text.indexOf(quote);
    return { articleId, start, end: start + quote.length, exact: quote };
  };
  const create = async (input: Parameters<Core['annotations.create']>[0]) => {
    const created = await core['annotations.create'](input);
    await new Promise((resolve) => setTimeout(resolve, 3)); // distinct creation times keep the order fixed
    return created;
  };
  const ivig = await create({ ...(await at(a, '−9.36 with IVIg')), body: outcome({ outcome: 'CDASI-A change', value: '−9.36', note: '=cmd' }) });
  await create({ ...(await at(b, '79% responded')), body: outcome({ outcome: 'Responders', value: '79', unit: '%' }), reviewer: 'ben' });
  const lancet = await create({ ...(await at(a, 'Published in The Lancet.')), body: { type: 'note', text: 'journal here' } });
  const nejm = await create({ ...(await at(b, 'Published in NEJM 2022.')), body: { type: 'note', text: 'and here' } });
  // Linked quotes from a later article (forward) and from an earlier one (backward).
  await create({ ...(await at(a, 'The Lancet')), body: { type: 'discrepancy', kind: 'journal', note: 'forward', links: [nejm.id] } });
  await create({ ...(await at(b, 'NEJM')), body: { type: 'discrepancy', kind: 'journal', note: 'backward', links: [lancet.id, ivig.id, 'gone-annotation-id'] } });
  await core['study.save']({ articleId: a, templateId: 'trial-outcomes', fields: { design: 'Parallel RCT', sample_size: '95' } });
  return { a, b, lancet, nejm, ivig };
}

async function tempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.tmp'));
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('exportToFile', () => {
  it.each<ExportFormat>(['csv', 'revman', 'ris', 'bibtex', 'report-md'])('%s: writes exactly what export.run returns', async (format) => {
    const { core } = await newReview({ name: 'File review' });
    await seed(core);
    const out = path.join(await tempDir(), `export.${format}`);
    const written = await core.exportToFile({ format }, out);
    const content = (await core['export.run']({ format })).content;
    const bytes = await readFile(out);
    expect(written).toEqual({ file: out, bytes: bytes.length });
    expect(bytes.toString('utf8')).toBe(content);
    expect(await tempFiles(path.dirname(out))).toEqual([]);
  });

  it.each<[ExportFormat, string]>([
    ['json', 'exported'],
    ['jsonld', 'generated'],
  ])('%s: the same document as export.run, but for the time it was made', async (format, stamp) => {
    const { core } = await newReview({ name: 'File review' });
    await seed(core);
    const out = path.join(await tempDir(), `export.${format}`);
    await core.exportToFile({ format }, out);
    const unstamped = (text: string) => text.replace(new RegExp(`\n  "${stamp}": "[^"]+",\n`), '\n');
    const fromFile = await readFile(out, 'utf8');
    expect(unstamped(fromFile)).not.toBe(fromFile);
    expect(unstamped(fromFile)).toBe(unstamped((await core['export.run']({ format })).content));
  });

  it('xlsx: the same sheets and cells as export.run, linked quotes resolved both ways', async () => {
    const { core } = await newReview({ name: 'File review' });
    const s = await seed(core);
    const out = path.join(await tempDir(), 'export.xlsx');
    await core.exportToFile({ format: 'xlsx' }, out);
    const fromFile = await workbook(await readFile(out));
    const fromRun = await workbook(Buffer.from((await core['export.run']({ format: 'xlsx' })).content, 'base64'));
    expect(fromFile.worksheets.map((w) => w.name)).toEqual(['Study', 'Outcomes', 'Articles', 'Discrepancies']);
    for (const ws of fromFile.worksheets) expect(rowsOf(ws), ws.name).toEqual(rowsOf(fromRun.getWorksheet(ws.name)!));
    expect(rowsOf(fromFile.getWorksheet('Outcomes')!)).toHaveLength(3); // header + 2 records
    const linked = rowsOf(fromFile.getWorksheet('Discrepancies')!).map((r) => r[12]);
    expect(linked[1]).toBe('Beta trial: “Published in NEJM 2022.”');
    expect(linked[2]).toBe(`Alpha trial: “Published in The Lancet.” | Alpha trial: “−9.36 with IVIg” | gone-annotation-id: (annotation no longer exists)`);
    expect(s.a).toBeTruthy();
  });

  it('reports progress that never goes back and ends at the total', async () => {
    const { core } = await newReview();
    await seed(core);
    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const calls: Array<[number, number, string]> = [];
      await core.exportToFile({ format }, path.join(await tempDir(), `p.${format}`), { onProgress: (done, total, label) => calls.push([done, total, label]) });
      expect(calls.length, format).toBeGreaterThan(1);
      for (const [i, [done, total, label]] of calls.entries()) {
        expect(done, `${format} ${label}`).toBeLessThanOrEqual(total);
        if (i > 0) expect(done, `${format} ${label}`).toBeGreaterThanOrEqual(calls[i - 1]![0]);
        if (i > 0) expect(total, `${format} ${label}`).toBeGreaterThanOrEqual(calls[i - 1]![1]);
        expect(label, format).not.toBe('');
      }
      const [done, total] = calls[calls.length - 1]!;
      expect(done, format).toBe(total);
    }
  });

  it.each<ExportFormat>(['csv', 'xlsx', 'jsonld'])('%s: a cancelled export leaves no file, and an existing one untouched', async (format) => {
    const { core } = await newReview();
    await seed(core);
    const dir = await tempDir();
    const fresh = path.join(dir, `new.${format}`);
    const controller = new AbortController();
    await expect(core.exportToFile({ format }, fresh, { signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({ message: 'Export cancelled' });
    expect(await readdir(dir)).toEqual([]);

    const existing = path.join(dir, `old.${format}`);
    await writeFile(existing, 'the previous export');
    const again = new AbortController();
    await expect(core.exportToFile({ format }, existing, { signal: again.signal, onProgress: () => again.abort() })).rejects.toMatchObject({ message: 'Export cancelled' });
    expect(await readFile(existing, 'utf8')).toBe('the previous export');
    expect(await readdir(dir)).toEqual([`old.${format}`]);

    await core.exportToFile({ format }, existing); // and a finished export replaces it
    expect(await readFile(existing, 'utf8')).not.toBe('the previous export');
  });

  it('a signal aborted before the start does nothing; a missing folder is a clear io-error', async () => {
    const { core } = await newReview();
    await seed(core);
    const dir = await tempDir();
    const controller = new AbortController();
    controller.abort();
    await expect(core.exportToFile({ format: 'csv' }, path.join(dir, 'x.csv'), { signal: controller.signal })).rejects.toMatchObject({ message: 'Export cancelled' });
    expect(await readdir(dir)).toEqual([]);
    await expect(core.exportToFile({ format: 'csv' }, path.join(dir, 'no-such-folder', 'x.csv'))).rejects.toMatchObject({ code: 'io-error', message: expect.stringContaining('its folder does not exist') });
    await expect(core.exportToFile({ format: 'csv', templateId: 'nope' }, path.join(dir, 'x.csv'))).rejects.toMatchObject({ code: 'not-found' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('streamed sheet columns', () => {
  it('a retired field and an unknown key used by the last article: the columns buildSheet gives, in CSV and XLSX', async () => {
    const { dir, core } = await newReview({ name: 'Columns' });
    const s = await seed(core);
    const base = (await core['templates.list']({})).find((t) => t.id === 'trial-outcomes')!;
    const withScale = (t: Template): Template => ({
      ...t,
      sections: t.sections.map((sec) => (sec.level === 'outcome' ? { ...sec, fields: [...sec.fields, { key: 'old_scale', label: 'Old scale', kind: 'text', help: '', required: false, options: [], retired: false }] } : sec)),
    });
    const v2 = await core['templates.save']({ template: withScale(base) });
    const text = (await core['articles.get']({ id: s.b })).text;
    const start = text.indexOf('44% on placebo');
    await core['annotations.create']({ articleId: s.b, start, end: start + 14, exact: '44% on placebo', body: outcome({ outcome: 'Responders', value: '44', old_scale: '7' }, v2.version) });
    await core['templates.save']({ template: base }); // old_scale dropped: retired, still shown because used
    await core.close();

    // A key no version of the template has (written by a script) on the last article.
    const shardFile = path.join(dir, 'annotations', s.b, 'me.json');
    const shard = JSON.parse(await readFile(shardFile, 'utf8')) as AnnotationFile;
    const record = shard.annotations.find((a) => a.body.type === 'outcome')!;
    if (record.body.type === 'outcome') record.body.fields.mystery = 'from a script';
    await writeFile(shardFile, JSON.stringify(shard, null, 2));

    const reopened = await openTest(dir);
    const csv = (await reopened['export.run']({ format: 'csv' })).content;
    const store = await ReviewStore.open(dir);
    await store.catalogue.ready;
    const template = store.review.templates.find((t) => t.id === 'trial-outcomes')!;
    const sheet = buildSheet(template, store.review.articles, await store.allShards());
    const fields = csvFields(sheet.columns);
    const byId = new Map(store.review.articles.map((a) => [a.id, a]));
    const expected = BOM + csvLine(sheetCsvHeader(fields)) + sheet.rows.map((r) => sheetCsvLine(r, byId.get(r.articleId), fields)).join('');
    expect(csv).toBe(expected);
    expect(fields.map((f) => f.key)).toEqual(expect.arrayContaining(['o.old_scale', 'o.mystery']));
    expect(csv).toContain('from a script');

    const out = path.join(await tempDir(), 'columns.csv');
    await reopened.exportToFile({ format: 'csv' }, out);
    expect(await readFile(out, 'utf8')).toBe(expected);
    expect(await tempFiles(path.dirname(out))).toEqual([]);

    const wb = await workbook(Buffer.from((await reopened['export.run']({ format: 'xlsx' })).content, 'base64'));
    const outcomes = rowsOf(wb.getWorksheet('Outcomes')!);
    expect(outcomes[0]).toEqual(expect.arrayContaining(['Old scale', 'mystery']));
    expect(outcomes).toHaveLength(4); // header + 3 records
  });
});
