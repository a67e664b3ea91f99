import type { EntityManager, QueryResult } from 'typeorm';
import type { SqlRunner } from './sql-runner.js';

/**
 * One database transaction, passed explicitly from the service that opened it to every repository call made in
 * it, so that a higher module can compose lower modules' changes (and their audit events) into one commit.
 */
export class Tx implements SqlRunner {
  constructor(private readonly manager: EntityManager) {}

  async rows<Row>(text: string, values: readonly unknown[] = []): Promise<Row[]> {
    // The structured result gives the rows of SELECT, INSERT/UPDATE/DELETE ... RETURNING alike.
    const result = (await this.manager.queryRunner!.query(text, [...values], true)) as QueryResult<Row>;
    return result.records;
  }
}
