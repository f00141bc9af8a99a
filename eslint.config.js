import js from '@eslint/js';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import accord from './eslint-rules/layers.js';

const root = dirname(fileURLToPath(import.meta.url));

export default tseslint.config(
  { ignores: ['dist/**', 'native/**', 'release/**', 'node_modules/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', window: 'readonly', document: 'readonly', globalThis: 'readonly' } },
    plugins: { accord },
    rules: {
      'accord/layers': ['error', { root }],
      'accord/sql-in-db': ['error', { root }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off', // TypeScript checks names
      // The store is opened only through the SQLCipher-capable build; plain better-sqlite3 is not installed.
      'no-restricted-imports': ['error', { paths: [{ name: 'better-sqlite3', message: "Import 'better-sqlite3-multiple-ciphers': the encrypted store needs it, and plain better-sqlite3 is not a dependency." }] }],
    },
  },
  {
    // Test doubles stand in for loosely typed host objects (Electron, sockets).
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', module: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
