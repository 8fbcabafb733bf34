/** The shape every command module exports; index.ts dispatches on `name`. */
import type { ParseArgsConfig } from 'node:util';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  name: string;
  /** One line for `evidentia --help`. */
  summary: string;
  /** The synopsis, e.g. "evidentia list DIR [--json]". */
  usage: string;
  /** Extra paragraphs for `evidentia COMMAND --help`. */
  details: string;
  options: OptionSpecs;
  /** Descriptions of the options for the help text, in display order. */
  optionHelp: Array<[string, string]>;
  /** Positional arguments: [min, max] (max Infinity for PATH...). */
  positionals: [number, number];
  /** Resolves with the exit code (0 or 1); throws CliError for failures with one message. */
  run(args: ParsedArgs): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}
