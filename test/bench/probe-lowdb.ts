/**
 * naive_lowdb_save, the baseline: every annotation of the review in one lowdb file (what a
 * single-file design would hold), then one annotation pushed and `await db.write()`, five times.
 * Run with a big heap on purpose; its memory is not counted in peak_rss_mb.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile, JSONFile } from 'lowdb/node';
import type { Annotation } from '../../shared/model/index.js';
import { progress, readInput, runProbe } from './probe-common.js';

type Data = { annotations: Annotation[] };

await runProbe(async () => {
  const { reviewDir, file, saves } = readInput<{ reviewDir: string; file: string; saves: number }>();
  const annotations: Annotation[] = [];
  const root = path.join(reviewDir, 'annotations');
  for (const article of await readdir(root)) {
    for (const shard of await readdir(path.join(root, article))) {
      if (!shard.endsWith('.json')) continue;
      const data = JSON.parse(await readFile(path.join(root, article, shard), 'utf8')) as { annotations: Annotation[] };
      for (const a of data.annotations) annotations.push(a);
    }
  }
  progress(`naive lowdb: ${annotations.length} annotations read from the shards; writing one file`);
  const count = annotations.length;
  // lowdb's JSONFile pretty-prints; at this size that string can pass V8's limit (~512 MB), so
  // fall back to lowdb's DataFile with compact JSON (still one file rewritten on every write).
  let adapter = 'JSONFile';
  let db = new Low<Data>(new JSONFile(file), { annotations });
  let t = performance.now();
  try {
    await db.write();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    progress(`naive lowdb: JSONFile cannot write it (${error.message}); using DataFile with compact JSON`);
    adapter = 'DataFile (compact JSON)';
    db = new Low<Data>(new DataFile(file, { parse: JSON.parse, stringify: (data: Data) => JSON.stringify(data) }), { annotations });
    t = performance.now();
    await db.write();
  }
  const firstWriteMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < saves; i++) {
    const template = annotations[i * 997 % annotations.length]!;
    db.data.annotations.push({ ...template, id: `naive-save-${i}-${Date.now()}` });
    t = performance.now();
    await db.write();
    times.push(performance.now() - t);
  }
  return { adapter, annotations: count, firstWriteMs, times, bytes: (await stat(file)).size };
});
