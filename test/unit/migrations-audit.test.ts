/**
 * Audit log lines, version 1, from a frozen log written by the version-1 build
 * (test/fixtures/migrations/audit-v1.ndjson: an outcome created, edited, deleted, restored by undo,
 * and study values saved). Version 1 is the first: the list has no steps yet, and the next schema
 * change adds its step here with a test reading this same fixture.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAuditLog } from '../../shared/history/audit-format.js';
import { AUDIT_ENTRY_MIGRATIONS } from '../../shared/migrations/index.js';
import { AUDIT_ENTRY_SCHEMA_VERSION } from '../../shared/model/index.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/migrations/audit-v1.ndjson');
const text = readFileSync(fixture, 'utf8');

describe('audit log lines, version 1', () => {
  it('is the current version, read from the oldest with no steps', () => {
    expect(AUDIT_ENTRY_SCHEMA_VERSION).toBe(1);
    expect(AUDIT_ENTRY_MIGRATIONS).toMatchObject({ current: 1, oldest: 1, steps: [] });
  });

  it('reads every line of the frozen log, in file order, nothing skipped', () => {
    const log = parseAuditLog(text);
    expect(log.skipped).toBe(0);
    expect(log.tornTail).toBe(false);
    expect(log.entries.map((e) => `${e.target.type}:${e.action}/${e.cause}`)).toEqual([
      'annotation:create/edit',
      'annotation:update/edit',
      'annotation:delete/edit',
      'annotation:restore/undo',
      'study:create/edit',
    ]);
  });

  it('skips a line from a newer Evidentia instead of guessing at its fields', () => {
    const [first] = text.split('\n');
    const newer = JSON.stringify({ ...JSON.parse(first!), schemaVersion: 2 });
    const log = parseAuditLog(`${newer}\n${text}`);
    expect(log.skipped).toBe(1);
    expect(log.entries).toHaveLength(5);
  });
});
