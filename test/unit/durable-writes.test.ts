/**
 * The order of a durable write (electron/core/store/atomic.ts explains why each step): the
 * temporary file is flushed (fsync) before it is renamed over the target, and the folder is
 * flushed after the rename. The torture harness cannot see this order (a process kill keeps the
 * page cache), so it is pinned here by recording the file system calls; plus what the backup of
 * review.json (durable-file.ts) holds.
 */
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** File system calls of the writers, in order, with paths made relative to the test folder. */
const calls: string[] = [];
let root = '';
const rel = (p: unknown): string => path.relative(root, String(p)) || '.';
const fdPaths = new Map<number, string>();

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    openSync: (p: string, flags: string) => {
      const fd = fs.openSync(p, flags);
      fdPaths.set(fd, rel(p));
      return fd;
    },
    fsyncSync: (fd: number) => {
      calls.push(`fsync ${fdPaths.get(fd)}`);
      fs.fsyncSync(fd);
    },
    renameSync: (from: string, to: string) => {
      calls.push(`rename ${rel(from)} -> ${rel(to)}`);
      fs.renameSync(from, to);
    },
  };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const fsp = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fsp,
    open: async (p: string, flags: string) => {
      const handle = await fsp.open(p, flags);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        calls.push(`fsync ${rel(p)}`);
        await sync();
      };
      return handle;
    },
    rename: async (from: string, to: string) => {
      calls.push(`rename ${rel(from)} -> ${rel(to)}`);
      await fsp.rename(from, to);
    },
    link: async (from: string, to: string) => {
      calls.push(`link ${rel(from)} -> ${rel(to)}`);
      await fsp.link(from, to);
    },
  };
});

const { ShardFileAdapter } = await import('../../electron/core/store/shard-file.js');
const { DurableJsonFile } = await import('../../electron/core/store/durable-file.js');
const { writeFileAtomic } = await import('../../electron/core/store/atomic.js');

/** Temporary names are random: shown as <tmp>. */
const shape = (list: string[]): string[] => list.map((c) => c.replace(/\.[0-9a-f]{12}\.tmp/g, '.<tmp>'));

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'durable-writes-'));
  await mkdir(path.join(root, 'd'));
  calls.length = 0;
});

describe('durable writes flush the file before the rename and the folder after it', () => {
  it('annotation shards (synchronous writer)', async () => {
    const adapter = new ShardFileAdapter<{ annotations: object[] }>(path.join(root, 'd', 'me.json'));
    await adapter.write({ annotations: [{ id: 'a' }] });
    expect(shape(calls)).toEqual(['fsync d/.me.json.<tmp>', 'rename d/.me.json.<tmp> -> d/me.json', 'fsync d']);
  });

  it('review.json, keeping the version it replaces as review.json.bak', async () => {
    const file = path.join(root, 'd', 'review.json');
    const adapter = new DurableJsonFile<object>(file, { indent: 2, backup: true });
    await adapter.write({ v: 1 });
    calls.length = 0;
    await adapter.write({ v: 2 });
    expect(shape(calls)).toEqual([
      'fsync d/.review.json.tmp',
      'link d/review.json -> d/.review.json.bak.<tmp>',
      'rename d/.review.json.bak.<tmp> -> d/review.json.bak',
      'rename d/.review.json.tmp -> d/review.json',
      'fsync d',
    ]);
  });

  it('original files and derived files (writeFileAtomic)', async () => {
    await writeFileAtomic(path.join(root, 'd', 'blob.txt'), 'bytes');
    expect(shape(calls)).toEqual(['fsync d/.blob.txt.<tmp>', 'rename d/.blob.txt.<tmp> -> d/blob.txt', 'fsync d']);
  });
});

describe('DurableJsonFile', () => {
  it('writes JSON.stringify of the data (indented or compact), and the backup holds the previous version', async () => {
    const file = path.join(root, 'd', 'review.json');
    const adapter = new DurableJsonFile<object>(file, { indent: 2, backup: true });
    await adapter.write({ v: 1 });
    // Nothing to back up before the first write.
    expect((await readdir(path.join(root, 'd'))).sort()).toEqual(['review.json']);
    await adapter.write({ v: 2, list: ['x'] });
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify({ v: 2, list: ['x'] }, null, 2));
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual({ v: 1 });
    expect((await readdir(path.join(root, 'd'))).sort()).toEqual(['review.json', 'review.json.bak']);

    const compact = new DurableJsonFile<object>(path.join(root, 'd', 'article.json'));
    await compact.write({ a: [1, 2] });
    expect(await readFile(path.join(root, 'd', 'article.json'), 'utf8')).toBe('{"a":[1,2]}');
    expect(await new DurableJsonFile(path.join(root, 'd', 'missing.json')).read()).toBeNull();
  });

  it('lands writes issued together in call order, each with the data as it was when written', async () => {
    const file = path.join(root, 'd', 'review.json');
    const adapter = new DurableJsonFile<{ n: number }>(file, { backup: true });
    const data = { n: 1 };
    const writes = [adapter.write(data)];
    data.n = 2;
    writes.push(adapter.write(data));
    data.n = 3;
    writes.push(adapter.write(data));
    await Promise.all(writes);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 3 });
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual({ n: 2 });
  });

  it('leaves the old file, its backup and no temporary file when a write fails', async () => {
    const dir = path.join(root, 'd');
    const adapter = new DurableJsonFile<object>(path.join(dir, 'blocked.json'), { backup: true });
    // A folder where the file should be: the rename fails after the temporary file was written.
    await mkdir(path.join(dir, 'blocked.json', 'inside'), { recursive: true });
    await expect(adapter.write({ v: 1 })).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['blocked.json']);
    await writeFile(path.join(dir, 'ok.json'), '{"v":0}');
    const ok = new DurableJsonFile<object>(path.join(dir, 'ok.json'), { backup: true });
    await ok.write({ v: 1 });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
