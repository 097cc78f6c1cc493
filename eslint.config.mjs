// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The only packages shared/ may import. */
const SHARED_ALLOWED_PACKAGES = ['zod', 'js-yaml', 'pdfkit'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-web/**', 'dist-e2e/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/.tmp/**', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Hooks rules for React code only: Playwright fixtures also call a function named `use`.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The domain is pure: usable by main, renderer, CLI and workers alike. An allowlist, not a denylist:
    // shared/ imports its own files and the packages below, nothing else. tsconfig.shared.json compiles it
    // without DOM or Node types and refuses files outside shared/ (rootDir).
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\.{1,2}/)(?!(${SHARED_ALLOWED_PACKAGES.join('|')})(/|$))`,
              message: `shared/ is pure domain code: it imports only its own files and ${SHARED_ALLOWED_PACKAGES.join(', ')}.`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['cli/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Every end-to-end spec runs under the guards (no console error, no request leaving the app):
    // its `test` comes from the fixtures, never straight from Playwright.
    files: ['test/e2e/**/*.ts'],
    ignores: ['test/e2e/fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@playwright/test', importNames: ['test'], message: 'Import test from ./fixtures.ts: it carries the guards.' }] },
      ],
    },
  },
);
