import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Database } from './database.js';
import { firstRow, type SqlRunner } from './sql-runner.js';
import type { Tx } from './transaction.js';

/**
 * The reads the audited write path needs (AuditedRecords.read / lockAndRead) of a table whose rows have an `id`:
 * one statement by id, locked for the change or not. Repositories of such tables extend it.
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
