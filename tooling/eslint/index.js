// One lint setup for every package. Layer boundaries (STYLE.md §8) are enforced here, so a
// wrong-way import fails CI instead of waiting for review.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { tsumikiPlugin } from './rules/no-status-literal.js';

const base = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.turbo/**', '*.config.*', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNullish: false, allowNumber: true, allowBoolean: false, allowAny: true, allowRegExp: false, allowNever: false }],
      // Interface implementations (drivers, hooks) are async by contract, awaited or not.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // process.env is read once, in each deployable's env.ts (validated with zod).
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through env.ts.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', '**/env.ts', '**/scripts/**', '**/*.bench.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // vitest's asymmetric matchers (expect.stringContaining…) are typed any.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  prettier,
);

/** Outside the domain, status names are not compared: the rule they encode belongs in the domain. */
const noStatusLiterals = {
  plugins: { tsumiki: tsumikiPlugin },
  rules: { 'tsumiki/no-status-literal': 'error' },
};

const restrict = (patterns) => ({
  files: ['src/**/*.ts', 'src/**/*.tsx'],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

/** The pure domain core: no I/O, no framework, no other layer. */
export const domain = [
  ...base,
  restrict([
    {
      group: ['@tsumiki/db', '@tsumiki/api', '@tsumiki/ui', 'kysely', 'pg', 'fastify', 'react', '@trpc/*'],
      message: 'packages/domain is pure: no I/O, no framework.',
    },
    { group: ['node:*', 'fs', 'path', 'http', 'crypto'], message: 'packages/domain is pure: no I/O.' },
  ]),
];
/** The database layer: may use the domain, never the API or the UI. */
export const db = [
  ...base,
  noStatusLiterals,
  restrict([
    {
      group: ['@tsumiki/api', '@tsumiki/ui', 'fastify', '@trpc/*', 'react'],
      message: 'packages/db must not depend on the API or UI.',
    },
  ]),
];
/** tRPC routers: no raw SQL (use @tsumiki/db repositories), no UI. */
export const api = [
  ...base,
  noStatusLiterals,
  restrict([
    {
      group: ['@tsumiki/ui', 'react', 'pg', '@electric-sql/pglite'],
      message: 'Routers call repositories from @tsumiki/db; SQL lives there.',
    },
  ]),
];
/** Node hosts (Fastify server, CLI, tooling scripts). */
export const node = [...base, noStatusLiterals];
/** React apps and the shared UI: types only from the API, no server code. */
export const react = [
  ...base,
  noStatusLiterals,
  { plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  {
    // One form approach: useDomainForm (packages/ui/src/domain-form.ts) is the only door to the library.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: { 'tsumiki/one-form-hook': ['error', { allow: ['packages/ui/src/domain-form.ts'] }] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tsumiki/api',
              message: 'Front ends import only types from the API.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: ['@tsumiki/db', 'kysely', 'pg', 'fastify', 'node:*'],
              message: 'Front ends never import server code.',
            },
            {
              group: ['../features/*/**', '../../features/*/**'],
              message: 'Features do not import each other; share through src/lib or @tsumiki/ui.',
            },
          ],
        },
      ],
    },
  },
];
export default base;
