#!/usr/bin/env node
// Generates a migration from the difference between the entities and the database named by DATABASE_URL
// (migrate it first), then registers it in migrations/index.ts.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- PascalCaseName');
  process.exit(2);
}
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const before = new Set(readdirSync('migrations'));
execFileSync(
  'npx',
  ['typeorm', 'migration:generate', '-d', 'dist/src/database/cli-data-source.js', '-p', `migrations/${name}`],
  { stdio: 'inherit' },
);
const file = readdirSync('migrations').find((entry) => !before.has(entry) && entry.endsWith('.ts'));
if (!file) process.exit(0);
const className = /export class (\w+)/.exec(readFileSync(`migrations/${file}`, 'utf8'))[1];
const index = readFileSync('migrations/index.ts', 'utf8');
const importLine = `import { ${className} } from './${file.replace(/\.ts$/, '.js')}';\n`;
const updated =
  importLine +
  index.replace(/export const migrations = \[(.*)\];/s, (_, list) => {
    const entries = list
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    return `export const migrations = [${[...entries, className].join(', ')}];`;
  });
writeFileSync('migrations/index.ts', updated);
console.log(`registered ${className} in migrations/index.ts`);
