import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { Database } from '../database/database.js';
import { NamedRecords } from '../database/named-records.js';
import { firstRow } from '../database/sql-runner.js';
import type { Tx } from '../database/transaction.js';
import { Regulator } from './regulator.entity.js';

/** Owns regulator. */
@Injectable()
export class RegulatorsRepository implements AuditedRecords<Regulator> {
  readonly entityType = 'regulator';
  private readonly named: NamedRecords<Regulator>;

  constructor(private readonly db: Database) {
    this.named = new NamedRecords(db, Regulator, 'regulator');
  }

  page(after: readonly [string, string] | null, limit: number): Promise<Regulator[]> {
    return this.named.page(after, limit);
  }

  count(): Promise<number> {
    return this.named.count();
  }

  byIds(ids: readonly string[]): Promise<(Regulator | null)[]> {
    return this.named.byIds(ids);
  }

  async read(tx: Tx, id: string): Promise<Regulator | null> {
    return (await firstRow<Regulator>(tx, `SELECT ${this.columns} FROM regulator t WHERE t.id = $1`, [id])) ?? null;
  }

  async lockAndRead(tx: Tx, id: string): Promise<Regulator | null> {
    return (
      (await firstRow<Regulator>(tx, `SELECT ${this.columns} FROM regulator t WHERE t.id = $1 FOR UPDATE`, [id])) ??
      null
    );
  }

  /** Inserts the regulator under the id of its organisation; an unknown jurisdiction fails its foreign key. */
  async insert(tx: Tx, regulator: { id: string; name: string; jurisdiction: string }): Promise<Regulator> {
    const [created] = await tx.rows<Regulator>(
      `INSERT INTO regulator AS t (id, name, jurisdiction) VALUES ($1, $2, $3) RETURNING ${this.columns}`,
      [regulator.id, regulator.name, regulator.jurisdiction],
    );
    return created;
  }

  async rename(tx: Tx, id: string, name: string): Promise<void> {
    await tx.rows(`UPDATE regulator SET name = $2 WHERE id = $1 AND name IS DISTINCT FROM $2`, [id, name]);
  }

  private get columns(): string {
    return this.db.columns(Regulator, 't');
  }
}
