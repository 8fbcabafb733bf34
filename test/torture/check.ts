/**
 * What the torture harness checks after each kill, and the state it expects: every acknowledged
 * write of every writer so far (see protocol.ts), minus what a later acknowledged write undid.
 *
 * At most one write is unacknowledged when the writer dies (it writes one at a time): the one
 * after its last "ack" line. That write may have reached the disk or not, so its target is allowed
 * either state; after each round the expectation is re-based on what the review then holds, which
 * was checked against every acknowledged write.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { openReview } from '../../electron/core/index.js';
import type { AnnotationBody } from '../../shared/model/index.js';
import type { AckLine, IntentLine, WriterLine } from './protocol.js';

export interface Expected {
  /** Annotation id → its article and its last acknowledged body. */
  annotations: Map<string, { articleId: string; body: AnnotationBody }>;
  /** Ids deleted with an acknowledgement: they must stay gone. */
  deleted: Set<string>;
  /** Article id → title, for imported and edited articles. */
  titles: Map<string, string>;
  acknowledged: number;
}

export function emptyExpected(): Expected {
  return { annotations: new Map(), deleted: new Set(), titles: new Map(), acknowledged: 0 };
}

export interface RoundFindings {
  /** JSON files of the review (outside .index/, which is derived) that do not parse, before any repair. */
  unreadable: string[];
  /** Acknowledged annotations absent, or present with another body than the acknowledged one. */
  missing: string[];
  /** Anything else that is wrong: deleted annotations back, edits or imports lost, open failures. */
  other: string[];
  /** What opening logged: repairs (review.json restored from its backup, temporary files removed) or problems. */
  logged: string[];
}

/** Fold the writer's lines into the expectation; returns the write left unacknowledged, if any. */
export function applyLines(expected: Expected, lines: WriterLine[]): IntentLine | null {
  let inFlight: IntentLine | null = null;
  for (const line of lines) {
    if (line.t === 'intent') inFlight = line;
    else if (line.t === 'ack') {
      inFlight = null;
      expected.acknowledged += 1;
      applyAck(expected, line);
    }
  }
  return inFlight;
}

function applyAck(expected: Expected, ack: AckLine): void {
  switch (ack.op) {
    case 'create':
      expected.annotations.set(ack.id, { articleId: ack.articleId, body: ack.body });
      break;
    case 'update': {
      const known = expected.annotations.get(ack.id);
      if (known) known.body = ack.body;
      break;
    }
    case 'delete':
      expected.annotations.delete(ack.id);
      expected.deleted.add(ack.id);
      break;
    case 'article':
      expected.titles.set(ack.id, ack.title);
      break;
    case 'import':
      // The importer takes the first line of the text as the title.
      expected.titles.set(ack.id, `Torture article ${ack.fileName.replace(/^torture-|\.txt$/g, '')}`);
      break;
  }
}

/** Every file of the review folder, relative, except the derived .index/ and the original blobs. */
async function reviewFiles(dir: string, sub = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (rel !== '.index' && rel !== 'files') out.push(...(await reviewFiles(dir, rel)));
    } else out.push(rel);
  }
  return out;
}

/** Temporary files are written, then renamed: a leftover one is never read, so it is not checked here. */
const isTemp = (rel: string): boolean => /(^|\/)\.[^/]+\.tmp$/.test(rel);

/** The review's JSON files (and the lock and backups, which are JSON too) that do not parse. */
export async function unreadableJsonFiles(dir: string): Promise<string[]> {
  const bad: string[] = [];
  for (const rel of await reviewFiles(dir)) {
    if (isTemp(rel) || !/(\.json|\.bak|\.evidentia\.lock)$/.test(rel)) continue;
    try {
      JSON.parse(await readFile(path.join(dir, rel), 'utf8'));
    } catch (error) {
      bad.push(`${rel}: ${(error as Error).message}`);
    }
  }
  return bad;
}

/** Temporary files still there after a writable open and close (which remove them); the lock's own are left for a minute. */
export async function leftoverTempFiles(dir: string): Promise<string[]> {
  return (await reviewFiles(dir)).filter((rel) => isTemp(rel) && !rel.startsWith('..evidentia.lock'));
}

/** JSON with sorted keys, so two equal bodies compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * Open the review as the app would (taking over the dead writer's lock), compare it with the
 * expectation, and re-base the expectation on it. Call unreadableJsonFiles first: opening repairs.
 */
export async function verifyReview(dir: string, expected: Expected, inFlight: IntentLine | null): Promise<RoundFindings> {
  const findings: RoundFindings = { unreadable: [], missing: [], other: [], logged: [] };
  let core;
  try {
    core = await openReview(dir, { log: (message) => findings.logged.push(message) });
  } catch (error) {
    findings.other.push(`the review did not open: ${(error as Error).message}`);
    return findings;
  }
  try {
    if ((await core['review.info']({})).readOnly) findings.other.push("the dead writer's lock was not taken over: opened read-only");
    const present = new Map((await core['annotations.list']({})).map((a) => [a.id, a]));
    const uncertain = inFlight && 'id' in inFlight ? inFlight.id : null;
    for (const [id, want] of expected.annotations) {
      const got = present.get(id);
      if (id === uncertain) continue; // its update or delete may or may not have landed
      if (!got) findings.missing.push(`${id} (on ${want.articleId}) is missing`);
      else if (canonical(got.body) !== canonical(want.body)) findings.missing.push(`${id} has body ${canonical(got.body)}, acknowledged ${canonical(want.body)}`);
    }
    for (const id of expected.deleted) if (present.has(id)) findings.other.push(`${id} was deleted (acknowledged) but is back`);
    const extra = [...present.keys()].filter((id) => !expected.annotations.has(id) && !expected.deleted.has(id));
    const allowedExtra = inFlight?.op === 'create' ? 1 : 0;
    if (extra.length > allowedExtra) findings.other.push(`${extra.length} annotations nobody acknowledged creating: ${extra.slice(0, 3).join(', ')}`);

    const articles = new Map((await core['articles.list']({})).map((a) => [a.id, a.title]));
    for (const [id, title] of expected.titles) {
      if (inFlight?.op === 'article' && inFlight.id === id) continue;
      if (!articles.has(id)) findings.other.push(`acknowledged import ${id} ("${title}") is missing`);
      else if (articles.get(id) !== title) findings.other.push(`article ${id} is titled "${articles.get(id)}", acknowledged "${title}"`);
    }

    // Re-base on what is there now: every acknowledged write was just checked against it.
    expected.annotations = new Map([...present].map(([id, a]) => [id, { articleId: a.articleId, body: a.body }]));
    expected.titles = new Map([...expected.titles].filter(([id]) => articles.has(id)).map(([id]) => [id, articles.get(id)!]));
  } catch (error) {
    findings.other.push(`the review opened but could not be read: ${(error as Error).message}`);
  } finally {
    await core.close();
  }
  return findings;
}
