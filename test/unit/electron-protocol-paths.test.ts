// Path containment for app://app/: real temporary folders, a real symlink that escapes the root.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeRequestPath, resolveRendererFile } from '../../electron/main/protocol-paths.js';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'evidentia-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'name with space.css'), 'body{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the root');
  fs.mkdirSync(path.join(base, 'renderer-sibling'));
  fs.writeFileSync(path.join(base, 'renderer-sibling', 'x.js'), 'sibling');
  // A link inside the root pointing outside it, and one pointing to a file inside it.
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'escape.txt'));
  fs.symlinkSync(base, path.join(root, 'up'));
  fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('relativeRequestPath', () => {
  it('maps / and empty paths to index.html', () => {
    expect(relativeRequestPath('/')).toBe('index.html');
    expect(relativeRequestPath('')).toBe('index.html');
  });

  it('rejects dot-dot segments, plain or percent-encoded', () => {
    for (const raw of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/.%2e/secret.txt', '/assets%2f..%2f..%2fsecret.txt']) {
      expect(relativeRequestPath(raw), raw).toBeNull();
    }
  });

  it('rejects absolute paths, drive letters, backslashes, NUL and bad encoding', () => {
    for (const raw of ['//etc/passwd', '/%2fetc/passwd', '/C:/Windows/win.ini', '/c:', '/..%5csecret.txt', '/a%5c..%5c..%5cb', '/index.html%00.png', '/%E0%A4%A']) {
      expect(relativeRequestPath(raw), raw).toBeNull();
    }
  });

  it('keeps ordinary names, including encoded spaces and dots inside names', () => {
    expect(relativeRequestPath('/assets/app.js')).toBe('assets/app.js');
    expect(relativeRequestPath('/assets/name%20with%20space.css')).toBe('assets/name with space.css');
    expect(relativeRequestPath('/a..b/./c.js')).toBe('a..b/c.js');
  });
});

describe('resolveRendererFile', () => {
  it('serves files inside the root', async () => {
    expect(await resolveRendererFile(root, '/')).toBe(fs.realpathSync(path.join(root, 'index.html')));
    expect(await resolveRendererFile(root, '/assets/app.js')).toBe(fs.realpathSync(path.join(root, 'assets', 'app.js')));
    expect(await resolveRendererFile(root, '/assets/name%20with%20space.css')).not.toBeNull();
  });

  it('follows a symlink whose target stays inside the root', async () => {
    expect(await resolveRendererFile(root, '/alias.js')).toBe(fs.realpathSync(path.join(root, 'assets', 'app.js')));
  });

  it('refuses symlinks whose real path escapes the root', async () => {
    expect(await resolveRendererFile(root, '/assets/escape.txt')).toBeNull();
    expect(await resolveRendererFile(root, '/up/secret.txt')).toBeNull();
  });

  it('refuses traversal, encoded traversal, absolute paths and sibling folders sharing a prefix', async () => {
    for (const raw of ['/../secret.txt', '/%2e%2e/secret.txt', '//' + path.join(base, 'secret.txt'), '/../renderer-sibling/x.js', '/%2e%2e%2frenderer-sibling%2fx.js']) {
      expect(await resolveRendererFile(root, raw), raw).toBeNull();
    }
  });

  it('answers null for missing files and for directories', async () => {
    expect(await resolveRendererFile(root, '/missing.js')).toBeNull();
    expect(await resolveRendererFile(root, '/assets')).toBeNull();
    expect(await resolveRendererFile(root, '/assets/')).toBeNull();
  });
});
