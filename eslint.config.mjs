// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import fs from 'node:fs';
import path from 'node:path';

/** The only packages shared/ may import. */
const SHARED_ALLOWED_PACKAGES = ['zod', 'js-yaml', 'pdfkit', 'bidi-js'];

/**
 * Each folder of shared/ is a module whose index.ts is its API: code outside a module (the renderer, CLI,
 * electron, bench, tests, other modules) imports `shared/<module>/index.ts`, never a file inside it. NESTED are
 * modules inside modules, loaded on their own (the PDF writer brings pdfkit, which the app loads only for a PDF).
 * test/tools/barrelsCodemod.mjs fills the barrels and rewrites deep imports.
 */
const SHARED = path.resolve('shared');
const NESTED = ['report/pdf'];
const SHARED_MODULES = [
  ...fs.readdirSync(SHARED, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name),
  ...NESTED,
].sort((a, b) => b.length - a.length);
const sharedModuleOf = (abs) => {
  const rel = path.relative(SHARED, abs).split(path.sep).join('/');
  return rel.startsWith('..') ? null : (SHARED_MODULES.find((m) => rel.startsWith(`${m}/`)) ?? null);
};
const barrels = {
  rules: {
    'no-deep-shared-imports': {
      meta: { type: 'problem', schema: [], messages: { deep: "Import shared/{{module}} through its index.ts: '{{spec}}' reaches inside the module." } },
      create(context) {
        const own = sharedModuleOf(context.filename);
        const check = (source) => {
          if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
          const abs = path.resolve(path.dirname(context.filename), source.value);
          const module = sharedModuleOf(abs);
          if (module && module !== own && abs !== path.join(SHARED, module, 'index.ts')) {
            context.report({ node: source, messageId: 'deep', data: { module, spec: source.value } });
          }
        };
        return {
          ImportDeclaration: (n) => check(n.source),
          ExportNamedDeclaration: (n) => check(n.source),
          ExportAllDeclaration: (n) => check(n.source),
          ImportExpression: (n) => check(n.source),
          TSImportType: (n) => check(n.argument?.literal ?? n.argument),
        };
      },
    },
  },
};

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
    files: ['**/*.{ts,tsx}'],
    plugins: { barrels },
    rules: { 'barrels/no-deep-shared-imports': 'error' },
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
