import { Injectable } from '@nestjs/common';
import { indexBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { membershipInForce } from '../database/membership-sql.js';
import { SqlFilter } from '../database/sql-filter.js';
import { CountryGroup } from './country-group.entity.js';
import { groupsInForce } from './country-groups.repository.js';
import { WHOLE_COUNTRY, type CountryShape } from './country-shape.js';
import { CountryFilterExtensions } from './country-filter-extensions.js';
import { Country } from './country.entity.js';
import type { CountryFilter } from './dto/countries.args.js';
import { Party } from './party.entity.js';

/** A country row, with its groups when the query read them in the same statement. */
export type CountryRow = Country & { preloadedGroups?: PreloadedGroups };

export interface PreloadedGroups {
  asOf: string;
  groups: CountryGroup[];
}

export interface CountryRows {
  rows: CountryRow[];
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
  constructor(
    private readonly db: Database,
    private readonly extensions: CountryFilterExtensions,
  ) {}

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
    shape: CountryShape = WHOLE_COUNTRY,
  ): Promise<CountryRows> {
    const where = new SqlFilter();
    this.filterOn(where, filter, asOf);
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
    const columns = this.db.columns(Country, 'c', shape.columns);
    const page = withTotal
      ? `WITH matching AS (SELECT ${columns} FROM country c WHERE ${matching})
         SELECT c.*, (SELECT count(*) FROM matching) AS "totalCount" FROM matching c
         WHERE ${afterSql} ORDER BY c.iso3 LIMIT ${limitSql}`
      : `SELECT ${columns} FROM country c WHERE ${matching} AND ${afterSql} ORDER BY c.iso3 LIMIT ${limitSql}`;
    const statement = this.withGroups(page, shape, where);
    const rows = await this.db.reads.rows<CountryRow & { totalCount?: number }>(statement, where.values);
    const total = rows[0]?.totalCount;
    if (withTotal) for (const row of rows) delete row.totalCount;
    return { rows, total, count };
  }

  /**
   * Adds the conditions of `filter` on the country under alias `c` to `where`; group membership is judged on `asOf`.
   */
  filterOn(where: SqlFilter, filter: CountryFilter, asOf: string): void {
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
    this.extensions.apply(filter, where, asOf);
  }

  /**
   * A subquery of the codes (`iso3`) of the countries matching `filter` on `asOf`, its values bound on `where`:
   * for a higher module's statement that ranges over countries (participation by country).
   */
  selection(where: SqlFilter, filter: CountryFilter, asOf: string): string {
    const inner = where.nested();
    this.filterOn(inner, filter, asOf);
    return `SELECT c.iso3 FROM country c WHERE ${inner.sql}`;
  }

  /** The properties of Country that are columns, to narrow a read to what a query selects. */
  columnNames(): ReadonlySet<string> {
    return this.db.columnNames(Country);
  }

  /** One country, as a query selects it (`country(iso3)`); undefined when there is none. */
  async one(iso3: string, shape: CountryShape): Promise<CountryRow | undefined> {
    const where = new SqlFilter();
    const lookup = `SELECT ${this.db.columns(Country, 'c', shape.columns)} FROM country c WHERE c.iso3 = ${where.bind(iso3)}`;
    const [row] = await this.db.reads.rows<CountryRow>(this.withGroups(lookup, shape, where), where.values);
    return row;
  }

  /**
   * `statement` (countries under alias `c`, ordered by code) with each country's groups on `shape.groupsAsOf`
   * riding along as JSON, so that countries with their groups are one round trip; `statement` itself when the
   * query does not select groups.
   */
  private withGroups(statement: string, shape: CountryShape, where: SqlFilter): string {
    if (shape.groupsAsOf === null) return statement;
    const date = where.bind(shape.groupsAsOf);
    // The page's memberships in one pass, joined by code: a subquery per country made the planner probe an index
    // (or scan the table) once per row of the page.
    return `WITH page AS MATERIALIZED (${statement})
      SELECT p.*, json_build_object('asOf', ${date}::text, 'groups', COALESCE(pg.groups, '[]'::json)) AS "preloadedGroups"
      FROM page p LEFT JOIN (
        SELECT m.party_code, json_agg(${this.db.jsonObject(CountryGroup, 'g')} ORDER BY g.key) AS groups
        FROM ${groupsInForce('m.party_code IN (SELECT iso3 FROM page)', date)}
        GROUP BY m.party_code) pg ON pg.party_code = p.iso3
      ORDER BY p.iso3`;
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
