/** A small argument reader for the bench commands: --name value, --flag, and positionals. */

export interface Args {
  positional: string[];
  values: Record<string, string>;
  flags: Set<string>;
  int(name: string): number;
}

export function parseArgs(argv: readonly string[], valueNames: readonly string[], flagNames: readonly string[]): Args {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (flagNames.includes(name)) {
      flags.add(name);
    } else if (valueNames.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      values[name] = value;
    } else {
      throw new Error(`unknown option --${name}`);
    }
  }
  return {
    positional,
    values,
    flags,
    int(name: string): number {
      const n = Number(values[name]);
      if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got ${values[name]})`);
      return n;
    },
  };
}
