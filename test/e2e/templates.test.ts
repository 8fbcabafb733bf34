/**
 * Templates end to end, in Chromium against `evidentia serve`: tag an outcome with the default
 * template's form, add a choice field and retire "Unit" in the template editor (version 2), tag a
 * second outcome with the new field, and check what the core stored: the first record stays at
 * version 1 with its values (Unit included), the new one says version 2. Then the study details
 * panel in the reader, saved and read back through study.get.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './helpers/browser';
import {
  articleLink,
  callOk,
  chooseOption,
  expectNoPageErrors,
  fillForm,
  listAnnotations,
  openAndImport,
  OUTCOME_LABELS,
  quoteOf,
  saveForm,
  sidebar,
} from './helpers/flow';
import { selectWithMouse } from './helpers/mouse';
import { shot } from './helpers/screenshots';
import { useE2eSession } from './helpers/session';

const FIRST = 'The mean change in CDASI-A at week 16 was −9.36 points with IVIg (95% CI −12.52 to −6.19).';
const SECOND = 'Treatment-related adverse events occurred in 82 of 95 patients during the first period.';
const ARTICLE = `Efficacy of IVIg in dermatomyositis (ProDERM)

A randomised, placebo-controlled trial in 95 adults with active dermatomyositis.

${FIRST} Placebo recipients changed by −1.16 points.

${SECOND} Most were headache, pyrexia and nausea.
`;

async function tagOutcome(page: Page, sentence: string): Promise<Locator> {
  await selectWithMouse(page, page.locator('.article-text'), sentence);
  await page.getByRole('button', { name: 'Tag outcome', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Tag outcome' });
  await form.getByLabel('Outcome', { exact: true }).waitFor();
  return form;
}

describe.skipIf(!chromiumAvailable())('templates: form from the template, versions, retired fields, study details (Chromium + bridge)', () => {
  const session = useE2eSession({ files: { 'proderm.txt': ARTICLE } });

  it('captures records under the template version of the day and keeps retired values', async () => {
    const { page, bridge } = session;
    await expect(openAndImport(session, ['proderm.txt'])).resolves.toContain('1 imported');
    await articleLink(page, /ProDERM/).click();
    const articleUrl = page.url();

    // 1. The default template's form: every label, required fields holding back Save.
    let form = await tagOutcome(page, FIRST);
    for (const label of OUTCOME_LABELS) await expect(form.getByLabel(label, { exact: true }).count()).resolves.toBe(1);
    await expect(form.getByLabel('Risk of bias', { exact: true }).count()).resolves.toBe(0);
    const save = form.getByRole('button', { name: 'Save', exact: true });
    await expect(save.isDisabled()).resolves.toBe(true);
    await expect(form.getByText('Fill in the required fields: Outcome, Value.').count()).resolves.toBe(1);
    await fillForm(form, { Outcome: 'CDASI-A change', Arm: 'IVIg', 'Time point': 'week 16', Value: '−9.36', Unit: 'points' });
    await fillForm(form, { 'CI low': '−12.52', 'CI high': '−6.19', Tags: 'primary; efficacy' });
    await expect(form.getByLabel('Value', { exact: true }).getAttribute('inputmode')).resolves.toBe('decimal');
    await expect(save.isEnabled()).resolves.toBe(true);
    await shot(page, 'templates-01-outcome-form');
    await form.getByLabel('CI high', { exact: true }).press('Enter'); // Enter saves
    await form.waitFor({ state: 'detached' });

    let [first] = await listAnnotations(bridge);
    expect(first!.body).toEqual({
      type: 'outcome',
      template: { id: 'trial-outcomes', version: 1 },
      fields: { outcome: 'CDASI-A change', arm: 'IVIg', timepoint: 'week 16', value: '−9.36', unit: 'points', ci_low: '−12.52', ci_high: '−6.19' },
      status: 'in-progress',
      tags: ['primary', 'efficacy'],
    });

    // 2. The template editor: add "Risk of bias" (single choice), remove "Unit", save as version 2.
    await page.getByRole('link', { name: 'Templates', exact: true }).click();
    const editor = page.getByRole('region', { name: 'Template editor' });
    const outcomes = editor.getByRole('group', { name: 'Outcomes', exact: true });
    await outcomes.getByRole('button', { name: 'Add field', exact: true }).click();
    const added = outcomes.getByRole('group', { name: 'New field', exact: true });
    await added.getByLabel('Label', { exact: true }).fill('Risk of bias');
    const rob = outcomes.getByRole('group', { name: 'Risk of bias', exact: true });
    await expect(rob.getByLabel('Key', { exact: true }).inputValue()).resolves.toBe('risk_of_bias');
    await rob.getByLabel('Kind', { exact: true }).selectOption({ label: 'Single choice' });
    await rob.getByLabel('Options', { exact: true }).fill('Low\nSome concerns\nHigh');
    await rob.getByLabel('Help', { exact: true }).fill('Overall judgement (RoB 2).');
    // Saved fields keep their key: values are stored under it.
    await expect(outcomes.getByRole('group', { name: 'Value', exact: true }).getByLabel('Key').getAttribute('readonly')).resolves.not.toBeNull();
    await outcomes.getByRole('group', { name: 'Unit', exact: true }).getByRole('button', { name: 'Remove', exact: true }).click();
    await outcomes.getByRole('group', { name: 'Retired fields of Outcomes' }).getByText('Unit', { exact: true }).waitFor();
    await editor.getByRole('button', { name: 'Save as version 2' }).click();
    const notice = page.locator('.notice');
    await notice.getByText(/Saved “Trial outcomes” as version 2/).waitFor();
    await expect(notice.textContent()).resolves.toContain('Removed fields are kept as retired: Unit');
    await editor.getByRole('button', { name: 'Save as version 3' }).waitFor(); // the editor now holds version 2
    await page.getByRole('button', { name: /Trial outcomes/ }).getByText('Version 2', { exact: false }).waitFor();
    await shot(page, 'templates-02-editor-after-save');
    await outcomes.getByRole('group', { name: 'Risk of bias', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'templates-02b-editor-new-and-retired-fields');
    // Restore brings a retired field back into the form list; Discard undoes it without a new version.
    await outcomes.getByRole('button', { name: 'Restore Unit' }).click();
    await outcomes.getByRole('group', { name: 'Unit', exact: true }).waitFor();
    await editor.getByText('Unsaved changes').waitFor();
    await editor.getByRole('button', { name: 'Discard changes' }).click();
    await expect(outcomes.getByRole('group', { name: 'Unit', exact: true }).count()).resolves.toBe(0);

    const [template] = await callOk(bridge, 'templates.list', {});
    expect(template!.version).toBe(2);
    const fields = template!.sections.find((s) => s.key === 'outcomes')!.fields;
    expect(fields.find((f) => f.key === 'unit')).toMatchObject({ retired: true });
    expect(fields.find((f) => f.key === 'risk_of_bias')).toMatchObject({ kind: 'single', options: ['Low', 'Some concerns', 'High'], retired: false });

    // 3. A second outcome under version 2: the new field is there, Unit is not.
    await page.goto(articleUrl);
    form = await tagOutcome(page, SECOND);
    await expect(form.getByLabel('Unit', { exact: true }).count()).resolves.toBe(0);
    await expect(form.getByText('Overall judgement (RoB 2).').count()).resolves.toBe(1);
    await fillForm(form, { Outcome: 'Treatment-related adverse events', Value: '82', n: '95' });
    await chooseOption(form, 'Risk of bias', 'Some concerns');
    await chooseOption(form, 'Status', 'Complete');
    await saveForm(form);

    const stored = await listAnnotations(bridge);
    [first] = stored.filter((a) => quoteOf(a) === FIRST);
    const second = stored.find((a) => quoteOf(a) === SECOND);
    expect(first!.body).toMatchObject({ template: { version: 1 }, fields: { unit: 'points', value: '−9.36' } });
    expect(second!.body).toMatchObject({
      template: { id: 'trial-outcomes', version: 2 },
      fields: { outcome: 'Treatment-related adverse events', value: '82', n: '95', risk_of_bias: 'Some concerns' },
      status: 'complete',
    });

    // 4. Editing the first record: Unit shows read-only under "Retired fields" and survives the save.
    await sidebar(page).locator(`[data-annotation-id="${first!.id}"]`).getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit outcome' });
    await edit.getByText('Captured under version 1 of “Trial outcomes”; saving records it under version 2.').waitFor();
    await edit.getByText('Retired fields (1)').click();
    await expect(edit.locator('.retired-values dl').textContent()).resolves.toBe('Unitpoints');
    await chooseOption(edit, 'Risk of bias', 'Low');
    await shot(page, 'templates-03-edit-with-retired');
    await saveForm(edit);
    const edited = (await listAnnotations(bridge)).find((a) => a.id === first!.id)!;
    expect(edited.body).toMatchObject({ template: { version: 2 }, fields: { unit: 'points', value: '−9.36', risk_of_bias: 'Low' } });

    // 5. Study details in the sidebar: fill, save, read back.
    const panel = sidebar(page).locator('details.study-panel');
    await panel.locator('summary').click();
    const study = panel.getByRole('form', { name: 'Study details' });
    const studySave = study.getByRole('button', { name: 'Save', exact: true });
    await expect(studySave.isDisabled()).resolves.toBe(true);
    await chooseOption(study, 'Design', 'Parallel RCT');
    await fillForm(study, { Population: 'Adults with active dermatomyositis', 'Sample size': '95', Intervention: 'IVIg 2 g/kg every 4 weeks' });
    await studySave.click();
    await study.getByRole('status').getByText('Saved', { exact: true }).waitFor();
    await expect(studySave.isDisabled()).resolves.toBe(true);
    await shot(page, 'templates-04-study-panel');

    const articleId = first!.articleId;
    const records = await callOk(bridge, 'study.get', { articleId });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      template: { id: 'trial-outcomes', version: 2 },
      fields: { design: 'Parallel RCT', population: 'Adults with active dermatomyositis', sample_size: '95', intervention: 'IVIg 2 g/kg every 4 weeks' },
    });

    // After a reload the panel shows what was saved.
    await page.reload();
    await sidebar(page).locator('details.study-panel > summary').click();
    await expect(sidebar(page).getByLabel('Population', { exact: true }).inputValue()).resolves.toBe('Adults with active dermatomyositis');

    expectNoPageErrors(session.errors);
  });
});
