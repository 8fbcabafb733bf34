// Which review opens at start, the settings file that remembers it, and review switching.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseReview, reviewFromArgv } from '../../electron/main/review-choice.js';
import { ReviewSession } from '../../electron/main/review-session.js';
import { loadSettings, saveSettings, settingsPath } from '../../electron/main/settings.js';
import type { Core } from '../../electron/core/types.js';
import { EvidentiaError } from '../../shared/result.js';

const USER_DATA = path.resolve('/data/Evidentia');

describe('reviewFromArgv', () => {
  it('reads --review DIR and --review=DIR, relative to the working directory', () => {
    expect(reviewFromArgv(['electron', '.', '--review', 'reviews/a'], '/home/u')).toBe(path.resolve('/home/u/reviews/a'));
    expect(reviewFromArgv(['evidentia', '--review=/abs/b'], '/home/u')).toBe(path.resolve('/abs/b'));
  });

  it('ignores a missing value', () => {
    expect(reviewFromArgv(['electron', '.', '--review'], '/x')).toBeNull();
    expect(reviewFromArgv(['electron', '.', '--review', '--inspect'], '/x')).toBeNull();
    expect(reviewFromArgv(['electron', '.'], '/x')).toBeNull();
  });
});

describe('chooseReview', () => {
  const base = { argv: ['electron', '.'], cwd: '/w', userData: USER_DATA, exists: () => true };

  it('creates the default review in the user data folder on first launch', () => {
    expect(chooseReview({ ...base, lastReview: undefined })).toEqual({
      dir: path.join(USER_DATA, 'reviews', 'My review'),
      create: true,
      name: 'My review',
      source: 'default',
    });
  });

  it('reopens the last review when its folder still exists', () => {
    const last = path.resolve('/reviews/ivig');
    expect(chooseReview({ ...base, lastReview: last })).toMatchObject({ dir: last, create: false, source: 'last-opened' });
    expect(chooseReview({ ...base, lastReview: last, exists: () => false })).toMatchObject({ source: 'default' });
    expect(chooseReview({ ...base, lastReview: 'relative/path' })).toMatchObject({ source: 'default' });
  });

  it('lets --review win over everything, creating it if needed', () => {
    expect(chooseReview({ ...base, argv: ['e', '--review', 'new one'], lastReview: '/reviews/ivig' })).toEqual({
      dir: path.resolve('/w/new one'),
      create: true,
      name: 'new one',
      source: 'command-line',
    });
  });
});

describe('settings file', () => {
  const dirs: string[] = [];
  const temp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidentia-settings-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('round-trips the last review and leaves no temp file behind', async () => {
    const dir = temp();
    const file = settingsPath(path.join(dir, 'userData'));
    await saveSettings(file, { schemaVersion: 1, lastReview: '/reviews/a' });
    expect(await loadSettings(file)).toEqual({ schemaVersion: 1, lastReview: '/reviews/a' });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });

  it('treats a missing or damaged file as empty settings', async () => {
    const dir = temp();
    expect(await loadSettings(path.join(dir, 'none.json'))).toEqual({ schemaVersion: 1 });
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"lastReview": 42');
    expect(await loadSettings(path.join(dir, 'bad.json'))).toEqual({ schemaVersion: 1 });
    fs.writeFileSync(path.join(dir, 'wrong.json'), '{"lastReview": 42}');
    expect(await loadSettings(path.join(dir, 'wrong.json'))).toEqual({ schemaVersion: 1 });
  });
});

function fakeCore(dir: string, readOnly = false): Core {
  return {
    dir,
    close: vi.fn(async () => {}),
    'review.info': vi.fn(async () => ({ name: path.basename(dir), dir, schemaVersion: 1, readOnly, reviewers: [], defaultReviewer: 'me', articleCount: 0 })),
  } as unknown as Core;
}

describe('ReviewSession', () => {
  it('opens a review, then closes the old one only after the new one opened', async () => {
    const a = fakeCore(path.resolve('/r/a'));
    const b = fakeCore(path.resolve('/r/b'));
    const open = vi.fn(async (dir: string) => (dir === a.dir ? a : b));
    const session = new ReviewSession(open, () => {});
    await session.open(a.dir, { create: true, name: 'a' });
    expect(open).toHaveBeenCalledWith(a.dir, expect.objectContaining({ create: true, name: 'a' }));
    expect(session.core).toBe(a);
    await session.open(b.dir, { create: false });
    expect(session.core).toBe(b);
    expect(a.close).toHaveBeenCalledTimes(1);
    expect(b.close).not.toHaveBeenCalled();
  });

  it('keeps the current review when the new one fails to open', async () => {
    const a = fakeCore(path.resolve('/r/a'));
    const open = vi.fn(async (dir: string) => {
      if (dir === a.dir) return a;
      throw new EvidentiaError('not-found', 'not a review');
    });
    const session = new ReviewSession(open, () => {});
    await session.open(a.dir, { create: true });
    await expect(session.open('/r/broken', { create: false })).rejects.toThrow('not a review');
    expect(session.core).toBe(a);
    expect(a.close).not.toHaveBeenCalled();
  });

  it('does not reopen (and lock against itself) the review that is already open', async () => {
    const a = fakeCore(path.resolve('/r/a'));
    const open = vi.fn(async () => a);
    const session = new ReviewSession(open, () => {});
    await session.open(a.dir, { create: false });
    await session.open(`${a.dir}/`, { create: false });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('falls back to read-only when the core refuses the writer lock', async () => {
    const ro = fakeCore(path.resolve('/r/locked'), true);
    const open = vi.fn(async (_dir: string, options?: { readOnly?: boolean }) => {
      if (!options?.readOnly) throw new EvidentiaError('read-only', 'locked by another process');
      return ro;
    });
    const session = new ReviewSession(open, () => {});
    const opened = await session.open(ro.dir, { create: true });
    expect(open).toHaveBeenLastCalledWith(ro.dir, expect.objectContaining({ readOnly: true, create: false }));
    expect(opened.info.readOnly).toBe(true);
  });

  it('close() releases the review once, and is safe to call twice', async () => {
    const a = fakeCore(path.resolve('/r/a'));
    const session = new ReviewSession(async () => a, () => {});
    await session.open(a.dir, { create: false });
    await session.close();
    await session.close();
    expect(a.close).toHaveBeenCalledTimes(1);
    expect(session.core).toBeNull();
  });
});
