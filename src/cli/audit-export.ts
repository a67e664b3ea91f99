// npm run audit:export -- FILE   writes the audit trail's chain, oldest first, as NDJSON (one event per line, in the
// form audit:verify checks offline). Reads DATABASE_URL as it is: it migrates nothing and changes nothing.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { AuditService } from '../audit/audit.service.js';
import { loadConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run audit:export -- FILE\n');
  process.exit(2);
}
const config = loadConfig();
if (!config.databaseUrl) {
  process.stderr.write('DATABASE_URL: set it to the database whose audit trail to export\n');
  process.exit(2);
}

const app = await createApp({
  config: { ...config, logLevel: 'warn', tokenSecret: 'x'.repeat(32), databasePoolSize: 1 },
  databaseUrl: config.databaseAppUrl ?? config.databaseUrl,
});
await app.init();
const out = createWriteStream(file, { mode: 0o644 });
let count = 0;
try {
  for await (const event of app.get(AuditService).chain()) {
    // Respect the file's pace: the chain is read a page at a time and never held whole.
    if (!out.write(JSON.stringify(event) + '\n')) await once(out, 'drain');
    count++;
  }
} finally {
  out.end();
  await once(out, 'finish');
  await app.close();
}
process.stdout.write(`exported ${count} events to ${file}\n`);
