import { Injectable } from '@nestjs/common';
import { groupBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { membershipInForce } from '../database/membership-sql.js';
import { firstRow } from '../database/sql-runner.js';
import { CountryGroup } from './country-group.entity.js';
import { GroupMembership } from './group-membership.entity.js';
import { Party } from './party.entity.js';

/**
 * FROM and WHERE of the groups (alias `g`) a party belongs to on `date`, `partyCondition` naming the party: shared by
 * the batched loader below and by the countries read that brings each country's groups along.
 */
export function groupsInForce(partyCondition: string, date: string): string {
  return `country_group_membership m JOIN country_group g ON g.key = m.group_key
    WHERE ${partyCondition} AND ${membershipInForce('m', date)}`;
}

/** Owns country_group and country_group_membership: groups and their dated membership. */
@Injectable()
export class CountryGroupsRepository {
  constructor(private readonly db: Database) {}

  all(): Promise<CountryGroup[]> {
    return this.db.reads.rows<CountryGroup>(
      `SELECT ${this.db.columns(CountryGroup, 'g')} FROM country_group g ORDER BY g.key`,
    );
  }

  async byKey(key: string): Promise<CountryGroup | null> {
    const group = await firstRow<CountryGroup>(
      this.db.reads,
      `SELECT ${this.db.columns(CountryGroup, 'g')} FROM country_group g WHERE g.key = $1`,
      [key],
    );
    return group ?? null;
  }

  /** Groups each party belongs to on `asOf`, in the order of `partyCodes`. */
  async groupsOfParties(partyCodes: readonly string[], asOf: string): Promise<CountryGroup[][]> {
    const rows = await this.db.reads.rows<CountryGroup & { partyCode: string }>(
      `SELECT m.party_code AS "partyCode", ${this.db.columns(CountryGroup, 'g')}
       FROM ${groupsInForce('m.party_code = ANY($1)', '$2')}
       ORDER BY g.key`,
      [partyCodes, asOf],
    );
    return groupBy(partyCodes, rows, (row) => row.partyCode);
  }

  /** Members of each group on `asOf`, ordered by code, in the order of `groupKeys`. */
  async membersOfGroups(groupKeys: readonly string[], asOf: string): Promise<Party[][]> {
    const rows = await this.db.reads.rows<Party & { groupKey: string }>(
      `SELECT m.group_key AS "groupKey", ${this.db.columns(Party, 'p')}
       FROM country_group_membership m JOIN party p ON p.code = m.party_code
       WHERE m.group_key = ANY($1) AND ${membershipInForce('m', '$2')}
       ORDER BY p.code`,
      [groupKeys, asOf],
    );
    return groupBy(groupKeys, rows, (row) => row.groupKey);
  }

  /** Every membership period of each group, past and present. */
  async membershipsOfGroups(groupKeys: readonly string[]): Promise<GroupMembership[][]> {
    const rows = await this.db.reads.rows<GroupMembership>(
      `SELECT ${this.db.columns(GroupMembership, 'm')} FROM country_group_membership m WHERE m.group_key = ANY($1)
       ORDER BY m.party_code, m.valid_from NULLS FIRST`,
      [groupKeys],
    );
    return groupBy(groupKeys, rows, (row) => row.groupKey);
  }
}
