import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { AuditedRecords } from '../audit/audited-writes.js';
import type { Database } from '../database/database.js';
import { firstRow, type SqlRunner } from '../database/sql-runner.js';
import type { Tx } from '../database/transaction.js';

/** The reads of the write path for a policy table with a uuid id (alias `t`). */
export abstract class PolicyRecords<T extends object> implements AuditedRecords<T> {
  abstract readonly entityType: string;
  abstract readonly label: string;

  constructor(
    protected readonly db: Database,
    private readonly entity: EntityTarget<ObjectLiteral>,
    protected readonly table: string,
  ) {}

  read(tx: Tx, id: string): Promise<T | null> {
    return this.byId(tx, id, '');
  }

  lockAndRead(tx: Tx, id: string): Promise<T | null> {
    return this.byId(tx, id, 'FOR UPDATE');
  }

  private async byId(runner: SqlRunner, id: string, lock: '' | 'FOR UPDATE'): Promise<T | null> {
    return (
      (await firstRow<T>(runner, `SELECT ${this.columns} FROM ${this.table} t WHERE t.id = $1 ${lock}`, [id])) ?? null
    );
  }

  /** The entity's columns under alias `t`. */
  protected get columns(): string {
    return this.db.columns(this.entity, 't');
  }
}
