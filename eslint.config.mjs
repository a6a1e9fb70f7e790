// Lint rules follow the model extensions (vscode-eslint, vscode-azuretools): promises must be
// handled, comparisons strict, type-only imports marked, and the server never writes to stdout.
import tseslint from 'typescript-eslint';

const NO_VSCODE = { name: 'vscode', message: 'Only client/ may import vscode.' };
const ENTRY_ONLY = 'common/ does no process I/O; this belongs in an entry such as cli/src (issue 13).';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'dist-vsix/**', '.demo/**', '.cache/**', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test()/describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // The protocol file follows the LSP convention of one namespace per message (method + type).
    files: ['common/src/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    files: ['server/**/*.ts', 'common/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The API client and the language logic are shared with the CLI and the server: no `vscode` here.
    files: ['common/**/*.ts', 'server/**/*.ts', 'emulator/**/*.ts', 'cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE] }] },
  },
  {
    // common/ is used as it is by the extension, the server and the CLI, so it does no process I/O:
    // the terminal, the process's streams, signals and arguments, and the home folder belong to an
    // entry (cli/src), as json-language-features keeps node/jsonServerMain.ts apart from its server.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            NO_VSCODE,
            ...['readline', 'node:readline', 'readline/promises', 'node:readline/promises'].map((name) => ({
              name,
              message: ENTRY_ONLY,
            })),
            ...['os', 'node:os'].map((name) => ({ name, importNames: ['homedir', 'userInfo'], message: ENTRY_ONLY })),
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        ...['stdin', 'stdout', 'stderr', 'argv', 'exit', 'exitCode', 'on', 'once', 'off', 'cwd', 'chdir'].map((property) => ({
          object: 'process',
          property,
          message: ENTRY_ONLY,
        })),
        ...['homedir', 'userInfo'].map((property) => ({ object: 'os', property, message: ENTRY_ONLY })),
      ],
    },
  },
);
