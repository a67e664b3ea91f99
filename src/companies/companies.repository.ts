import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { Database } from '../database/database.js';
import { NamedRecords } from '../database/named-records.js';
import type { Tx } from '../database/transaction.js';
import { Company } from './company.entity.js';

/** Owns company. */
@Injectable()
export class CompaniesRepository extends NamedRecords<Company> implements AuditedRecords<Company> {
  readonly entityType = 'company';

  constructor(db: Database) {
    super(db, Company, 'company');
  }

  /** Inserts the company under the id of its organisation; a country that does not exist fails its foreign key. */
  async insert(tx: Tx, company: { id: string; name: string; countryIso3: string }): Promise<Company> {
    const [created] = await tx.rows<Company>(
      `INSERT INTO company AS t (id, name, country_iso3) VALUES ($1, $2, $3) RETURNING ${this.columns}`,
      [company.id, company.name, company.countryIso3],
    );
    return created;
  }

  async rename(tx: Tx, id: string, name: string): Promise<void> {
    await tx.rows(`UPDATE company SET name = $2, updated_at = now() WHERE id = $1 AND name IS DISTINCT FROM $2`, [
      id,
      name,
    ]);
  }
}
