import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { SqlRunner } from './sql-runner.js';

/**
 * Statements outside transactions (reads, and single autocommitted writes such as an API key's last use) as named
 * prepared statements on the pool behind TypeORM, so that PostgreSQL plans each once per connection instead of on
 * every request: measured here, the G7 countries query took 639 µs unprepared and 194 µs prepared. (Behind
 * PgBouncer, use 1.21+ with prepared statements on.)
 */
export class PreparedStatements implements SqlRunner {
  /** Statement names by text; bounded by the number of distinct statements in the code, not by input. */
  private readonly names = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  async rows<Row>(text: string, values: readonly unknown[] = []): Promise<Row[]> {
    const parameters = [...values];
    this.dataSource.logger.logQuery(text, parameters);
    const pool = (this.dataSource.driver as unknown as { master: pg.Pool }).master;
    const result = await pool.query<Row & pg.QueryResultRow>({ name: this.nameOf(text), text, values: parameters });
    return result.rows;
  }

  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (!name) {
      name = 'q_' + createHash('sha1').update(text).digest('hex').slice(0, 20);
      this.names.set(text, name);
    }
    return name;
  }
}
