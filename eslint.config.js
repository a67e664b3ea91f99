import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, top to bottom (ARCHITECTURE.md). A file may import from its own folder and from the layers
 * below its own, never from a layer above; folders that share a layer do not import each other.
 */
const LAYERS = [
  // The composition root: start-up, the application module, command-line tools, health checks.
  {
    sideways: true,
    paths: ['src/main.ts', 'src/create-app.ts', 'src/app.module.ts', 'src/app-database.ts', 'src/cli', 'src/health'],
  },
  // Cross-cutting request handling that needs the caller (auth) and the database: safe retries.
  { paths: ['src/idempotency'] },
  { paths: ['src/oversight'] },
  { paths: ['src/disclosures'] },
  { paths: ['src/companies', 'src/initiatives', 'src/policies'] },
  { paths: ['src/countries', 'src/auth'] },
  { paths: ['src/audit'] },
  { paths: ['src/database'] },
  { paths: ['src/common'] },
  { paths: ['src/config'] },
];

const layerZones = LAYERS.flatMap((layer, depth) =>
  layer.paths
    .map((target) => ({
      target,
      from: [
        ...LAYERS.slice(0, depth).flatMap((above) => above.paths),
        ...(layer.sideways ? [] : layer.paths.filter((sibling) => sibling !== target)),
      ],
      message: 'imports only go down the layers of ARCHITECTURE.md (and not sideways between features)',
    }))
    .filter((zone) => zone.from.length > 0),
);

/** SQL is written only in repositories (`*.repository.ts`) and in src/database/. */
const SQL_TEXT = '/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|TRUNCATE|LOCK)\\s/';
const sqlOutsideRepositories = [
  {
    selector: `Literal[value=${SQL_TEXT}]`,
    message: 'SQL belongs in a repository (*.repository.ts) or src/database/',
  },
  {
    selector: `TemplateLiteral > TemplateElement:first-child[value.raw=${SQL_TEXT}]`,
    message: 'SQL belongs in a repository (*.repository.ts) or src/database/',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(query|rows|createQueryBuilder)$/]',
    message: 'queries run in repositories (*.repository.ts) or src/database/',
  },
  {
    selector: "CallExpression[callee.name='firstRow']",
    message: 'queries run in repositories (*.repository.ts) or src/database/',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.data/', '.bench/', 'test/graphql/graphql-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/unbound-method': 'off',
      // Apollo's plugin hooks are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'no-restricted-syntax': ['error', ...sqlOutsideRepositories],
    },
  },
  {
    files: ['src/**/*.repository.ts', 'src/database/**/*.ts', 'src/**/*.spec.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests read GraphQL answers and stored rows of many shapes.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { globalThis: 'readonly', fetch: 'readonly', setTimeout: 'readonly' } },
  },
);
