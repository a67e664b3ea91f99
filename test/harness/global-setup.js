// Prepares one migrated and seeded template database per run; each test file clones it (test-database.ts).
// Plain JavaScript on the build output, so that it runs before any test transform.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { prepareAppDatabase } from '../../dist/src/app-database.js';
import { startEmbeddedPostgres } from '../../dist/src/database/embedded-postgres.js';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'registry-test-pg-'));
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'postgres',
      log: () => undefined,
    });
    globalThis.__embeddedPostgres = embedded;
    serverUrl = embedded.url;
  }
  const template = `registry_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  await prepareAppDatabase(withDatabase(serverUrl, template));
  process.env.TEST_DATABASE_SERVER_URL = withDatabase(serverUrl, 'postgres');
  process.env.TEST_TEMPLATE_DATABASE = template;
}
