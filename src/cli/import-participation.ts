// npm run import:participation -- FILE
// Imports participation from a CSV file in the exchange format (README, "Bulk import and open data") into the
// database at DATABASE_URL, as the command line (audit events name no user). The whole file is checked first: with
// any bad row nothing is imported and every problem is printed, by line and column, on standard error (exit 1).
// Progress goes to standard output: one line rewritten in a terminal, plain lines otherwise.
import { stat, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { prepareAppDatabase } from '../app-database.js';
import { systemActor } from '../common/access/audit-actor.js';
import type { FieldProblem } from '../common/errors/app-errors.js';
import { loadConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';
import { MAX_IMPORT_BYTES } from '../initiatives/participation-csv.js';
import { ParticipationImportService, type ImportProgress } from '../initiatives/participation-import.service.js';

const fail = (message: string, code = 2): never => {
  process.stderr.write(message + '\n');
  process.exit(code);
};

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length !== 1) fail('usage: npm run import:participation -- FILE');
const file = positionals[0];
const config = loadConfig();
if (!config.databaseUrl) fail('DATABASE_URL: set it to the database to import into');

const size = await stat(file).then(
  (info) => info.size,
  (error: NodeJS.ErrnoException) => fail(`${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`),
);
if (size > MAX_IMPORT_BYTES) fail(`${file}: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it`);
let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
} catch {
  text = fail(`${file}: not UTF-8 text`);
}

const tty = Boolean(process.stdout.isTTY);
let lastLine = '';
let lastShownAt = 0;
function show(progress: ImportProgress): void {
  const line = `${progress.phase === 'validated' ? 'rows validated' : 'rows imported'}: ${progress.done} / ${progress.total}`;
  if (line === lastLine) return;
  const finished = progress.done === progress.total;
  if (tty) {
    // Redrawn at most ten times a second, and once more when a phase is done.
    const now = Date.now();
    if (!finished && now - lastShownAt < 100) return;
    lastShownAt = now;
    process.stdout.write(`\r\x1b[2K${line}${finished ? '\n' : ''}`);
  } else {
    process.stdout.write(line + '\n');
  }
  lastLine = line;
}

await prepareAppDatabase(config.databaseUrl!);
const app = await createApp({
  config: { ...config, logLevel: 'warn', tokenSecret: 'x'.repeat(32) },
  databaseUrl: config.databaseUrl!,
});
await app.init();
let exitCode = 0;
try {
  const counts = await app.get(ParticipationImportService).import(text, systemActor('cli'), show);
  process.stdout.write(`${file}: ${counts.rows} rows, ${counts.imported} imported, ${counts.unchanged} unchanged\n`);
} catch (error) {
  if (!(error instanceof GraphQLError)) throw error;
  if (tty && lastLine) process.stdout.write('\n');
  const problems = (error.extensions.fields as FieldProblem[] | undefined) ?? [
    { field: 'csv', message: error.message },
  ];
  process.stderr.write(`${file}: nothing imported (${String(error.extensions.code)})\n`);
  for (const problem of problems) process.stderr.write(`${file}: ${problem.message}\n`);
  exitCode = 1;
} finally {
  await app.close();
}
process.exitCode = exitCode;
