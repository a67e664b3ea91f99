// Prepares one migrated and seeded template database per run; each test file clones it (test-database.ts).
// Plain JavaScript on the build output, so that it runs before any test transform.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { prepareAppDatabase } from '../../dist/src/app-database.js';
import { startThrowawayPostgres } from '../../dist/src/database/throwaway-postgres.js';

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // Stopped, and its folder deleted, by the global teardown.
    const embedded = await startThrowawayPostgres('test');
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
