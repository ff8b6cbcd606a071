import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { WALLS, wallsPlugin } from './tools/walls/import-walls.js';

export default tseslint.config(
  // build/sw-template.js is a template: the build fills in its __PLACEHOLDERS__.
  { ignores: ['dist/', 'dist-pages/', 'node_modules/', 'test-results/', 'playwright-report/', '.tsbuild/', 'public/', 'build/sw-template.js', '**/*.generated.js', '**/*.generated.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Imports point one way (style.md): the walls, checked on every file (tools/walls/import-walls.js).
  { plugins: { walls: wallsPlugin }, rules: { 'walls/imports': ['error', { walls: WALLS }] } },
  {
    files: ['src/app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
