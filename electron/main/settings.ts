/**
 * The app's own small settings file (<userData>/settings.json): which review was open last. Never
 * review data. A missing, damaged or newer-version file means "no settings" rather than a failed
 * start; it is read through its migration list like every persisted kind, and writes are atomic and
 * flushed (temp file, fsync, rename) so a crash cannot leave half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { migrate, SETTINGS_MIGRATIONS, SETTINGS_SCHEMA_VERSION } from '../../shared/migrations/index.js';

export const SETTINGS_FILE_NAME = 'settings.json';

const Settings = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION).default(SETTINGS_SCHEMA_VERSION),
  /** Absolute path of the review opened last. */
  lastReview: z.string().min(1).optional(),
});
export type Settings = z.infer<typeof Settings>;

export function settingsPath(userData: string): string {
  return path.join(userData, SETTINGS_FILE_NAME);
}

export async function loadSettings(file: string): Promise<Settings> {
  try {
    const raw = JSON.parse(await fs.promises.readFile(file, 'utf8')) as unknown;
    const parsed = Settings.safeParse(migrate(SETTINGS_MIGRATIONS, raw, file).data);
    return parsed.success ? parsed.data : { schemaVersion: SETTINGS_SCHEMA_VERSION };
  } catch {
    return { schemaVersion: SETTINGS_SCHEMA_VERSION };
  }
}

export async function saveSettings(file: string, settings: Settings): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await fs.promises.open(temp, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(settings, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temp, file);
}
