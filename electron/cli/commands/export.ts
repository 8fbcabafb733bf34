/** evidentia export DIR --format csv|json [--out FILE]: the same export the UI's Export button makes. */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { positional, stringOption } from '../args.js';
import { call, usingCore } from '../call.js';
import type { Command } from '../command.js';
import { CliError, usageError } from '../errors.js';
import { describe } from '../log.js';
import { out, outRaw } from '../output.js';
import { openExistingReview } from '../review.js';

const FORMATS = ['csv', 'json'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'export outcomes and discrepancies as CSV or JSON',
  usage: 'evidentia export DIR --format csv|json [--out FILE]',
  details: 'Without --out the export is written to standard output.',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  optionHelp: [
    ['--format F', 'csv (one row per outcome) or json (outcomes and discrepancies)'],
    ['--out FILE', 'write to FILE instead of standard output'],
  ],
  positionals: [1, 1],
  async run(args) {
    const raw = stringOption(args, 'format');
    const format = FORMATS.find((f) => f === raw);
    if (!format) throw usageError(raw === undefined ? '--format csv|json is required' : `--format "${raw}" is not csv or json`);
    const target = stringOption(args, 'out');
    const core = await openExistingReview(positional(args, 0), { readOnly: true });
    const file = await usingCore(core, (c) => call(c, 'export.run', { format }));
    if (target === undefined) {
      outRaw(file.content);
    } else {
      await writeAtomically(resolve(target), file.content);
      out(`wrote ${target}`);
    }
    return 0;
  },
};

/** Temp file + rename, so an interrupted export never leaves a half-written file where a good one was. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new CliError(`cannot write ${path}: ${reason(error)}`);
  }
}

/** The cause in words, without the temp file's name that Node's message would show. */
function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return describe(error);
  }
}
