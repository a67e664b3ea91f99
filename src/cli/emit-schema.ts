// Writes schema.gql from the code-first types without touching a database, then the typed-test introspection
// (test/graphql/graphql-env.d.ts, by gql.tada) from it; run by `npm run build` (and so by `npm start`).
// Each step is skipped when its inputs are those of the last run (hashes kept in dist/.build-stamps.json) and its
// output is as that run left it: a restart with nothing changed does not pay for building the application twice.
// `--force` runs both.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectFile } from '../common/project-file.js';

const STAMPS = projectFile('dist/.build-stamps.json');
const SCHEMA = projectFile('schema.gql');
const TYPED_DOCUMENTS = projectFile('test/graphql/graphql-env.d.ts');

interface Stamps {
  /** The compiled application and the installed packages the schema was emitted from. */
  schemaInputs?: string;
  schema?: string;
  /** schema.gql as the typed documents were generated from it, and what was generated. */
  typedFrom?: string;
  typed?: string;
}

async function hashOf(...files: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update(existsSync(file) ? await readFile(file) : 'missing');
  }
  return hash.digest('hex');
}

async function compiledFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const force = process.argv.includes('--force');
const stamps = JSON.parse(existsSync(STAMPS) ? await readFile(STAMPS, 'utf8') : '{}') as Stamps;

const schemaInputs = await hashOf(...(await compiledFiles(projectFile('dist/src'))), projectFile('package-lock.json'));
if (force || stamps.schemaInputs !== schemaInputs || stamps.schema !== (await hashOf(SCHEMA))) {
  const [{ loadConfig }, { createApp }] = await Promise.all([
    import('../config/app-config.js'),
    import('../create-app.js'),
  ]);
  const app = await createApp({
    config: { ...loadConfig({}), logLevel: 'warn', metricsEnabled: false },
    databaseUrl: 'postgres://schema-only@localhost/none',
    connectDatabase: false,
    schemaFile: SCHEMA,
  });
  await app.init();
  await app.close();
  stamps.schemaInputs = schemaInputs;
  stamps.schema = await hashOf(SCHEMA);
} else {
  process.stdout.write('schema.gql is up to date\n');
}

// Only in a checkout with the development packages (the production image has neither tests nor gql.tada).
const gqlTada = projectFile('node_modules/.bin/gql-tada');
if (existsSync(gqlTada)) {
  if (force || stamps.typedFrom !== stamps.schema || stamps.typed !== (await hashOf(TYPED_DOCUMENTS))) {
    const run = spawnSync(gqlTada, ['generate-output'], { stdio: 'inherit', cwd: projectFile('.') });
    if (run.status !== 0) process.exit(run.status ?? 1);
    stamps.typedFrom = stamps.schema;
    stamps.typed = await hashOf(TYPED_DOCUMENTS);
  } else {
    process.stdout.write('test/graphql/graphql-env.d.ts is up to date\n');
  }
}
await writeFile(STAMPS, JSON.stringify(stamps, null, 2) + '\n');
