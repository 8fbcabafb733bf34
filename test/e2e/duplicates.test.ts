/**
 * The duplicate queue in Chromium: a pair queued by import is shown side by side; "Not duplicates"
 * empties the queue and is remembered; "Merge (keep right)" leaves one article holding both
 * records' annotations; "Same study, different reports" lists the pair under "Linked reports".
 * The queue is written into review.json between two runs, so these tests pin the view and the
 * resolve channel, not what the importer detects.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DuplicateCandidate, ReviewFile } from '../../shared/model/index';
import { startBridge, type RunningBridge } from './helpers/bridge';
import { chromiumAvailable } from './helpers/browser';
import { callOk, expectNoPageErrors, openLibrary } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession, type E2eSession } from './helpers/session';

const TEXTS = {
  journal: 'Trial of intravenous immune globulin in dermatomyositis\nBy Rohit Aggarwal and Chester Oddis\n\nAt week 16, 79% of patients on IVIg responded, against 44% on placebo.\n',
  preprint: 'Trial of Intravenous Immune Globulin in Dermatomyositis (accepted manuscript)\nBy Rohit Aggarwal\n\nAt week 16, 79% of patients on IVIg responded.\n',
  news: 'IVIg helps adults with dermatomyositis, trial finds\n\nThe ProDERM trial reported responses in 79% of patients.\n',
  posthoc: 'Post-hoc analysis of the ProDERM trial\n\nSkin activity improved by 9.36 points with IVIg.\n',
};
type Name = keyof typeof TEXTS;

/** First run: import through the bridge's API (and annotate), stop, then queue the given pairs. */
function queueing(pairs: [Name, Name][], annotate: Name[] = []) {
  return async (reviewDir: string) => {
    const first = await startBridge({ reviewDir });
    const ids = {} as Record<Name, string>;
    try {
      for (const name of Object.keys(TEXTS) as Name[]) {
        const text = TEXTS[name];
        const { results } = await callOk(first, 'articles.import', { files: [{ fileName: `${name}.txt`, base64: Buffer.from(text).toString('base64') }] });
        ids[name] = results[0]!.articleId!;
      }
      for (const name of annotate) {
        const exact = TEXTS[name].includes('79% of patients') ? '79% of patients' : 'IVIg';
        const start = TEXTS[name].indexOf(exact);
        await callOk(first, 'annotations.create', { articleId: ids[name], start, end: start + exact.length, exact, body: { type: 'note', text: `note on ${name}` } });
      }
    } finally {
      await first.stop();
    }
    const file = join(reviewDir, 'review.json');
    const review = JSON.parse(readFileSync(file, 'utf8')) as ReviewFile;
    const queued: DuplicateCandidate[] = pairs.map(([a, b]) => ({ a: ids[a], b: ids[b], reason: 'title-year-author', detected: '2024-05-01T10:00:00.000Z' }));
    review.duplicates = { pending: queued, notDuplicates: [] };
    writeFileSync(file, JSON.stringify(review, null, 2));
  };
}

async function openDuplicates(session: E2eSession) {
  const page = await openLibrary(session);
  await page.getByRole('link', { name: 'Duplicates', exact: true }).click();
  await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
  return page;
}

function idByTitle(bridge: RunningBridge, title: RegExp) {
  return callOk(bridge, 'articles.list', {}).then((list) => list.find((a) => title.test(a.title))?.id ?? null);
}

describe.skipIf(!chromiumAvailable())('duplicate queue: not duplicates (Chromium + bridge)', () => {
  const session = useE2eSession({ prepare: queueing([['journal', 'preprint']]) });

  it('shows the pair side by side and remembers "Not duplicates"', async () => {
    const page = await openDuplicates(session);
    const pair = page.getByRole('region', { name: /^Possible duplicate:/ });
    await pair.waitFor();
    await expect(pair.count()).resolves.toBe(1);
    await expect(pair.getByRole('article').count()).resolves.toBe(2);
    await pair.getByRole('article', { name: /^Left: Trial of intravenous/ }).waitFor();
    await pair.getByRole('article', { name: /^Right: Trial of Intravenous .*accepted manuscript/ }).waitFor();
    await pair.getByText('Same title, years at most one apart, and an author in common').waitFor();
    await pair.getByRole('article', { name: /^Left:/ }).getByText('Rohit Aggarwal; Chester Oddis').waitFor();
    await shot(page, 'duplicates-01-queue');

    await pair.getByRole('button', { name: 'Not duplicates' }).click();
    await page.getByRole('status').getByText(/will not be proposed again/).waitFor();
    await page.getByRole('heading', { name: 'No possible duplicates' }).waitFor();
    await shot(page, 'duplicates-02-not-duplicates');

    expect(await callOk(session.bridge, 'duplicates.list', {})).toEqual([]);
    const review = JSON.parse(readFileSync(join(session.bridge.reviewDir, 'review.json'), 'utf8')) as ReviewFile;
    const journal = await idByTitle(session.bridge, /^Trial of intravenous/);
    const preprint = await idByTitle(session.bridge, /accepted manuscript/);
    expect(review.duplicates.notDuplicates).toEqual([[journal, preprint].sort()]);
    await expect(callOk(session.bridge, 'articles.list', {}).then((l) => l.length)).resolves.toBe(4);
    // Reloading shows the same empty queue: the answer is stored, not just hidden.
    await page.reload();
    await page.getByRole('heading', { name: 'No possible duplicates' }).waitFor();
    expectNoPageErrors(session.errors);
  });
});

describe.skipIf(!chromiumAvailable())('duplicate queue: merge and linked reports (Chromium + bridge)', () => {
  const session = useE2eSession({ prepare: queueing([['journal', 'preprint'], ['news', 'posthoc']], ['journal', 'preprint']) });

  it('merges keeping the right-hand record, with both records’ annotations', async () => {
    const page = await openDuplicates(session);
    const pairs = page.getByRole('region', { name: /^Possible duplicate:/ });
    await pairs.first().waitFor();
    await expect(pairs.count()).resolves.toBe(2);
    const first = page.getByRole('region', { name: 'Possible duplicate: Trial of intravenous immune globulin in dermatomyositis' });
    await first.getByRole('article', { name: /^Left:/ }).getByText('1 annotation', { exact: true }).waitFor();
    const preprint = await idByTitle(session.bridge, /accepted manuscript/);

    await first.getByRole('button', { name: 'Merge (keep right)' }).click();
    await page.getByRole('status').getByText(/^Merged into “Trial of Intravenous Immune Globulin in Dermatomyositis \(accepted manuscript\)”/).waitFor();
    // The status can show before the queue is drawn again: wait for the list, do not sample it once.
    await expect.poll(() => pairs.count()).toBe(1);
    await shot(page, 'duplicates-03-merged');

    const articles = await callOk(session.bridge, 'articles.list', {});
    expect(articles.map((a) => a.title).sort()).toEqual([
      'IVIg helps adults with dermatomyositis, trial finds',
      'Post-hoc analysis of the ProDERM trial',
      'Trial of Intravenous Immune Globulin in Dermatomyositis (accepted manuscript)',
    ]);
    const notes = await callOk(session.bridge, 'annotations.list', { articleId: preprint! });
    expect(notes.map((n) => (n.body.type === 'note' ? n.body.text : '')).sort()).toEqual(['note on journal', 'note on preprint']);
    expect(notes.every((n) => n.articleId === preprint && n.anchor.status !== 'orphan')).toBe(true);
    const kept = await callOk(session.bridge, 'articles.get', { id: preprint! });
    expect(kept.attachments.map((f) => f.fileName)).toEqual(['journal.txt']);
    expect(kept.authors).toEqual(['Rohit Aggarwal', 'Chester Oddis']); // the longer list

    // The library shows the merged article with both annotations.
    await page.getByRole('link', { name: 'Library', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'accepted manuscript' });
    await row.waitFor();
    await expect(page.getByRole('row').count()).resolves.toBe(4); // header + 3
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe('2');
    expectNoPageErrors(session.errors);
  });

  it('links the other pair as reports of one study', async () => {
    const page = await openDuplicates(session);
    const pair = page.getByRole('region', { name: 'Possible duplicate: IVIg helps adults with dermatomyositis, trial finds' });
    await pair.getByRole('button', { name: 'Same study, different reports' }).click();
    await page.getByRole('heading', { name: 'No possible duplicates' }).waitFor();
    const linked = page.getByRole('region', { name: 'Linked reports' });
    await linked.getByRole('link', { name: 'Post-hoc analysis of the ProDERM trial' }).waitFor();
    await linked.getByRole('link', { name: 'IVIg helps adults with dermatomyositis, trial finds' }).waitFor();
    await shot(page, 'duplicates-04-linked');
    const [group] = await callOk(session.bridge, 'studies.list', {});
    expect(group).toMatchObject({ label: 'IVIg helps adults with dermatomyositis, trial finds' });
    expect(group!.articleIds).toHaveLength(2);
    await expect(callOk(session.bridge, 'articles.list', {}).then((l) => l.length)).resolves.toBe(3);
    expectNoPageErrors(session.errors);
  });
});
