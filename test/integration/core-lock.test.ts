import { spawnSync } from 'node:child_process';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPidAlive } from '../../electron/core/store/lock.js';
import { EvidentiaError } from '../../shared/result.js';
import { base64, isFile, listTree, newReview, openTest } from './core-helpers.js';

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(child.stdout);
  expect(isPidAlive(pid)).toBe(false);
  return pid;
}

async function expectReadOnly(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(EvidentiaError);
  expect((error as EvidentiaError).code).toBe('read-only');
  expect((error as EvidentiaError).message).toMatch(pattern);
}

describe('writer lock', () => {
  it('writes pid, hostname and time into .evidentia.lock', async () => {
    const { dir } = await newReview();
    const lock = JSON.parse(await readFile(path.join(dir, '.evidentia.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    expect(Number.isNaN(Date.parse(lock.time))).toBe(false);
  });

  it('opens a second instance read-only; its writes fail with read-only naming the holder', async () => {
    const { dir, core } = await newReview();
    const imported = await core['articles.import']({ files: [{ fileName: 'a.txt', base64: base64('Alpha\nThe mean change was -9.36.') }] });
    const articleId = imported.results[0]!.articleId!;
    const before = await listTree(dir);

    const second = await openTest(dir);
    expect((await second['review.info']({})).readOnly).toBe(true);
    // Reads work.
    expect((await second['articles.list']({})).map((a) => a.id)).toEqual([articleId]);
    const holder = new RegExp(`open in another Evidentia process \\(pid ${process.pid}`);
    await expectReadOnly(second['articles.import']({ files: [{ fileName: 'b.txt', base64: base64('Beta') }] }), holder);
    await expectReadOnly(second.importPaths([dir]), holder);
    await expectReadOnly(second['articles.delete']({ id: articleId }), holder);
    await expectReadOnly(
      second['annotations.create']({ articleId, start: 0, end: 5, exact: 'Alpha', body: { type: 'note', text: 'x' } }),
      holder,
    );
    await expectReadOnly(second['annotations.update']({ id: 'abcdefgh', body: { type: 'note', text: 'x' } }), holder);
    await expectReadOnly(second['annotations.delete']({ id: 'abcdefgh' }), holder);
    expect(await listTree(dir)).toEqual(before);

    // The read-only instance's close must not remove the writer's lock.
    await second.close();
    expect(await isFile(path.join(dir, '.evidentia.lock'))).toBe(true);
    expect((await core['articles.list']({})).length).toBe(1);
  });

  it('releases the lock on close (safe to call twice) so the next opener can write', async () => {
    const { dir, core } = await newReview();
    await core.close();
    await core.close();
    expect(await isFile(path.join(dir, '.evidentia.lock'))).toBe(false);
    await expectReadOnly(core['articles.import']({ files: [{ fileName: 'a.txt', base64: base64('A') }] }), /closed/);
    const next = await openTest(dir);
    expect((await next['review.info']({})).readOnly).toBe(false);
    const report = await next['articles.import']({ files: [{ fileName: 'a.txt', base64: base64('A') }] });
    expect(report.results[0]!.status).toBe('imported');
  });

  it('takes over a stale lock left by a dead process on this host', async () => {
    const { dir, core } = await newReview();
    await core.close();
    const lockFile = path.join(dir, '.evidentia.lock');
    const pid = deadPid();
    await writeFile(lockFile, JSON.stringify({ pid, hostname: os.hostname(), time: new Date().toISOString(), token: 'old' }));
    const next = await openTest(dir);
    expect((await next['review.info']({})).readOnly).toBe(false);
    const lock = JSON.parse(await readFile(lockFile, 'utf8'));
    expect(lock.pid).toBe(process.pid);
    // Nothing left over from the takeover.
    expect((await listTree(dir)).filter((f) => f.includes('lock'))).toEqual(['.evidentia.lock']);
  });

  it('respects a lock held by a live process, and one from another host', async () => {
    const { dir, core } = await newReview();
    await core.close();
    const lockFile = path.join(dir, '.evidentia.lock');
    // pid 1 is always alive.
    await writeFile(lockFile, JSON.stringify({ pid: 1, hostname: os.hostname(), time: new Date().toISOString(), token: 't' }));
    const a = await openTest(dir);
    expect((await a['review.info']({})).readOnly).toBe(true);
    await expectReadOnly(a['articles.import']({ files: [{ fileName: 'a.txt', base64: base64('A') }] }), /pid 1 on/);

    const pid = deadPid();
    await writeFile(lockFile, JSON.stringify({ pid, hostname: 'another-machine', time: new Date().toISOString(), token: 't' }));
    const b = await openTest(dir);
    expect((await b['review.info']({})).readOnly).toBe(true);
    await expectReadOnly(b['articles.import']({ files: [{ fileName: 'a.txt', base64: base64('A') }] }), /another-machine/);
  });

  it('treats an unreadable lock as held while fresh and as stale once old', async () => {
    const { dir, core } = await newReview();
    await core.close();
    const lockFile = path.join(dir, '.evidentia.lock');
    // A process that crashed between creating the lock and writing it leaves an empty file.
    await writeFile(lockFile, '');
    const fresh = await openTest(dir);
    expect((await fresh['review.info']({})).readOnly).toBe(true);
    await fresh.close();
    const old = new Date(Date.now() - 60_000);
    await utimes(lockFile, old, old);
    const next = await openTest(dir);
    expect((await next['review.info']({})).readOnly).toBe(false);
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid);
  });
});
