import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { inTransaction, type Tx } from './transaction.js';

export type Seed = (tx: Tx) => Promise<void>;

/** Any lock key will do as long as every process preparing this schema uses the same one. */
const PREPARE_LOCK_KEY = 872_301_455;

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`could not connect to ${redactUrl(url)}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Applies pending migrations, then the idempotent seeds, then `grant` (the service role's privileges), each in a
 * transaction, as the owner of `url` and under an advisory lock so that replicas starting together do not race.
 * Returns the names of the migrations it applied.
 */
export async function prepareDatabase(url: string, seeds: Seed[] = [], grant?: Seed): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 3), connectTimeoutMS: 5000 } as DataSourceOptions);
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DatabaseUnreachableError(url, error);
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [PREPARE_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.transaction((manager) =>
      inTransaction(manager, async (tx) => {
        for (const seed of seeds) await seed(tx);
      }),
    );
    if (grant) await dataSource.transaction((manager) => inTransaction(manager, grant));
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [PREPARE_LOCK_KEY]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
