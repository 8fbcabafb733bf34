/**
 * Persisted-file migrations as a validated list of pure steps (after excalidraw's data/schema.ts).
 * Each file kind (review.json, article files, annotation shards) has its own list; a file is brought
 * up to the current version in memory at load, step by step, and is only written back when the
 * store next saves it. A file from a *newer* Evidentia is refused with a clear error and left
 * untouched, rather than being read with fields this version does not know and then overwritten.
 */
import { EvidentiaError } from '../result.js';

export interface Migration {
  /** schemaVersion this step reads. */
  from: number;
  /** schemaVersion this step writes: always from + 1. */
  to: number;
  /** What changed, for people reading the list and for the log. */
  description: string;
  /** Pure: returns the migrated data (with schemaVersion === to), never mutates its input. */
  apply(data: Record<string, unknown>): Record<string, unknown>;
}

export interface MigrationList {
  /** Human name of the file kind, for messages ("review file", "article file"). */
  kind: string;
  /** The version this build of Evidentia writes. */
  current: number;
  /** The oldest version it can still read (usually 1). */
  oldest: number;
  steps: readonly Migration[];
}

/**
 * Check a list once, at module load: contiguous single steps from `oldest` to `current`, in order,
 * each with a description. A broken list is a programming error and must fail loudly and early.
 */
export function defineMigrations(list: MigrationList): MigrationList {
  const { kind, current, oldest, steps } = list;
  if (!Number.isInteger(current) || !Number.isInteger(oldest) || oldest < 1 || oldest > current) {
    throw new Error(`${kind} migrations: versions must satisfy 1 <= oldest (${oldest}) <= current (${current})`);
  }
  if (steps.length !== current - oldest) {
    throw new Error(`${kind} migrations: expected ${current - oldest} steps from ${oldest} to ${current}, got ${steps.length}`);
  }
  steps.forEach((step, i) => {
    const expectedFrom = oldest + i;
    if (step.from !== expectedFrom || step.to !== expectedFrom + 1) {
      throw new Error(`${kind} migrations: step ${i} goes ${step.from}→${step.to}, expected ${expectedFrom}→${expectedFrom + 1}`);
    }
    if (step.description.trim().length === 0) throw new Error(`${kind} migrations: step ${step.from}→${step.to} has no description`);
    if (typeof step.apply !== 'function') throw new Error(`${kind} migrations: step ${step.from}→${step.to} has no apply()`);
  });
  return list;
}

export interface Migrated {
  data: Record<string, unknown>;
  /** The version the file had on disk. */
  fromVersion: number;
  /** Descriptions of the steps applied, oldest first (empty when the file was current). */
  applied: string[];
}

/** Bring parsed JSON up to `list.current`. `label` names the file in error messages. */
export function migrate(list: MigrationList, raw: unknown, label: string): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new EvidentiaError('corrupt-file', `${label} is damaged: it does not hold a JSON object.`);
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new EvidentiaError('corrupt-file', `${label} is damaged: it has no schemaVersion.`);
  }
  if (version > list.current) {
    throw new EvidentiaError(
      'unsupported-type',
      `${label} was written by a newer version of Evidentia (${list.kind} version ${version}; this version reads up to ${list.current}). ` +
        'Update Evidentia to open it. The file was not changed.',
    );
  }
  if (version < list.oldest) {
    throw new EvidentiaError(
      'unsupported-type',
      `${label} uses ${list.kind} version ${version}, older than this version of Evidentia can read (${list.oldest}). The file was not changed.`,
    );
  }
  let data = raw as Record<string, unknown>;
  const applied: string[] = [];
  for (const step of list.steps.slice(version - list.oldest)) {
    data = step.apply(data);
    if (data.schemaVersion !== step.to) {
      throw new Error(`${list.kind} migration ${step.from}→${step.to} returned schemaVersion ${String(data.schemaVersion)}`);
    }
    applied.push(step.description);
  }
  return { data, fromVersion: version, applied };
}
