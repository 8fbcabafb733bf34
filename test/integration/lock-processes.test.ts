/**
 * One writer per review, with real processes (core-lock.test.ts covers the lock within one
 * process): a second opener gets read-only access and a clear message while another process
 * writes, every write it tries is refused with `read-only` (never dropped silently), none of the
 * writer's acknowledged writes is lost, and a writer killed with SIGKILL leaves a lock that the
 * next opener takes over.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EvidentiaError } from '../../shared/result.js';
import { applyLines, emptyExpected, unreadableJsonFiles, verifyReview } from '../torture/check.js';
import { bundleWriter, prepareReview, startWriter } from '../torture/harness.js';
import { runCli } from './cli-run.js';
import { base64, openTest, tempDir } from './core-helpers.js';

beforeAll(async () => {
  await bundleWriter();
});

async function preparedReview(): Promise<string> {
  const dir = path.join(await tempDir('evidentia-lock-'), 'review');
  await prepareReview(dir);
  return dir;
}

/** The error a call rejected with (the test fails if it resolved). */
async function rejection(promise: Promise<unknown>): Promise<EvidentiaError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EvidentiaError);
    return error as EvidentiaError;
  }
  throw new Error('the call was accepted, but the review is read-only here');
}

const MARKER = 'written by the read-only instance';

describe('one writer per review, across processes', () => {
  it('refuses every write of a second process with read-only while the writer process loses none of its acknowledged writes', async () => {
    const dir = await preparedReview();
    const writer = startWriter(dir, { seed: 11, maxOps: 400 });
    await writer.ready;
    const second = await openTest(dir);
    const info = await second['review.info']({});
    expect(info.readOnly).toBe(true);

    const articleId = (await second['articles.list']({}))[0]!.id;
    const text = (await second['articles.get']({ id: articleId })).text;
    const someone = (await second['annotations.list']({}))[0]?.id ?? 'abcdefgh';
    const attempts: Array<() => Promise<unknown>> = [
      () => second['annotations.create']({ articleId, start: 0, end: 4, exact: text.slice(0, 4), body: { type: 'note', text: MARKER } }),
      () => second['annotations.update']({ id: someone, body: { type: 'note', text: MARKER } }),
      () => second['annotations.delete']({ id: someone }),
      () => second['articles.update']({ id: articleId, changes: { title: MARKER } }),
      () => second['articles.import']({ files: [{ fileName: 'refused.txt', base64: base64(`${MARKER}\nrefused`) }] }),
    ];
    // Tried over and over while the writer works: each is refused, none is queued for later.
    let refusedWhileWriterRan = 0;
    let writerDone = false;
    void writer.done.then(() => (writerDone = true));
    for (let round = 0; round < 200 && !writerDone; round++) {
      for (const attempt of attempts) {
        const error = await rejection(attempt());
        expect(error.code).toBe('read-only');
        expect(error.message).toMatch(new RegExp(`open in another Evidentia process \\(pid ${writer.pid} on `));
        refusedWhileWriterRan += 1;
      }
    }
    const run = await writer.done;
    expect(run.ending).toBe('finished');
    expect(refusedWhileWriterRan).toBeGreaterThan(0);
    await second.close();

    // The writer finished normally: its lock is gone, so this open is writable and checks everything.
    const expected = emptyExpected();
    const inFlight = applyLines(expected, run.lines);
    expect(inFlight).toBeNull();
    expect(expected.acknowledged).toBe(400);
    expect(await unreadableJsonFiles(dir)).toEqual([]);
    const findings = await verifyReview(dir, expected, null);
    expect(findings.missing).toEqual([]);
    expect(findings.other).toEqual([]);
    // Nothing of the read-only instance reached the disk.
    const third = await openTest(dir);
    expect((await third['review.info']({})).readOnly).toBe(false);
    const all = await third['annotations.list']({});
    expect(all.filter((a) => JSON.stringify(a.body).includes(MARKER))).toEqual([]);
    expect((await third['articles.list']({})).filter((a) => a.title.includes(MARKER))).toEqual([]);
  });

  it('takes over the lock of a writer process killed with SIGKILL, and opens writable', async () => {
    const dir = await preparedReview();
    let acks = 0;
    const writer = startWriter(dir, {
      seed: 12,
      // Killed in the middle of its work, after a few acknowledged writes.
      onLine: (line, handle) => {
        if (line.t === 'ack' && ++acks === 5) handle.kill();
      },
    });
    await writer.ready;
    const whileAlive = await openTest(dir);
    expect((await whileAlive['review.info']({})).readOnly).toBe(true);
    await whileAlive.close();
    const run = await writer.done;
    expect(run.ending).toBe('killed');

    // The dead writer's lock is still there, naming it.
    const lockFile = path.join(dir, '.evidentia.lock');
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(writer.pid);
    const next = await openTest(dir);
    expect((await next['review.info']({})).readOnly).toBe(false);
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid);
    const expected = emptyExpected();
    applyLines(expected, run.lines);
    const present = new Set((await next['annotations.list']({})).map((a) => a.id));
    for (const id of expected.annotations.keys()) expect(present.has(id)).toBe(true);
    const articleId = (await next['articles.list']({}))[0]!.id;
    const exact = (await next['articles.get']({ id: articleId })).text.slice(0, 4);
    const created = await next['annotations.create']({ articleId, start: 0, end: 4, exact, body: { type: 'note', text: 'after the takeover' } });
    expect(created.body).toEqual({ type: 'note', text: 'after the takeover' });
  });

  it('tells a CLI write command clearly that another process holds the review, and still serves reads', async () => {
    const dir = await preparedReview();
    const writer = startWriter(dir, { seed: 13 });
    try {
      await writer.ready;
      const core = await openTest(dir, { readOnly: true });
      const article = (await core['articles.list']({}))[0]!;
      const quote = (await core['articles.get']({ id: article.id })).text.slice(0, 12);
      const write = await runCli(['annotate', dir, article.id, '--quote', quote, '--type', 'note']);
      expect(write.code).not.toBe(0);
      expect(write.stderr).toMatch(/open in another Evidentia process, so it is read-only here; close it there and try again/);
      const read = await runCli(['list', dir, '--json']);
      expect(read.code).toBe(0);
      expect((JSON.parse(read.stdout) as unknown[]).length).toBeGreaterThanOrEqual(3);
    } finally {
      writer.kill();
      await writer.done;
    }
  });
});
