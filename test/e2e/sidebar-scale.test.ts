/**
 * Issue 5, the annotation sidebar at scale, in Chromium against the bridge: one article carrying
 * 1,500 annotations (written straight into its shard, each quoting its own sentence). The sidebar
 * lists them all but keeps only a few dozen entries in the DOM; the arrow keys, Home and End move
 * the keyboard focus through the whole list; a click on the last entry still scrolls the text to
 * its highlight; and opening the article at one annotation scrolls the sidebar to its entry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openReview } from '../../electron/core/index.js';
import { describe as describeSpan } from '../../shared/anchoring/selectors.js';
import { ANNOTATION_FILE_SCHEMA_VERSION, type Annotation, type AnnotationFile } from '../../shared/model/index';
import { chromiumAvailable } from './helpers/browser';
import { expectNoPageErrors, openLibrary, sidebar, waitInView } from './helpers/flow';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const COUNT = 1500;
const MIDDLE = 700;
const sentence = (i: number) => `Sentence ${i + 1} reports that ${(i * 37) % 100}% of group ${i % 7} responded by week ${4 + (i % 12) * 4}.`;
const TEXT = `A heavily annotated report\n\n${Array.from({ length: COUNT }, (_, i) => sentence(i)).join('\n')}\n`;
const ids = Array.from({ length: COUNT }, (_, i) => `side-${String(i).padStart(5, '0')}`);
let articleId = '';

/** Imports the article through the core, then writes its 1,500 annotations as one shard. */
async function prepare(reviewDir: string) {
  const core = await openReview(reviewDir);
  try {
    const report = await core['articles.import']({ files: [{ fileName: 'annotated.txt', base64: Buffer.from(TEXT).toString('base64') }] });
    articleId = report.results[0]!.articleId!;
    const article = await core['articles.get']({ id: articleId });
    const time = new Date(Date.UTC(2024, 0, 1)).toISOString();
    const annotations: Annotation[] = ids.map((id, i) => {
      const start = article.text.indexOf(sentence(i));
      const selector = describeSpan(article.text, start, start + sentence(i).length, []);
      const body: Annotation['body'] =
        i % 3 === 0
          ? { type: 'note', text: `Checked entry ${i + 1}` }
          : { type: 'outcome', template: { id: 'trial-outcomes', version: 1 }, fields: { outcome: `Response ${i + 1}`, value: String((i * 37) % 100), unit: '%' }, status: 'in-progress', tags: [] };
      return { id, articleId, reviewer: 'me', target: { source: articleId, sourceHash: article.source.sha256, selector }, body, created: time, updated: time };
    });
    const shard: AnnotationFile = { schemaVersion: ANNOTATION_FILE_SCHEMA_VERSION, articleId, reviewer: 'me', annotations, study: [] };
    mkdirSync(join(reviewDir, 'annotations', articleId), { recursive: true });
    writeFileSync(join(reviewDir, 'annotations', articleId, 'me.json'), JSON.stringify(shard));
  } finally {
    await core.close();
  }
}

const entries = (page: Page) => sidebar(page).locator('li[data-annotation-id]');
const focusedEntry = (page: Page) => page.evaluate(() => document.activeElement?.closest('li[data-annotation-id]')?.getAttribute('data-annotation-id') ?? null);

describe.skipIf(!chromiumAvailable())('annotation sidebar at scale (Chromium + bridge)', () => {
  const session = useE2eSession({ prepare });

  it('virtualises 1,500 entries and keeps keyboard, click-to-reveal and deep links working', async () => {
    const page = await openLibrary(session);
    const startedAt = Date.now();
    await page.goto(`${session.bridge.url}#/article/${articleId}`);
    await sidebar(page).getByRole('heading', { name: `Annotations (${COUNT})`, exact: true }).waitFor({ timeout: 60_000 });
    await entries(page).first().waitFor();
    console.log(`sidebar: article with ${COUNT} annotations listed ${Date.now() - startedAt} ms after navigation`);
    const drawn = await entries(page).count();
    expect(drawn).toBeGreaterThan(3);
    expect(drawn).toBeLessThan(80);
    await expect(entries(page).first().getAttribute('aria-setsize')).resolves.toBe(String(COUNT));
    await shot(page, 'sidebar-scale-01-top');

    // The keyboard walks the list: ArrowDown five times, then End (an entry not drawn until then).
    await entries(page).first().locator('button.annotation-focus').focus();
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedEntry(page)).toBe(ids[5]);
    await page.keyboard.press('End');
    await expect.poll(() => focusedEntry(page)).toBe(ids[COUNT - 1]);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedEntry(page)).toBe(ids[COUNT - 2]);
    await expect.poll(() => entries(page).count()).toBeLessThan(80);

    // Click-to-reveal from the far end of the list: the text scrolls to the last sentence's highlight.
    const last = sidebar(page).locator(`li[data-annotation-id="${ids[COUNT - 1]}"] button.annotation-focus`);
    await last.click();
    await waitInView(page, `mark[data-annotation-id="${ids[COUNT - 1]}"]`);
    await shot(page, 'sidebar-scale-02-end-revealed');

    // Opened at one annotation (as from the sheet): the sidebar scrolls to its entry and marks it.
    await page.goto(`${session.bridge.url}#/article/${articleId}/annotation/${ids[MIDDLE]}`);
    await page.reload();
    const middle = sidebar(page).locator(`li[data-annotation-id="${ids[MIDDLE]}"]`);
    await middle.waitFor({ timeout: 60_000 });
    await expect.poll(() => middle.getAttribute('aria-current')).toBe('true');
    await expect
      .poll(() =>
        middle.evaluate((li) => {
          const box = li.closest('aside')!.getBoundingClientRect();
          const r = li.getBoundingClientRect();
          return r.top >= box.top && r.bottom <= box.bottom;
        }),
      )
      .toBe(true);
    await waitInView(page, `mark[data-annotation-id="${ids[MIDDLE]}"]`);
    await shot(page, 'sidebar-scale-03-opened-at-annotation');
    expectNoPageErrors(session.errors);
  });
});
