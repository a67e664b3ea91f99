import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { groupBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { membershipInForce } from '../database/membership-sql.js';
import { firstRow, type SqlRunner } from '../database/sql-runner.js';
import type { Tx } from '../database/transaction.js';
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

/** A membership period as the write path records it: ids of audited records are text. */
export type GroupPeriod = Omit<GroupMembership, 'id'> & { id: string };

/** Owns country_group and country_group_membership: groups and their dated membership. */
@Injectable()
export class CountryGroupsRepository implements AuditedRecords<GroupMembership> {
  readonly entityType = 'group_membership';
  readonly label = 'group membership';

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

  read(tx: Tx, id: string): Promise<GroupMembership | null> {
    return this.membershipById(tx, id, '');
  }

  lockAndRead(tx: Tx, id: string): Promise<GroupMembership | null> {
    return this.membershipById(tx, id, 'FOR UPDATE');
  }

  private async membershipById(
    runner: SqlRunner,
    id: string,
    lock: '' | 'FOR UPDATE',
  ): Promise<GroupMembership | null> {
    if (!/^[0-9]{1,9}$/.test(id)) return null;
    const row = await firstRow<GroupMembership>(
      runner,
      `SELECT ${this.db.columns(GroupMembership, 'm')} FROM country_group_membership m WHERE m.id = $1 ${lock}`,
      [Number(id)],
    );
    return row ?? null;
  }

  /** Whether a party with this code exists (a country or an organisation). */
  async partyExists(runner: SqlRunner, code: string): Promise<boolean> {
    return (await firstRow(runner, `SELECT 1 FROM party WHERE code = $1`, [code])) !== undefined;
  }

  /** A new period; one that overlaps another period of the same party in the group fails the exclusion constraint. */
  async insertMembership(
    tx: Tx,
    membership: { groupKey: string; partyCode: string; since: string; note: string | null },
  ): Promise<GroupPeriod> {
    const [row] = await tx.rows<GroupMembership>(
      `INSERT INTO country_group_membership AS m (group_key, party_code, valid_from, note) VALUES ($1, $2, $3, $4)
       RETURNING ${this.db.columns(GroupMembership, 'm')}`,
      [membership.groupKey, membership.partyCode, membership.since, membership.note],
    );
    return { ...row, id: String(row.id) };
  }

  /** The party's latest period in the group (the open one, if any); null when it was never a member. */
  async latestPeriod(tx: Tx, groupKey: string, partyCode: string): Promise<GroupMembership | null> {
    const row = await firstRow<GroupMembership>(
      tx,
      `SELECT ${this.db.columns(GroupMembership, 'm')} FROM country_group_membership m
       WHERE m.group_key = $1 AND m.party_code = $2 ORDER BY m.valid_from DESC NULLS LAST LIMIT 1`,
      [groupKey, partyCode],
    );
    return row ?? null;
  }

  async endMembership(tx: Tx, id: number, until: string): Promise<void> {
    await tx.rows(`UPDATE country_group_membership SET valid_to = $2 WHERE id = $1`, [id, until]);
  }
}
