/**
 * esbuild for the project's own Node tools run as child processes (benchmark probes, the torture
 * writer): bundled as build/bundle.mjs bundles the app, runtime dependencies left external so they
 * load from node_modules exactly as the app loads them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildOptions, BuildResult } from 'esbuild';

// A variable, so esbuild leaves this import alone when it bundles a tool that imports this file
// (esbuild cannot bundle itself).
const ESBUILD = 'esbuild';

export async function bundleForNode(root: string, options: BuildOptions): Promise<BuildResult> {
  const esbuild = (await import(ESBUILD)) as typeof import('esbuild');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return esbuild.build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: 'inline',
    external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
    logLevel: 'warning',
    ...options,
  });
}
