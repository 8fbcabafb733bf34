import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, saveSettings, settingsPath } from '../../electron/main/settings.js';

describe('settings.json', () => {
  it('round-trips through its migration list and leaves no temporary file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'settings-'));
    const file = settingsPath(dir);
    await saveSettings(file, { schemaVersion: 1, lastReview: '/reviews/proderm' });
    expect(await loadSettings(file)).toEqual({ schemaVersion: 1, lastReview: '/reviews/proderm' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 1, lastReview: '/reviews/proderm' });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('reads a file from a newer Evidentia, a damaged one or none as "no settings"', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'settings-'));
    const file = settingsPath(dir);
    await writeFile(file, JSON.stringify({ schemaVersion: 2, lastReview: '/somewhere' }));
    expect(await loadSettings(file)).toEqual({ schemaVersion: 1 });
    await writeFile(file, '{"schemaVersion": 1, "lastRev');
    expect(await loadSettings(file)).toEqual({ schemaVersion: 1 });
    expect(await loadSettings(path.join(dir, 'missing.json'))).toEqual({ schemaVersion: 1 });
  });
});
