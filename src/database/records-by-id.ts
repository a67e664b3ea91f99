import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { indexBy } from '../common/loaders/batch-results.js';
import type { Database } from './database.js';
import { firstRow, type SqlRunner } from './sql-runner.js';
import type { Tx } from './transaction.js';

/**
 * The reads by id of a table whose rows have an `id`: what the audited write path needs (AuditedRecords.read /
 * lockAndRead: one statement by id, locked for the change or not) and a DataLoader's batch (byIds). Repositories
 * of such tables extend it.
 */
export abstract class RecordsById<T extends object> {
  constructor(
    protected readonly db: Database,
    private readonly entity: EntityTarget<ObjectLiteral>,
    protected readonly table: string,
    private readonly alias = 't',
  ) {}

  read(tx: Tx, id: string): Promise<T | null> {
    return this.byId(tx, id, '');
  }

  lockAndRead(tx: Tx, id: string): Promise<T | null> {
    return this.byId(tx, id, 'FOR UPDATE');
  }

  /** Rows by id in the order of `ids`, null where there is none: one statement for a DataLoader's batch. */
  async byIds(ids: readonly string[]): Promise<(T | null)[]> {
    const rows = await this.db.reads.rows<T & { id: string }>(
      `SELECT ${this.columns} FROM ${this.table} ${this.alias} WHERE ${this.alias}.id = ANY($1::uuid[])`,
      [ids],
    );
    return indexBy(ids, rows, (row) => row.id);
  }

  private async byId(runner: SqlRunner, id: string, lock: '' | 'FOR UPDATE'): Promise<T | null> {
    const row = await firstRow<T>(
      runner,
      `SELECT ${this.columns} FROM ${this.table} ${this.alias} WHERE ${this.alias}.id = $1 ${lock}`,
      [id],
    );
    return row ?? null;
  }

  /** The entity's columns under the table's alias. */
  protected get columns(): string {
    return this.db.columns(this.entity, this.alias);
  }
}
