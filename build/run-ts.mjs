// Runs a TypeScript entry point (a benchmark, the evaluation) with the arguments after it: bundled
// with esbuild into dist/tools (dependencies stay external, as in build/bundle.mjs), then imported.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node build/run-ts.mjs ENTRY.ts [ARGS...]');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = path.resolve('dist/tools', `${path.basename(entry, '.ts')}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'inline',
  external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
