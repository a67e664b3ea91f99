import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { derivedAppRole } from '../../src/database/app-role.js';

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_SERVER_URL;
  if (!url) throw new Error('the Jest global setup did not run (start tests with npm test)');
  return url;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  /** As the owner (a superuser here): what migrations and the tests' own SQL use. */
  url: string;
  /** As the service's role, which the template's preparation created and granted: what the app uses. */
  appUrl: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated and seeded template: a file-level copy, well under a second. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.TEST_TEMPLATE_DATABASE!;
  const name = `${template.replace('_tpl_', '_t_')}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    appUrl: derivedAppRole(url.toString()).url,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
