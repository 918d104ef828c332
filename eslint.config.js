// Lint: TypeScript and Vue rules, accessibility mistakes as errors, formatting left to Prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import vueA11y from 'eslint-plugin-vuejs-accessibility';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'data/',
      'coverage/',
      'bench-results/',
      'test-results/',
      'playwright-report/',
      'public/',
      'screenshots/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  ...vueA11y.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      // Issue 13, one API client: pages and components talk to stores, stores to src/client/api.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/*', '../api/*', '../../api/*', '../../../api/*'],
              message: 'Pages and components talk to stores (src/client/stores), stores to the API client.',
            },
          ],
        },
      ],
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `typeof import('...')` is how vitest's importOriginal is typed.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A label names its control either by wrapping it or by `for`; both are valid HTML.
      'vuejs-accessibility/label-has-for': ['error', { required: { some: ['nesting', 'id'] } }],
    },
  },
  {
    // Tests define small host components next to the code under test.
    files: ['**/*.test.ts'],
    rules: { 'vue/one-component-per-file': 'off' },
  },
  prettier,
);
