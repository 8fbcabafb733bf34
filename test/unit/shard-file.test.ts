import { mkdir, mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShardFileAdapter } from '../../electron/core/store/shard-file.js';

const shard = (annotations: object[]) => ({ schemaVersion: 2, articleId: 'a1', reviewer: 'me', annotations, study: [{ x: 'é "q"' }] });

describe('ShardFileAdapter', () => {
  it('writes exactly JSON.stringify of the shard, reusing pieces only for unchanged annotation objects', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shard-file-'));
    const file = path.join(dir, 'me.json');
    const adapter = new ShardFileAdapter<ReturnType<typeof shard>>(file);
    const a = { id: 'x', body: { text: 'one' } };
    const b = { id: 'y', body: { text: 'two\n"quoted"' } };
    await adapter.write(shard([a, b]));
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(shard([a, b])));
    const c = { ...b, body: { text: 'changed' } };
    await adapter.write(shard([a, c]));
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(shard([a, c])));
    expect(await adapter.read()).toEqual(shard([a, c]));
    await adapter.write(shard([]));
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(shard([])));
    expect(await readdir(dir)).toEqual(['me.json']); // no temporary file left
  });

  it('an object edited in place is written as edited after forget()', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shard-file-'));
    const file = path.join(dir, 'me.json');
    const adapter = new ShardFileAdapter<ReturnType<typeof shard>>(file);
    const a = { id: 'x', articleId: 'a1' };
    await adapter.write(shard([a]));
    a.articleId = 'a2';
    adapter.forget();
    await adapter.write(shard([a]));
    expect(JSON.parse(await readFile(file, 'utf8')).annotations[0].articleId).toBe('a2');
    expect(await new ShardFileAdapter(path.join(dir, 'missing.json')).read()).toBeNull();
  });

  it('knows the size and mtime it left on disk, and leaves the old file and no temporary file when a write fails', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shard-file-'));
    const file = path.join(dir, 'me.json');
    const adapter = new ShardFileAdapter<ReturnType<typeof shard>>(file);
    await adapter.write(shard([{ id: 'x' }]));
    const info = await stat(file);
    expect(adapter.lastWritten).toEqual({ size: info.size, mtimeMs: info.mtimeMs });

    // The target is now a folder: the rename fails after the temporary file was written.
    const blocked = path.join(dir, 'blocked.json');
    await mkdir(path.join(blocked, 'inside'), { recursive: true });
    const failing = new ShardFileAdapter<ReturnType<typeof shard>>(blocked);
    await expect(failing.write(shard([{ id: 'y' }]))).rejects.toThrow();
    expect(failing.lastWritten).toBeNull();
    expect((await readdir(dir)).sort()).toEqual(['blocked.json', 'me.json']);
  });
});
