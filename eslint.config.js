import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'coverage/', 'node_modules/', '.ci/node24/', 'demo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off'
    }
  },
  {
    // The bundles are CommonJS, where webpack writes import.meta.url as
    // require("url").pathToFileURL(__filename).href: a module's own `require` would shadow
    // Node's there (scripts/bundle.mjs).
    files: ['src/**/*.ts'],
    rules: { 'id-denylist': ['error', 'require'] }
  }
);
