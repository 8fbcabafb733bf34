/**
 * One test per migration, each from a frozen file written by the version-1 build of Evidentia
 * (test/fixtures/migrations/v1-review, made with that build's CLI: init, import, two annotations).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_FILE_MIGRATIONS, ARTICLE_MIGRATIONS, REVIEW_MIGRATIONS, migrate } from '../../shared/migrations/index.js';
import { AnnotationFile, Article, ReviewFile } from '../../shared/model/index.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/migrations/v1-review');
const read = (rel: string) => JSON.parse(readFileSync(path.join(fixture, rel), 'utf8')) as Record<string, unknown>;
const ARTICLE_ID = '835e933308cba30b';

describe('review file 1 → 2', () => {
  const v1 = read('review.json');
  const out = migrate(REVIEW_MIGRATIONS, v1, 'review.json');
  const review = ReviewFile.parse(out.data);

  it('adds the default template at version 1, an empty duplicate queue and no studies', () => {
    // Migrating reads on to the current version; this test is about the first step.
    expect(out.applied[0]).toBe(REVIEW_MIGRATIONS.steps[0]!.description);
    expect(review.templates.map((t) => [t.id, t.version])).toEqual([['trial-outcomes', 1]]);
    const outcomeKeys = review.templates[0]!.sections.filter((s) => s.level === 'outcome').flatMap((s) => s.fields.map((f) => f.key));
    // Every key a version-1 outcome record could hold is a field of the template it is said to use.
    for (const key of ['outcome', 'arm', 'timepoint', 'measure', 'value', 'unit', 'ci_low', 'ci_high', 'p_value', 'n', 'note']) {
      expect(outcomeKeys).toContain(key);
    }
    expect(review.duplicates).toEqual({ pending: [], notDuplicates: [] });
    expect(review.studies).toEqual([]);
  });

  it('keeps every article row and fills the new bibliographic fields empty', () => {
    expect(review.articles).toHaveLength(1);
    expect(review.articles[0]).toMatchObject({ id: ARTICLE_ID, title: 'Frozen v1 fixture article', pmid: null, page: null, keywords: [], tags: [], attachments: [] });
    expect(review.name).toBe('Frozen v1 review');
  });
});

describe('article file 1 → 2', () => {
  it('keeps the text and source and adds no abstract and no attachments', () => {
    const v1 = read(`articles/${ARTICLE_ID}.json`);
    const article = Article.parse(migrate(ARTICLE_MIGRATIONS, v1, 'article').data);
    expect(article.text).toBe(v1.text);
    expect(article.source).toEqual(v1.source);
    expect(article).toMatchObject({ abstract: null, attachments: [], volume: null, type: null });
  });
});

describe('annotation file 1 → 2', () => {
  it('stamps outcome records with "Trial outcomes" version 1 and keeps their values; other bodies unchanged', () => {
    const v1 = read(`annotations/${ARTICLE_ID}/me.json`);
    const file = AnnotationFile.parse(migrate(ANNOTATION_FILE_MIGRATIONS, v1, 'shard').data);
    const outcome = file.annotations.find((a) => a.body.type === 'outcome')!;
    expect(outcome.body).toMatchObject({
      template: { id: 'trial-outcomes', version: 1 },
      status: 'in-progress',
      tags: [],
      fields: { outcome: 'CDASI-A change', value: '-9.36', ci_low: '-12.52', ci_high: '-6.19', arm: 'IVIg' },
    });
    const discrepancy = file.annotations.find((a) => a.body.type === 'discrepancy')!;
    const v1Discrepancy = (v1.annotations as Array<{ body: { type: string } }>).find((a) => a.body.type === 'discrepancy')!;
    // Read with the current schema: a discrepancy from before rules existed was tagged by a person.
    expect(discrepancy.body).toEqual({ ...v1Discrepancy.body, status: 'confirmed', severity: 'medium', reason: '', fingerprint: null });
    expect(file.study).toEqual([]);
    expect(outcome.target).toEqual((v1.annotations as Array<{ id: string; target: unknown }>).find((a) => a.id === outcome.id)!.target);
  });
});
