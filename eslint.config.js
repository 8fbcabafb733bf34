// Lint rules that keep the architecture's boundaries (see README "Architecture").
import tseslint from 'typescript-eslint';
import globals from 'globals';

const IPC_REGISTER = 'electron/main/ipc/register.ts';

/** `ipcMain` may appear in exactly one module. */
const noIpcMain = {
  selector: "Identifier[name='ipcMain']",
  message: `ipcMain is used only in ${IPC_REGISTER}: add a channel to shared/contract.ts instead.`,
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test/fixtures/generated/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noIpcMain],
    },
  },
  {
    // Tests drive a fake ipcMain; the rule guards production code.
    files: [IPC_REGISTER, 'test/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/electron', 'electron', 'electron/*'], message: 'renderer/ talks to the app only through renderer/api (the contract).' },
            { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'renderer/ has no Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/renderer/**', 'electron', 'react', 'react-dom'], message: 'shared/ is pure domain code: it imports only shared/ and pure libraries.' },
            { group: ['node:*', 'fs', 'path', 'child_process', 'os', 'worker_threads', 'crypto'], message: 'shared/ has no Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/bridge/**/*.ts', 'electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core, CLI and bridge run in plain Node: only electron/main and electron/preload import electron.' },
            { group: ['**/renderer/**'], message: 'Node code does not import the UI.' },
          ],
        },
      ],
    },
  },
);
