import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../common/free-port.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface ThrowawayPostgres {
  /** The server's `postgres` database. */
  url: string;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
}

/**
 * An embedded PostgreSQL in a temporary folder on a free port, for tools and tests run without DATABASE_URL
 * (the bench, migration generation); nothing of it outlives stop().
 */
export async function startThrowawayPostgres(purpose: string): Promise<ThrowawayPostgres> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `registry-${purpose}-`));
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: 'postgres',
    log: () => undefined,
  });
  return {
    url: embedded.url,
    stop: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
