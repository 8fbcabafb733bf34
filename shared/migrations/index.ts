/**
 * The migration list of every persisted file kind. Only version 1 exists so far, so the lists are
 * empty; a schema change adds one step here (with its own test) and bumps the model's version.
 */
import { ANNOTATION_FILE_SCHEMA_VERSION, ARTICLE_SCHEMA_VERSION, REVIEW_SCHEMA_VERSION } from '../model/index.js';
import { defineMigrations } from './migrate.js';

export { defineMigrations, migrate } from './migrate.js';
export type { Migrated, Migration, MigrationList } from './migrate.js';

export const REVIEW_MIGRATIONS = defineMigrations({
  kind: 'review file',
  current: REVIEW_SCHEMA_VERSION,
  oldest: 1,
  steps: [],
});

export const ARTICLE_MIGRATIONS = defineMigrations({
  kind: 'article file',
  current: ARTICLE_SCHEMA_VERSION,
  oldest: 1,
  steps: [],
});

export const ANNOTATION_FILE_MIGRATIONS = defineMigrations({
  kind: 'annotation file',
  current: ANNOTATION_FILE_SCHEMA_VERSION,
  oldest: 1,
  steps: [],
});
