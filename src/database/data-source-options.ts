import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';

// Calendar dates stay 'YYYY-MM-DD' strings end to end: a Date would shift them by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// COUNT(*) is bigint; counts here never approach 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Sees every SQL statement the application sends; tests use it to count queries. */
export type QueryObserver = (sql: string) => void;

export function dataSourceOptions(url: string, poolSize = 10, onQuery?: QueryObserver): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    uuidExtension: 'pgcrypto',
    synchronize: false,
    ...(onQuery
      ? {
          logger: {
            logQuery: (sql: string) => onQuery(sql),
            logQueryError: () => undefined,
            logQuerySlow: () => undefined,
            logSchemaBuild: () => undefined,
            logMigration: () => undefined,
            log: () => undefined,
          },
          logging: ['query'] as const,
        }
      : { logging: false }),
    extra: { max: poolSize, application_name: 'ai-governance-registry' },
  };
}
