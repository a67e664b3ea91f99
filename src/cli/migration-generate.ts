// npm run migration:generate -- AddSomething   writes migrations/<timestamp>-AddSomething.ts and registers it
// npm run migration:check                        exits 1, listing the statements, if the entities and migrations differ
// Both migrate an empty scratch database (on DATABASE_URL's server, or an embedded PostgreSQL in a temporary
// folder), start the application on it, and compare its entities with what the migrations built.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { projectFile } from '../common/project-file.js';
import { loadConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';
import { prepareDatabase } from '../database/prepare-database.js';
import { createScratchDatabase } from '../database/scratch-database.js';
import { schemaDrift, type SchemaDrift, type SchemaStatement } from '../database/schema-drift.js';
import { startThrowawayPostgres } from '../database/throwaway-postgres.js';

const argument = process.argv[2];
const check = argument === '--check';
if (!check && (!argument || !/^[A-Z][A-Za-z0-9]+$/.test(argument))) {
  process.stderr.write('usage: npm run migration:generate -- PascalCaseName   |   npm run migration:check\n');
  process.exit(2);
}

async function driftOfMigrations(): Promise<SchemaDrift> {
  const config = loadConfig();
  let serverUrl = config.databaseUrl;
  let cleanUp = async () => {};
  if (!serverUrl) {
    const embedded = await startThrowawayPostgres('migrations');
    serverUrl = embedded.url;
    cleanUp = () => embedded.stop();
  }
  const scratch = await createScratchDatabase(serverUrl, 'migrations');
  try {
    await prepareDatabase(scratch.url);
    const app = await createApp({
      config: { ...config, logLevel: 'warn', tokenSecret: 'x'.repeat(32) },
      databaseUrl: scratch.url,
    });
    await app.init();
    try {
      return await schemaDrift(app.get(DataSource));
    } finally {
      await app.close();
    }
  } finally {
    await scratch.drop();
    await cleanUp();
  }
}

/** A statement as the argument of queryRunner.query in a TypeScript template literal. */
function asCall({ query, parameters }: SchemaStatement): string {
  const text = query.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  const args = parameters?.length ? `, ${JSON.stringify(parameters)}` : '';
  return `    await queryRunner.query(\`${text}\`${args});`;
}

async function writeMigration(name: string, drift: SchemaDrift): Promise<string> {
  const prettier = await import('prettier');
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = projectFile(`migrations/${timestamp}-${name}.ts`);
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${drift.up.map(asCall).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${drift.down.map(asCall).join('\n')}
  }
}
`;
  const format = async (text: string, filepath: string) =>
    prettier.format(text, { ...(await prettier.resolveConfig(filepath)), filepath });
  await writeFile(file, await format(source, file));

  const indexFile = projectFile('migrations/index.ts');
  const index = await readFile(indexFile, 'utf8');
  const registered = index.replace(
    /export const migrations = \[([^\]]*)\];/,
    (_whole, list: string) => `export const migrations = [${list.trim().replace(/,$/, '')}, ${className}];`,
  );
  const importLine = `import { ${className} } from './${timestamp}-${name}.js';\n`;
  await writeFile(indexFile, await format(importLine + registered, indexFile));
  return path.relative(projectFile(''), file);
}

const drift = await driftOfMigrations();
if (check) {
  if (drift.up.length) {
    process.stderr.write(
      `The entities differ from what the migrations build; a migration would run:\n\n${drift.up.map((s) => s.query.trim()).join(';\n')};\n\nGenerate one with npm run migration:generate -- Name\n`,
    );
    process.exit(1);
  }
  process.stdout.write('The entities match what the migrations build.\n');
} else if (!drift.up.length) {
  process.stdout.write('Nothing to generate: the entities match what the migrations build.\n');
} else {
  const file = await writeMigration(argument, drift);
  process.stdout.write(
    `wrote ${file} (${drift.up.length} statements) and registered it in migrations/index.ts; review it before committing\n`,
  );
}
