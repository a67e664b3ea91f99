import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { Database } from '../database/database.js';
import { NamedRecords } from '../database/named-records.js';
import type { Tx } from '../database/transaction.js';
import { Regulator } from './regulator.entity.js';

/** Owns regulator. */
@Injectable()
export class RegulatorsRepository extends NamedRecords<Regulator> implements AuditedRecords<Regulator> {
  readonly entityType = 'regulator';

  constructor(db: Database) {
    super(db, Regulator, 'regulator');
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
}
