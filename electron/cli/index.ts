/**
 * The `evidentia` command (bundled to dist/cli/evidentia.mjs). Routes argv to a command and owns
 * the process's exit: user errors become one `evidentia: …` line on stderr with exit 1 or 2, never a
 * stack trace (unless EVIDENTIA_DEBUG=1).
 */
import pkg from '../../package.json' with { type: 'json' };
import { EvidentiaError } from '../../shared/result.js';
import { parseCommandArgs } from './args.js';
import { COMMANDS } from './commands/index.js';
import { CliError, usageError } from './errors.js';
import { commandHelp, globalHelp } from './help.js';
import { debugEnabled, describe } from './log.js';
import { err, flushed, out } from './output.js';

const HELP_FLAGS = new Set(['--help', '-h']);
const VERSION_FLAGS = new Set(['--version', '-V']);

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    err(globalHelp(COMMANDS, pkg.version));
    return 2;
  }
  if (HELP_FLAGS.has(first) || first === 'help') {
    const topic = rest[0] === undefined ? undefined : findCommand(rest[0]);
    out(topic ? commandHelp(topic) : globalHelp(COMMANDS, pkg.version));
    return 0;
  }
  if (VERSION_FLAGS.has(first)) {
    out(pkg.version);
    return 0;
  }
  const command = findCommand(first);
  // `--help` anywhere before a `--` terminator asks for help, even with other arguments missing.
  const beforeTerminator = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (beforeTerminator.some((a) => HELP_FLAGS.has(a))) {
    out(commandHelp(command));
    return 0;
  }
  return command.run(parseCommandArgs(command, rest));
}

function findCommand(name: string) {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw usageError(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see evidentia --help)`);
  return command;
}

/** Messages are printed on one line: scripts read stderr line by line. */
const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, ' ');

function report(error: unknown): number {
  if (error instanceof CliError) {
    err(`evidentia: ${oneLine(error.message)}`);
    return error.exitCode;
  }
  if (error instanceof EvidentiaError) {
    err(`evidentia: ${oneLine(error.message)}`);
    return 1;
  }
  if (debugEnabled() && error instanceof Error) err(`evidentia: unexpected error\n${error.stack}`);
  else err(`evidentia: unexpected error: ${oneLine(describe(error))} (run with EVIDENTIA_DEBUG=1 for details)`);
  return 1;
}

// `evidentia list DIR | head -1`: the reader went away; stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Exit explicitly once output is flushed: a stray handle (a timer, a worker) must not keep a
// finished command alive, and the exit code must be exactly the command's.
main(process.argv.slice(2))
  .catch(report)
  .then(async (code) => {
    await flushed();
    process.exit(code);
  });
