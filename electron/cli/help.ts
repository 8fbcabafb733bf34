/** Help texts, generated from the command table so they cannot drift from what is parsed. */
import type { Command } from './command.js';
import { columns } from './output.js';

export function globalHelp(commands: readonly Command[], version: string): string {
  return [
    `evidentia ${version}: import research articles, tag outcomes and discrepancies anchored to quotes, export.`,
    '',
    'Usage:',
    ...commands.map((c) => `  ${c.usage}`),
    '',
    'Commands:',
    ...columns(commands.map((c) => [`  ${c.name}`, c.summary])),
    '',
    'DIR is a review folder (create one with `evidentia init DIR`).',
    'Run `evidentia COMMAND --help` for details. `evidentia --version` prints the version.',
    'Exit codes: 0 success, 1 failure, 2 wrong command line. EVIDENTIA_DEBUG=1 shows stack traces.',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const options: Array<[string, string]> = [...command.optionHelp, ['--help', 'show this help']];
  return [
    `Usage: ${command.usage}`,
    '',
    `${command.summary[0]?.toUpperCase()}${command.summary.slice(1)}.`,
    ...(command.details ? ['', command.details] : []),
    '',
    'Options:',
    ...columns(options.map(([name, text]) => [`  ${name}`, text])),
  ].join('\n');
}
