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
    rules: {
      'id-denylist': ['error', 'require'],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'node:module',
              message:
                "Load Node's modules with process.getBuiltinModule(): in a worker thread, node:module loads Node's ESM loader (8 modules, compiled without cached code once the step has changed V8's flags)."
            }
          ]
        }
      ]
    }
  },
  {
    // Main thread only: it needs require.cache, and the main thread has the ESM loader already.
    files: ['src/action/light-builtins.ts'],
    rules: { 'no-restricted-imports': 'off' }
  }
);
