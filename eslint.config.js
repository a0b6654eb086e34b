// ESLint flat config: rules that catch bugs. Formatting belongs to Prettier.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build and test output (as in .gitignore), the generated manifest and data.
    ignores: [
      'dist/',
      'dist-*/',
      'lib/',
      'node_modules/',
      'coverage/',
      '.vite/',
      'tests/.output/',
      'custom-elements.json',
      '**/*.geojson',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // As tsc's noUnusedParameters: `_`-prefixed parameters are deliberate. A rest sibling
      // (`const { omit: _, ...rest } = x`) exists to leave a key out of `rest`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        // The project service reads tsconfig.json, so the type-aware rules see what tsc sees.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Type-aware rules that find real bugs at little cost: a promise nobody awaits or catches
      // loses its rejection, and a promise handed where a void callback is expected is never awaited.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/only-throw-error': 'error',
    },
  },
  {
    // One concern per file: a source file over 350 lines (as wc -l counts them, comments and blank
    // lines included) holds more than one. Tests and fixtures may be longer.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/fixtures/**'],
    rules: {
      'max-lines': ['error', { max: 350, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts'],
    ...wc.configs['flat/recommended'],
    // Our elements extend LitElement, not HTMLElement directly.
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      // A lifecycle override that skips super breaks Lit's own updates.
      'lit/lifecycle-super': 'error',
      // An element that adds a listener outside itself must remove it when disconnected.
      'wc/require-listener-teardown': 'error',
    },
  },
  {
    // Plain scripts that fixture pages load: a third-party component, a page built from its query string.
    files: ['tests/fixtures/pages/*.js'],
    languageOptions: {
      globals: {
        CSSStyleSheet: 'readonly',
        HTMLElement: 'readonly',
        customElements: 'readonly',
        document: 'readonly',
        location: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
);
