// The audit log through the contract: every annotation and sheet change leaves one entry (after it
// is saved, never for a failed save), history reads newest first with field-level diffs, undo-style
// calls refuse to clobber newer changes, and a deleted annotation comes back with its id and body.
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { diskFull } from './disk-full.js';
import { describe, expect, it, vi } from 'vitest';
import { changesOf } from '../../shared/history/diff.js';
import type { AnnotationAuditEntry } from '../../shared/model/index.js';
import type { Core } from '../../electron/core/types.js';
import { base64, newReview, openTest } from './core-helpers.js';

const TEXT = 'ProDERM trial report\nAt week 16 the mean change in CDASI activity score was −9.36 with IVIg, in 47 patients.\n';
const QUOTE = 'was −9.36 with IVIg';
const OUTCOME = { type: 'outcome' as const, fields: { outcome: 'CDASI-A change', arm: 'IVIg', value: '−9.36', n: '47' } };

vi.mock('node:fs/promises', async (real) => (await import('./disk-full.js')).fullDiskPromises(await real()));
vi.mock('node:fs', async (real) => (await import('./disk-full.js')).fullDiskFs(await real()));

async function reviewWithOutcome(): Promise<{ dir: string; core: Core; articleId: string; id: string }> {
  const { dir, core } = await newReview();
  const report = await core['articles.import']({ files: [{ fileName: 'proderm.txt', base64: base64(TEXT) }] });
  const articleId = report.results[0]!.articleId!;
  const start = TEXT.indexOf(QUOTE);
  const created = await core['annotations.create']({ articleId, start, end: start + QUOTE.length, exact: QUOTE, body: OUTCOME });
  return { dir, core, articleId, id: created.id };
}

const history = async (core: Core, annotationId: string, articleId?: string) =>
  (await core['audit.list']({ annotationId, ...(articleId ? { articleId } : {}) })) as AnnotationAuditEntry[];

describe('audit log', () => {
  it('create → update → delete gives three entries, newest first, with field-level diffs', async () => {
    const { core, articleId, id } = await reviewWithOutcome();
    await core['annotations.update']({ id, body: { ...OUTCOME, fields: { ...OUTCOME.fields, n: '48' }, status: 'complete' } });
    await core['annotations.delete']({ id });

    const entries = await history(core, id, articleId);
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(entries.every((e) => e.reviewer === 'me' && e.cause === 'edit' && e.target.annotationId === id)).toBe(true);
    expect(changesOf(entries[1]!)).toEqual([
      { field: 'n', before: '47', after: '48' },
      { field: 'status', before: 'In progress', after: 'Complete' },
    ]);
    expect(entries[0]!.before?.body).toEqual(entries[1]!.after?.body);
    expect(entries[0]!.after).toBeNull();
  });

  it('a deleted annotation is restored with the same id and body, recorded as a restore by undo', async () => {
    const { core, articleId, id } = await reviewWithOutcome();
    const [before] = await core['annotations.list']({ articleId });
    await core['annotations.delete']({ id });
    const restored = await core['annotations.restore']({ annotation: before!, cause: 'undo' });
    expect(restored.id).toBe(id);
    expect(restored.body).toEqual(before!.body);
    expect(restored.anchor.status).toBe('exact');
    expect((await core['annotations.list']({ articleId })).map((a) => a.id)).toEqual([id]);
    expect((await history(core, id)).map((e) => `${e.action}/${e.cause}`)).toEqual(['restore/undo', 'delete/edit', 'create/edit']);
    await expect(core['annotations.restore']({ annotation: before! })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('an undo naming an older updated stamp is refused and changes nothing', async () => {
    const { core, articleId, id } = await reviewWithOutcome();
    const first = await core['annotations.update']({ id, body: { ...OUTCOME, fields: { ...OUTCOME.fields, n: '48' } } });
    await core['annotations.update']({ id, body: { ...OUTCOME, fields: { ...OUTCOME.fields, n: '49' } } }); // made "elsewhere"
    await expect(core['annotations.update']({ id, body: OUTCOME, expectedUpdated: first.updated, cause: 'undo' })).rejects.toThrow(/changed since/);
    await expect(core['annotations.delete']({ id, expectedUpdated: first.updated, cause: 'undo' })).rejects.toThrow(/changed since/);
    const [now] = await core['annotations.list']({ articleId });
    expect(now!.body.type === 'outcome' && now!.body.fields.n).toBe('49');
    expect(await history(core, id)).toHaveLength(3);
  });

  it('a save the disk refuses records nothing', async () => {
    const { core, id } = await reviewWithOutcome();
    diskFull.on = true;
    try {
      await expect(core['annotations.update']({ id, body: { ...OUTCOME, fields: { ...OUTCOME.fields, n: '50' } } })).rejects.toMatchObject({ code: 'io-error' });
    } finally {
      diskFull.on = false;
    }
    expect((await history(core, id)).map((e) => e.action)).toEqual(['create']);
  });

  it('survives reopening, and a torn last line (crash mid-append) costs only that line', async () => {
    const { dir, core, articleId, id } = await reviewWithOutcome();
    await core['annotations.update']({ id, body: { ...OUTCOME, fields: { ...OUTCOME.fields, n: '48' } } });
    await core.close();
    const logFile = path.join(dir, 'audit', articleId, 'me.ndjson');
    await appendFile(logFile, '{"schemaVersion":1,"id":"torn","time":"2030-01-01T00:'); // the crash

    const reopened = await openTest(dir);
    expect((await history(reopened, id)).map((e) => e.action)).toEqual(['update', 'create']);
    await reopened['annotations.delete']({ id });
    // The next append starts a fresh line: the fragment stays unreadable, the new entry does not.
    expect((await history(reopened, id, articleId)).map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    const lines = (await readFile(logFile, 'utf8')).split('\n');
    expect(lines.filter((l) => l.includes('"torn"'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('');
  });

  it('sheet edits are recorded, refuse a stale expected value, and report the value they replaced', async () => {
    const { core, articleId, id } = await reviewWithOutcome();
    const edited = await core['sheet.edit']({ rowId: id, column: 'o.n', value: '48' });
    expect(edited.previous).toBe('47');
    await expect(core['sheet.edit']({ rowId: id, column: 'o.n', value: '47', expected: '99', cause: 'undo' })).rejects.toThrow(/changed since/);
    const undone = await core['sheet.edit']({ rowId: id, column: 'o.n', value: '47', expected: '48', cause: 'undo' });
    expect(undone.values['o.n']).toBe('47');
    const entries = await history(core, id);
    expect(entries.map((e) => `${e.action}/${e.cause}`)).toEqual(['update/undo', 'update/edit', 'create/edit']);
    expect(changesOf(entries[0]!)).toEqual([{ field: 'n', before: '48', after: '47' }]);

    await core['study.save']({ articleId, templateId: 'trial-outcomes', fields: {} });
    const articleLog = await core['audit.list']({ articleId });
    expect(articleLog[0]!.target).toMatchObject({ type: 'study', articleId, owner: 'me' });
  });

  it('names the missing article when asked for a deleted annotation without one', async () => {
    const { core, id } = await reviewWithOutcome();
    await core['annotations.delete']({ id });
    await expect(core['audit.list']({ annotationId: id })).rejects.toMatchObject({ code: 'not-found' });
  });
});
