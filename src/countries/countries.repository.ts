import { Injectable } from '@nestjs/common';
import { indexBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { membershipInForce } from '../database/membership-sql.js';
import { SqlFilter } from '../database/sql-filter.js';
import { Country } from './country.entity.js';
import type { CountryFilter } from './dto/countries.args.js';
import { Party } from './party.entity.js';

export interface CountryRows {
  rows: Country[];
  /** Counted in the same statement, when asked for. */
  total: number | undefined;
  /** Counts the matching countries with a statement of its own. */
  count: () => Promise<number>;
}

/**
 * Owns country and party. Reads return rows already shaped like the GraphQL types (no entity hydration on the
 * read path), as prepared statements.
 */
@Injectable()
export class CountriesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Up to `limit` countries matching `filter` after `afterIso3`, by code. One round trip per page: with
   * `withTotal`, the count rides along in the same statement (the table is a few hundred rows, so counting them
   * all costs less than a second query).
   */
  async page(
    filter: CountryFilter,
    asOf: string,
    afterIso3: string | null,
    limit: number,
    withTotal: boolean,
  ): Promise<CountryRows> {
    const where = new SqlFilter();
    if (filter.groupKey) {
      const date = where.bind(asOf);
      where.where(
        `EXISTS (SELECT 1 FROM country_group_membership m WHERE m.party_code = c.iso3 AND m.group_key = ${where.bind(filter.groupKey.toUpperCase())} AND ${membershipInForce('m', date)})`,
      );
    }
    where
      .when(filter.region, (region) => `c.region = ${region}`)
      .when(filter.subregion, (subregion) => `c.subregion = ${subregion}`)
      .when(filter.unMember, (unMember) => `c.un_member = ${unMember}`)
      .when(filter.developmentStatus, (status) => `c.development_status = ${status}`);
    const matching = where.sql;
    const matchingValues = where.snapshot();
    const count = async () => {
      const [{ count }] = await this.db.reads.rows<{ count: number }>(
        `SELECT count(*) AS count FROM country c WHERE ${matching}`,
        matchingValues,
      );
      return count;
    };
    const afterSql = afterIso3 ? `c.iso3 > ${where.bind(afterIso3)}` : 'TRUE';
    const limitSql = where.bind(limit);
    const columns = this.db.columns(Country, 'c');
    if (!withTotal) {
      const rows = await this.db.reads.rows<Country>(
        `SELECT ${columns} FROM country c WHERE ${matching} AND ${afterSql} ORDER BY c.iso3 LIMIT ${limitSql}`,
        where.values,
      );
      return { rows, total: undefined, count };
    }
    const rows = await this.db.reads.rows<Country & { totalCount: number }>(
      `WITH matching AS (SELECT ${columns} FROM country c WHERE ${matching})
       SELECT c.*, (SELECT count(*) FROM matching) AS "totalCount" FROM matching c
       WHERE ${afterSql} ORDER BY c.iso3 LIMIT ${limitSql}`,
      where.values,
    );
    const total = rows[0]?.totalCount;
    return { rows: rows.map(({ totalCount: _total, ...country }) => country), total, count };
  }

  async byIso3(codes: readonly string[]): Promise<(Country | null)[]> {
    const rows = await this.db.reads.rows<Country>(
      `SELECT ${this.db.columns(Country, 'c')} FROM country c WHERE c.iso3 = ANY($1)`,
      [codes],
    );
    return indexBy(codes, rows, (row) => row.iso3);
  }

  async partiesByCode(codes: readonly string[]): Promise<(Party | null)[]> {
    const rows = await this.db.reads.rows<Party>(
      `SELECT ${this.db.columns(Party, 'p')} FROM party p WHERE p.code = ANY($1)`,
      [codes],
    );
    return indexBy(codes, rows, (row) => row.code);
  }
}
