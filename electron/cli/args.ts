/**
 * Command-line parsing with node:util parseArgs (strict: unknown options are errors), turning its
 * thrown TypeErrors into one-line usage errors, plus small typed accessors for option values.
 */
import { parseArgs } from 'node:util';
import type { Command, ParsedArgs } from './command.js';
import { usageError } from './errors.js';

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: attachDashValues(command, argv), options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages are right but long ("To specify a positional argument starting with a '-' …");
    // the first sentence is the part a user needs, the usage shows the rest.
    const message = error instanceof Error ? explain(error.message) : String(error);
    throw usageError(`${message} (usage: ${command.usage})`);
  }
  const [min, max] = command.positionals;
  const n = parsed.positionals.length;
  if (n < min) throw usageError(`${command.name}: missing argument${min - n > 1 ? 's' : ''} (usage: ${command.usage})`);
  if (n > max) {
    throw usageError(`${command.name}: unexpected argument "${parsed.positionals[max]}" (usage: ${command.usage})`);
  }
  return parsed;
}

/**
 * Reviewers quote negative numbers ("--quote -9.36", "--field value=-1.16" is fine, "--quote -9.36"
 * is not for parseArgs): a string option followed by a token that starts with a single "-" takes it
 * as its value. A following "--x" token is still read as an option, so a forgotten value is reported.
 */
function attachDashValues(command: Command, argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const next = argv[i + 1];
    const name = token.startsWith('--') && !token.includes('=') ? token.slice(2) : null;
    if (name && command.options[name]?.type === 'string' && next !== undefined && /^-[^-]/.test(next)) {
      out.push(`${token}=${next}`);
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

function explain(message: string): string {
  // "--quote -9.36": parseArgs cannot tell a negative number from an option.
  const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
  if (ambiguous) return `${ambiguous[1]}: a value starting with "-" must be attached with "=", as in ${ambiguous[1]}=-9.36`;
  return firstSentence(message);
}

function firstSentence(message: string): string {
  const cut = message.search(/\.\s/);
  return cut === -1 ? message : message.slice(0, cut + 1);
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** The positional at `index`; parseCommandArgs already checked the count. */
export function positional(args: ParsedArgs, index: number): string {
  const value = args.positionals[index];
  if (value === undefined) throw usageError('missing argument');
  return value;
}

/** An integer option within [min, max], or the fallback when absent. */
export function intOption(args: ParsedArgs, name: string, min: number, max: number, fallback: number): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw usageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}
