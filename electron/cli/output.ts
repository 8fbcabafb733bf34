/**
 * Writing to stdout/stderr. Every write is tracked so index.ts can wait until the last byte reached
 * the OS before exiting: process.exit() right after a large write to a pipe would truncate it on
 * platforms where pipes are asynchronous (macOS, Windows).
 */
let pending: Promise<void> = Promise.resolve();

function write(stream: NodeJS.WriteStream, text: string): void {
  const done = new Promise<void>((resolve) => {
    stream.write(text, () => resolve());
  });
  pending = pending.then(() => done);
}

/** One line (or several) on stdout; a trailing newline is added. */
export function out(line = ''): void {
  write(process.stdout, line + '\n');
}

/** Raw text on stdout, as is (export content). */
export function outRaw(text: string): void {
  write(process.stdout, text);
}

/** Stable, indented JSON on stdout: the --json output of every command. */
export function outJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

/** A line on stderr (messages for the human, never part of --json output). */
export function err(line: string): void {
  write(process.stderr, line + '\n');
}

export function flushed(): Promise<void> {
  return pending;
}

/** Shortens text for one-line listings, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}

/** Left-aligns rows of cells into columns separated by two spaces (last column not padded). */
export function columns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd(),
  );
}
