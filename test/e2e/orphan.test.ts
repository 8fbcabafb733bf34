/**
 * An annotation whose quote no longer occurs in its article (here: its stored quote is changed on
 * disk between two runs) is an orphan: the library counts it and the reader lists it apart, with
 * its quote, instead of dropping it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotationFile } from '../../shared/model/index';
import { describe, expect, it } from 'vitest';
import { startBridge } from './helpers/bridge';
import { chromiumAvailable } from './helpers/browser';
import { callOk, expectNoPageErrors, openLibrary, sidebar } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const TEXT = 'Orphan test article\n\nThe trial enrolled 95 adults. Responders reached 79% on IVIg.\n';
const KEPT = 'The trial enrolled 95 adults.';
const LOST = 'Responders reached 79% on IVIg.';
const REWRITTEN = 'A sentence this article never contained.';

/** First run: import and annotate through the bridge's API, stop, then break one stored quote. */
async function annotateThenRewrite(reviewDir: string) {
  const first = await startBridge({ reviewDir });
  try {
    const imported = await callOk(first, 'articles.import', { files: [{ fileName: 'orphan.txt', base64: Buffer.from(TEXT).toString('base64') }] });
    const articleId = imported.results[0]!.articleId!;
    for (const exact of [KEPT, LOST]) {
      const start = TEXT.indexOf(exact);
      await callOk(first, 'annotations.create', {
        articleId,
        start,
        end: start + exact.length,
        exact,
        body: { type: 'note', text: exact === LOST ? 'will be orphaned' : 'stays anchored' },
      });
    }
    // Between runs, the stored quote stops matching the article's text.
    const shard = join(reviewDir, 'annotations', articleId, 'me.json');
    const file = JSON.parse(readFileSync(shard, 'utf8')) as AnnotationFile;
    for (const a of file.annotations) {
      for (const sel of a.target.selector) if (sel.type === 'TextQuoteSelector' && sel.exact === LOST) sel.exact = REWRITTEN;
    }
    writeFileSync(shard, JSON.stringify(file, null, 2));
  } finally {
    await first.stop();
  }
}

describe.skipIf(!chromiumAvailable())('orphaned annotations (Chromium + bridge)', () => {
  const session = useE2eSession({ prepare: annotateThenRewrite });

  it('counts the orphan in the library and lists it apart with its quote', async () => {
    const page = await openLibrary(session);
    const row = page.getByRole('row').filter({ hasText: 'Orphan test article' });
    await row.waitFor();
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual(['Orphan test article', 'Text', '', '2', '1']);
    await row.getByRole('link').click();

    const orphans = sidebar(page).getByRole('region', { name: 'Orphaned annotations' });
    await orphans.getByText(REWRITTEN).waitFor();
    await shot(page, 'orphan-01-sidebar');
    await expect(orphans.getByText('will be orphaned').count()).resolves.toBe(1);
    await expect(sidebar(page).getByRole('heading', { name: 'Annotations (1)', exact: true }).count()).resolves.toBe(1);
    // Annotation marks only (suggestions are marks too).
    await expect(page.locator('mark[data-annotation-id]').allTextContents()).resolves.toEqual([KEPT]);
    expectNoPageErrors(session.errors);
  });
});
