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
  async insert(
    tx: Tx,
    regulator: { id: string; name: string; jurisdiction: string; website: string | null },
  ): Promise<Regulator> {
    const [created] = await tx.rows<Regulator>(
      `INSERT INTO regulator AS t (id, name, jurisdiction, website) VALUES ($1, $2, $3, $4) RETURNING ${this.columns}`,
      [regulator.id, regulator.name, regulator.jurisdiction, regulator.website],
    );
    return created;
  }

  async update(tx: Tx, id: string, fields: { name: string; website: string | null }): Promise<void> {
    await tx.rows(
      `UPDATE regulator SET name = $2, website = $3
       WHERE id = $1 AND (name, website) IS DISTINCT FROM ($2, $3)`,
      [id, fields.name, fields.website],
    );
  }
}
