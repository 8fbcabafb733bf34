/**
 * The app's own small settings file (<userData>/settings.json): which review was open last. Never
 * review data. A missing or damaged file means "no settings" rather than a failed start, and writes
 * are atomic (temp file + rename) so a crash cannot leave half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const SETTINGS_FILE_NAME = 'settings.json';

const Settings = z.object({
  schemaVersion: z.literal(1).default(1),
  /** Absolute path of the review opened last. */
  lastReview: z.string().min(1).optional(),
});
export type Settings = z.infer<typeof Settings>;

export function settingsPath(userData: string): string {
  return path.join(userData, SETTINGS_FILE_NAME);
}

export async function loadSettings(file: string): Promise<Settings> {
  try {
    const parsed = Settings.safeParse(JSON.parse(await fs.promises.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : { schemaVersion: 1 };
  } catch {
    return { schemaVersion: 1 };
  }
}

export async function saveSettings(file: string, settings: Settings): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(temp, `${JSON.stringify(settings, null, 2)}\n`, 'utf8');
  await fs.promises.rename(temp, file);
}
