import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './web/svelte.config.js';

// A promise nobody awaits hides its failure; one passed where a callback's result is ignored
// (an event handler, a setTimeout) does the same.
const promiseRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  // Arguments a framework passes by position (GraphQL args declared for the schema, hooks)
  // are named with a leading underscore when the body does not read them.
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
};

export default defineConfig(
  globalIgnores([
    '**/node_modules',
    '**/dist',
    '**/dist-test',
    '**/build',
    '**/.svelte-kit',
    '**/coverage',
    '.data',
    'web/src/lib/gql',
    'server/src/db/migrations',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { globals: globals.node },
  },
  {
    files: ['web/src/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Typed linting: each file is checked with its package's tsconfig (server/, web/).
    files: ['server/**/*.ts', 'web/src/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: promiseRules,
  },
  {
    files: ['web/**/*.svelte', 'web/**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
    rules: promiseRules,
  },
  {
    // Integration tests read GraphQL responses as plain JSON; typing each one adds nothing.
    files: ['server/test/**/*.ts', 'server/**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
