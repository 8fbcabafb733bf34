// openExternalSafely: the one way a URL leaves the app.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './helpers/fake-electron.js';

vi.mock('electron', async () => (await import('./helpers/fake-electron.js')).createFakeElectron());

const electron = (await import('electron')) as unknown as FakeElectron;
const { openExternalSafely } = await import('../../electron/main/external.js');

beforeEach(() => electron.shell.openExternal.mockClear());

describe('openExternalSafely', () => {
  it('opens https: and mailto: URLs', async () => {
    expect(await openExternalSafely('https://doi.org/10.1056/NEJMoa2117912')).toBe(true);
    expect(await openExternalSafely('mailto:author@example.org')).toBe(true);
    expect(electron.shell.openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://doi.org/10.1056/NEJMoa2117912',
      'mailto:author@example.org',
    ]);
  });

  it('refuses everything else without calling the shell', async () => {
    const refused = [
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://app/index.html',
      'data:text/html,<script>1</script>',
      'HTTPS//missing-colon',
      '',
      `https://example.org/${'a'.repeat(5000)}`,
    ];
    for (const url of refused) expect(await openExternalSafely(url)).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('reports false when the system has no handler', async () => {
    electron.shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    expect(await openExternalSafely('mailto:x@example.org')).toBe(false);
  });
});
