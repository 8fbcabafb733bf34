/**
 * Review file 2 → 3, from a frozen review written by the schema-2 build
 * (test/fixtures/migrations/v2-review: two articles linked as one study by a person, an outcome
 * record and a discrepancy).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_FILE_MIGRATIONS, REVIEW_MIGRATIONS, migrate } from '../../shared/migrations/index.js';
import { AnnotationFile, ReviewFile } from '../../shared/model/index.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/migrations/v2-review');
const read = (rel: string) => JSON.parse(readFileSync(path.join(fixture, rel), 'utf8')) as Record<string, unknown>;

describe('review file 2 → 3', () => {
  const v2 = read('review.json');
  const out = migrate(REVIEW_MIGRATIONS, v2, 'review.json');
  const review = ReviewFile.parse(out.data);

  it('applies exactly the 2 → 3 step', () => {
    expect(v2.schemaVersion).toBe(2);
    expect(out.applied).toEqual([REVIEW_MIGRATIONS.steps[1]!.description]);
    expect(review.schemaVersion).toBe(3);
  });

  it('marks the groups a person linked as confirmed, keeping their id, label and articles', () => {
    const [before] = v2.studies as Array<{ id: string; label: string; articleIds: string[] }>;
    expect(review.studies).toEqual([{ ...before, status: 'confirmed', evidence: ['linked by a person'] }]);
  });

  it('starts with no split pairs and no rejected suggestions, and keeps everything else', () => {
    expect(review.notSameStudy).toEqual([]);
    expect(review.rejectedSuggestions).toEqual([]);
    expect(review.articles.map((a) => a.id)).toEqual((v2.articles as Array<{ id: string }>).map((a) => a.id));
    expect(review.templates).toEqual(v2.templates);
    expect(review.name).toBe('Frozen v2 review');
  });
});

describe('annotation file 2 (current) read by this build', () => {
  it('reads a schema-2 discrepancy as confirmed by a person, medium severity, with no fingerprint', () => {
    const shard = read('annotations/bdf90537fb07de5e/me.json');
    const out = migrate(ANNOTATION_FILE_MIGRATIONS, shard, 'shard');
    expect(out.applied).toEqual([]);
    const [discrepancy] = AnnotationFile.parse(out.data).annotations;
    expect(discrepancy!.body).toEqual({
      type: 'discrepancy',
      kind: 'journal',
      note: 'Which journal?',
      links: [],
      status: 'confirmed',
      severity: 'medium',
      reason: '',
      fingerprint: null,
    });
  });
});
