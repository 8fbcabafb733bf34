/**
 * The audit log's line format, as pure functions (the file I/O is electron/core/audit/). One entry
 * per line; a line is only trusted once its newline is written, so a crash mid-append leaves at
 * worst one incomplete last line, which the reader skips. Lines from a newer Evidentia, or damaged
 * ones, are skipped and counted, never allowed to hide the lines around them.
 */
import { AUDIT_ENTRY_MIGRATIONS, migrate } from '../migrations/index.js';
import { AuditEntry } from '../model/audit.js';

export function formatAuditLine(entry: AuditEntry): string {
  // JSON.stringify escapes newlines inside strings, so one entry is always exactly one line.
  return `${JSON.stringify(entry)}\n`;
}

export interface ParsedAuditLog {
  /** In file order (oldest first). */
  entries: AuditEntry[];
  /** Complete lines that could not be read (damaged, or from a newer version). */
  skipped: number;
  /** True when the text ends in an incomplete line (a torn append), which was ignored. */
  tornTail: boolean;
}

/** Parse one log file's text. `label` names the file in nothing but the migration's messages. */
export function parseAuditLog(text: string, label = 'audit log'): ParsedAuditLog {
  const lines = text.split('\n');
  // Whatever follows the last newline was never finished: '' for a whole file, a fragment after a crash.
  const tail = lines.pop() ?? '';
  const entries: AuditEntry[] = [];
  let skipped = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const entry = parseLine(line, label);
    if (entry) entries.push(entry);
    else skipped += 1;
  }
  return { entries, skipped, tornTail: tail.trim() !== '' };
}

function parseLine(line: string, label: string): AuditEntry | null {
  try {
    const { data } = migrate(AUDIT_ENTRY_MIGRATIONS, JSON.parse(line), label);
    const parsed = AuditEntry.safeParse(data);
    return parsed.success ? parsed.data : null;
  } catch {
    // Not JSON, or a version this build cannot read: skipped and counted by the caller.
    return null;
  }
}
