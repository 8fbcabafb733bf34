import { defineConfig } from 'vitest/config';

// unit: pure and mocked tests; integration: core/CLI/bridge against real temp folders;
// e2e: Chromium against the browser bridge (needs `npm run build` first; `npm test` does it).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // PDF import runs pdf.js in a worker thread, which loads the bundled dist/core/pdf-worker.mjs.
          globalSetup: ['test/setup/build-node.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // CLI and `serve` tests run the bundled dist/cli/evidentia.mjs, PDF import the bundled
          // dist/core/pdf-worker.mjs: bundle them once first.
          globalSetup: ['test/setup/build-node.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
