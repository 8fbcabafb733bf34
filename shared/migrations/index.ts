/**
 * The migration list of every persisted file kind. A schema change adds one step here (with its own
 * test from a frozen old fixture in test/fixtures/migrations/) and bumps the model's version.
 */
import {
  ANNOTATION_FILE_SCHEMA_VERSION,
  ARTICLE_SCHEMA_VERSION,
  AUDIT_ENTRY_SCHEMA_VERSION,
  DEFAULT_TEMPLATE_REF,
  EMPTY_BIBLIO,
  REVIEW_SCHEMA_VERSION,
} from '../model/index.js';
import { defaultTemplate } from '../templates/default-template.js';
import { defineMigrations } from './migrate.js';

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

export { defineMigrations, migrate } from './migrate.js';
export type { Migrated, Migration, MigrationList } from './migrate.js';

export const REVIEW_MIGRATIONS = defineMigrations({
  kind: 'review file',
  current: REVIEW_SCHEMA_VERSION,
  oldest: 1,
  steps: [
    {
      from: 1,
      to: 2,
      description:
        'Extraction templates, duplicates and studies: add the default "Trial outcomes" template (version 1, ' +
        'the fields outcome records had before), an empty duplicate queue, no study links, and the new ' +
        'bibliographic fields (empty) and attachment list on every article row.',
      apply: (data) => ({
        ...data,
        schemaVersion: 2,
        articles: list(data.articles).map((row) => ({ ...EMPTY_BIBLIO, ...row, attachments: [] })),
        templates: [defaultTemplate(typeof data.created === 'string' ? data.created : new Date(0).toISOString())],
        duplicates: { pending: [], notDuplicates: [] },
        studies: [],
      }),
    },
    {
      from: 2,
      to: 3,
      description:
        'Evidence checks: study groups say whether a person confirmed them (every existing group was linked by ' +
        'a person, so confirmed) and why they were grouped; no pairs split apart yet; no rejected outcome suggestions.',
      apply: (data) => ({
        ...data,
        schemaVersion: 3,
        studies: list(data.studies).map((group) => ({ ...group, status: 'confirmed', evidence: ['linked by a person'] })),
        notSameStudy: [],
        rejectedSuggestions: [],
      }),
    },
  ],
});

export const ARTICLE_MIGRATIONS = defineMigrations({
  kind: 'article file',
  current: ARTICLE_SCHEMA_VERSION,
  oldest: 1,
  steps: [
    {
      from: 1,
      to: 2,
      description: 'Citation records: add the new bibliographic fields (empty), no abstract and no attachments.',
      apply: (data) => ({ ...EMPTY_BIBLIO, ...data, schemaVersion: 2, abstract: null, attachments: [] }),
    },
  ],
});

export const ANNOTATION_FILE_MIGRATIONS = defineMigrations({
  kind: 'annotation file',
  current: ANNOTATION_FILE_SCHEMA_VERSION,
  oldest: 1,
  steps: [
    {
      from: 1,
      to: 2,
      description:
        'Templates: outcome records say they were captured under "Trial outcomes" version 1 and start ' +
        '"in progress" with no tags (their field values are kept as they were); no study-level values yet.',
      apply: (data) => ({
        ...data,
        schemaVersion: 2,
        annotations: list(data.annotations).map((a) => {
          const body = a.body as Json | undefined;
          if (body?.type !== 'outcome') return a;
          return { ...a, body: { ...body, template: DEFAULT_TEMPLATE_REF, status: 'in-progress', tags: [] } };
        }),
        study: [],
      }),
    },
  ],
});

/**
 * Audit log lines (audit/<articleId>/<reviewerId>.ndjson). Each line carries its own schemaVersion
 * and is migrated alone when read: an append-only file is never rewritten, so old lines stay old.
 */
export const AUDIT_ENTRY_MIGRATIONS = defineMigrations({
  kind: 'audit log line',
  current: AUDIT_ENTRY_SCHEMA_VERSION,
  oldest: 1,
  steps: [],
});

/**
 * The app's settings file (<userData>/settings.json, electron/main/settings.ts): not review data,
 * but persisted too, so versioned the same way. Version 1 is the first; no step yet.
 */
export const SETTINGS_SCHEMA_VERSION = 1;
export const SETTINGS_MIGRATIONS = defineMigrations({
  kind: 'settings file',
  current: SETTINGS_SCHEMA_VERSION,
  oldest: 1,
  steps: [],
});
