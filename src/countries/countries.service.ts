import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadUserInputError } from '../common/errors/app-errors.js';
import { groupBy, indexBy } from '../common/loaders/batch-results.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { todayUtc } from '../common/dates.js';
import { membershipInForce } from '../database/membership-sql.js';
import { COUNTRY_COLUMNS, PARTY_COLUMNS } from './countries.sql.js';
import type { Country } from './country.entity.js';
import type { CountryGroup } from './country-group.entity.js';
import type { CountriesArgs } from './dto/countries.args.js';
import type { GroupMembership } from './group-membership.entity.js';
import type { Party } from './party.entity.js';
import { preparedQuery } from '../database/prepared-query.js';

/**
 * Reads of reference data. Hot lists use plain SQL that returns rows already shaped like the GraphQL types:
 * no entity hydration on the read path.
 */
@Injectable()
export class CountriesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One round trip per page: with `withTotal`, the count rides along in the same statement (the country table
   * is a few hundred rows, so counting them all costs less than a second query).
   */
  async listCountries(args: CountriesArgs, withTotal: boolean): Promise<Page<Country>> {
    const filter = args.filter ?? {};
    const params: unknown[] = [];
    const where: string[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    if (filter.groupKey) {
      const asOf = bind(args.asOf ?? todayUtc());
      where.push(
        `EXISTS (SELECT 1 FROM country_group_membership m WHERE m.party_code = c.iso3 AND m.group_key = ${bind(filter.groupKey.toUpperCase())} AND ${membershipInForce('m', asOf)})`,
      );
    }
    if (filter.region) where.push(`c.region = ${bind(filter.region)}`);
    if (filter.subregion) where.push(`c.subregion = ${bind(filter.subregion)}`);
    if (filter.unMember != null) where.push(`c.un_member = ${bind(filter.unMember)}`);
    if (filter.developmentStatus) where.push(`c.development_status = ${bind(filter.developmentStatus)}`);
    const filterSql = where.length ? where.join(' AND ') : 'TRUE';
    const filterParams = [...params];
    const countMatching = async () => {
      const [{ count }] = await preparedQuery(
        this.db,
        `SELECT count(*) AS count FROM country c WHERE ${filterSql}`,
        filterParams,
      );
      return count as number;
    };

    const afterIso3 = args.after ? String(decodeCursor(args.after, 1)[0]) : null;
    const afterSql = afterIso3 ? `c.iso3 > ${bind(afterIso3)}` : 'TRUE';
    const limit = bind(args.first + 1);
    const rows: (Country & { totalCount?: number })[] = withTotal
      ? await preparedQuery(
          this.db,
          `WITH matching AS (SELECT ${COUNTRY_COLUMNS} FROM country c WHERE ${filterSql})
           SELECT c.*, (SELECT count(*) FROM matching) AS "totalCount" FROM matching c
           WHERE ${afterSql} ORDER BY c.iso3 LIMIT ${limit}`,
          params,
        )
      : await preparedQuery(
          this.db,
          `SELECT ${COUNTRY_COLUMNS} FROM country c WHERE ${filterSql} AND ${afterSql} ORDER BY c.iso3 LIMIT ${limit}`,
          params,
        );
    if (rows.length === 0 && filter.groupKey) await this.assertGroupExists(filter.groupKey, 'filter.groupKey');
    const total = rows[0]?.totalCount;
    for (const row of rows) delete row.totalCount;
    return toPage(rows, args.first, (row) => [row.iso3], afterIso3 !== null, total ?? countMatching);
  }

  async findCountry(iso3: string): Promise<Country | null> {
    const [country] = await this.countriesByIso3([iso3.toUpperCase()]);
    return country;
  }

  async countriesByIso3(codes: readonly string[]): Promise<(Country | null)[]> {
    const rows: Country[] = await preparedQuery(
      this.db,
      `SELECT ${COUNTRY_COLUMNS} FROM country c WHERE c.iso3 = ANY($1)`,
      [codes],
    );
    return indexBy(codes, rows, (row) => row.iso3);
  }

  async partiesByCode(codes: readonly string[]): Promise<(Party | null)[]> {
    const rows: Party[] = await preparedQuery(this.db, `SELECT ${PARTY_COLUMNS} FROM party p WHERE p.code = ANY($1)`, [
      codes,
    ]);
    return indexBy(codes, rows, (row) => row.code);
  }

  /** Groups each party belongs to on `asOf`, in the order of `partyCodes`. */
  async groupsOfParties(partyCodes: readonly string[], asOf: string): Promise<CountryGroup[][]> {
    const rows: (CountryGroup & { partyCode: string })[] = await preparedQuery(
      this.db,
      `SELECT m.party_code AS "partyCode", g.key, g.name, g.description
       FROM country_group_membership m JOIN country_group g ON g.key = m.group_key
       WHERE m.party_code = ANY($1) AND ${membershipInForce('m', '$2')}
       ORDER BY g.key`,
      [partyCodes, asOf],
    );
    return groupBy(partyCodes, rows, (row) => row.partyCode);
  }

  listGroups(): Promise<CountryGroup[]> {
    return preparedQuery(this.db, `SELECT key, name, description FROM country_group ORDER BY key`);
  }

  async findGroup(key: string): Promise<CountryGroup | null> {
    const [group] = await preparedQuery(this.db, `SELECT key, name, description FROM country_group WHERE key = $1`, [
      key.toUpperCase(),
    ]);
    return group ?? null;
  }

  /** Members of each group on `asOf`, ordered by code, in the order of `groupKeys`. */
  async membersOfGroups(groupKeys: readonly string[], asOf: string): Promise<Party[][]> {
    const rows: (Party & { groupKey: string })[] = await preparedQuery(
      this.db,
      `SELECT m.group_key AS "groupKey", ${PARTY_COLUMNS}
       FROM country_group_membership m JOIN party p ON p.code = m.party_code
       WHERE m.group_key = ANY($1) AND ${membershipInForce('m', '$2')}
       ORDER BY p.code`,
      [groupKeys, asOf],
    );
    return groupBy(groupKeys, rows, (row) => row.groupKey);
  }

  /** Every membership period of each group, past and present. */
  async membershipsOfGroups(groupKeys: readonly string[]): Promise<GroupMembership[][]> {
    const rows: GroupMembership[] = await preparedQuery(
      this.db,
      `SELECT m.id, m.group_key AS "groupKey", m.party_code AS "partyCode", m.valid_from AS since, m.valid_to AS until, m.note
       FROM country_group_membership m WHERE m.group_key = ANY($1)
       ORDER BY m.party_code, m.valid_from NULLS FIRST`,
      [groupKeys],
    );
    return groupBy(groupKeys, rows, (row) => row.groupKey);
  }

  private async assertGroupExists(key: string, field: string): Promise<void> {
    if (!(await this.findGroup(key))) throw BadUserInputError.field(field, `names no country group: "${key}"`);
  }
}
