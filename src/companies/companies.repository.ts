import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { Database } from '../database/database.js';
import { NamedRecords } from '../database/named-records.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { Tx } from '../database/transaction.js';
import { Company } from './company.entity.js';

/** What a client sets on a company (its id and country never change). */
export interface CompanyFields {
  name: string;
  lei: string | null;
  sector: string | null;
  website: string | null;
}

/** The filters of the companies list, normalised: upper-case country, trimmed sector and text. */
export interface CompanySearch {
  country?: string;
  sector?: string;
  text?: string;
}

/** The sort key of the companies list: name, id. */
export type CompanyKey = [name: string, id: string];

/** A LIKE pattern matching `text` anywhere, its wildcards and escape character taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** Owns company. */
@Injectable()
export class CompaniesRepository extends NamedRecords<Company> implements AuditedRecords<Company> {
  readonly entityType = 'company';

  constructor(db: Database) {
    super(db, Company, 'company');
  }

  /**
   * Up to `limit` companies matching `search` after `after`, by name and id; and their count on demand. Each filter
   * has an index: (country_iso3, name, id), (sector, name, id), and a trigram index on name for the text.
   */
  async search(search: CompanySearch, after: CompanyKey | null, limit: number) {
    const where = new SqlFilter()
      .when(search.country, (country) => `t.country_iso3 = ${country}`)
      .when(search.sector, (sector) => `t.sector = ${sector}`)
      .when(search.text && containing(search.text), (pattern) => `t.name ILIKE ${pattern}`);
    const matching = where.sql;
    const matchingValues = where.snapshot();
    const afterSql = after ? `(t.name, t.id) > (${where.bind(after[0])}::text, ${where.bind(after[1])}::uuid)` : 'TRUE';
    const rows = await this.db.reads.rows<Company>(
      `SELECT ${this.columns} FROM company t WHERE ${matching} AND ${afterSql}
       ORDER BY t.name, t.id LIMIT ${where.bind(limit)}`,
      where.values,
    );
    const count = async () => {
      const [{ count }] = await this.db.reads.rows<{ count: number }>(
        `SELECT count(*) AS count FROM company t WHERE ${matching}`,
        matchingValues,
      );
      return count;
    };
    return { rows, count };
  }

  async byLei(lei: string): Promise<Company | null> {
    const [row] = await this.db.reads.rows<Company>(`SELECT ${this.columns} FROM company t WHERE t.lei = $1`, [lei]);
    return row ?? null;
  }

  /** Inserts the company under the id of its organisation; a country that does not exist fails its foreign key. */
  async insert(tx: Tx, company: CompanyFields & { id: string; countryIso3: string }): Promise<Company> {
    const [created] = await tx.rows<Company>(
      `INSERT INTO company AS t (id, name, country_iso3, lei, sector, website) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${this.columns}`,
      [company.id, company.name, company.countryIso3, company.lei, company.sector, company.website],
    );
    return created;
  }

  /** Writes every field; the service calls it only when one of them changes. */
  async update(tx: Tx, id: string, fields: CompanyFields): Promise<void> {
    await tx.rows(
      `UPDATE company SET name = $2, lei = $3, sector = $4, website = $5, updated_at = now() WHERE id = $1`,
      [id, fields.name, fields.lei, fields.sector, fields.website],
    );
  }
}
