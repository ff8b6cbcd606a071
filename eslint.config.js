import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports point one way: app → core, engine → core; app reaches the engine only through the client. */
const boundaries = {
  core: ['**/app/**', '**/engine/**', 'react', 'react-dom', 'onnxruntime-web', 'onnxruntime-web/*', 'onnxruntime-node', 'comlink', 'zustand', 'zustand/*'],
  engine: ['**/app/**', 'react', 'react-dom', 'zustand', 'zustand/*'],
  app: ['onnxruntime-web', 'onnxruntime-web/*', 'onnxruntime-node', 'onnxruntime-common', '**/engine/create-engine*', '**/engine/ort-runtime*'],
};
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: 'This import crosses an architecture boundary (see style.md).' })) }] });

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
  { files: ['src/core/**/*.ts'], ignores: ['**/*.test.ts'], rules: restrict(boundaries.core) },
  { files: ['src/engine/**/*.ts'], ignores: ['**/*.test.ts'], rules: restrict(boundaries.engine) },
  { files: ['src/app/**/*.{ts,tsx}'], ignores: ['**/*.test.ts'], rules: restrict(boundaries.app) },
  {
    files: ['src/app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
