// build/electron-builder.config.cjs: the fuses, targets, and what ships unpacked.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(path.join(root, 'build/electron-builder.config.cjs')) as BuilderConfig;

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: unknown;
  electronFuses: unknown;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  linux: { target: string[]; maintainer: string };
  win: { target: string[] };
  mac: { target: string[] };
}

describe('electron-builder config', () => {
  it('names the app and uses build/ for resources, release/ for output', () => {
    expect(config.appId).toBe('org.evidentia.app');
    expect(config.productName).toBe('Evidentia');
    expect(config.directories).toEqual({ buildResources: 'build', output: 'release' });
  });

  it('flips every fuse the security model relies on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage + deb, NSIS and DMG', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/); // deb refuses to build without one
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs the bundles in an asar and unpacks what a worker thread must load from disk', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('dist/**/*');
    expect(config.files).toContain('package.json');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['dist/core/pdf-worker.mjs', 'dist/core/export-worker.mjs', 'node_modules/pdfjs-dist/**', 'node_modules/@napi-rs/**']));
  });

  it('ships what the app loads at run time (package main, preload, UI, worker) and leaves out only maps and the CLI', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/index.js');
    expect(config.files).toEqual(['dist/**/*', '!dist/**/*.map', '!dist/cli/**', 'package.json']);
  });

  it('has a 512x512 PNG icon in build/', () => {
    const png = fs.readFileSync(path.join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });
});
