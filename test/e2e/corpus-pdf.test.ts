/**
 * A real third-party PDF (../shared/corpus, beside the checkout; skipped with a reason when absent):
 * a two-column ACL paper whose text uses ligature glyphs. A line containing "ﬁ" is selected with the
 * mouse in the pdf.js text layer and tagged; the stored quote, the browser's selection and the drawn
 * highlight must be the same characters — the importer and the viewer define the text identically.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './helpers/browser';
import { articleLink, expectNoPageErrors, fillForm, listAnnotations, openAndImport, quoteOf, saveForm } from './helpers/flow';
import { selectWithMouse } from './helpers/mouse';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const PDF = resolve(import.meta.dirname, '../../../shared/corpus/pdfs/acl2020-main-447.pdf');
const present = existsSync(PDF);
if (!present) console.log(`[corpus-pdf] skipped: no corpus PDF at ${PDF} (it lives beside the checkout, not in it)`);

describe.skipIf(!present || !chromiumAvailable())('a real PDF with ligatures (Chromium + bridge)', () => {
  const session = useE2eSession({ files: present ? { 'acl2020.pdf': readFileSync(PDF) } : {} });

  it('stores exactly the selected characters and highlights exactly them', async () => {
    const { page } = session;
    await expect(openAndImport(session, ['acl2020.pdf'])).resolves.toContain('1 imported');
    await articleLink(page, /S2ORC/).click();

    const line = page.locator('.page[data-page-number="1"] .textLayer span[role="presentation"]', { hasText: 'Artiﬁcial Intelligence' }).first();
    await line.waitFor({ timeout: 30_000 });
    const lineText = (await line.textContent())!;
    expect(lineText).toMatch(/\uFB01/); // the ligature glyph itself, not "fi"
    await selectWithMouse(page, line, lineText);
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');

    await page.getByRole('button', { name: 'Tag outcome', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Tag outcome' });
    await fillForm(form, { Outcome: 'affiliation', Value: 'Allen Institute' }); // both required by the default template
    await saveForm(form);

    const [annotation] = await listAnnotations(session.bridge);
    expect(quoteOf(annotation!)).toBe(selected);
    expect(annotation!.anchor).toMatchObject({ status: 'exact', page: 1 });
    const mark = page.locator(`.textLayer mark[data-annotation-id="${annotation!.id}"]`);
    await mark.first().waitFor();
    await expect(mark.allTextContents().then((t) => t.join(''))).resolves.toBe(selected);
    await shot(page, 'corpus-01-ligature-highlight');
    expectNoPageErrors(session.errors);
  });
});
