import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { groupBy, indexBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { RecordsById } from '../database/records-by-id.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { Tx } from '../database/transaction.js';
import type { DatePrecision } from './date-precision.js';
import type { ParticipationRecord } from './participation-csv.js';
import type { ParticipationRole } from './participation-role.js';
import { Participation } from './participation.entity.js';

/** SQL predicate: the participation `alias` was true in the world on the date bound at `date` (half-open period). */
export function participationInForce(alias: string, date: string): string {
  return `${alias}.valid_from <= ${date}::date AND (${alias}.valid_to IS NULL OR ${date}::date < ${alias}.valid_to)`;
}

/**
 * SQL predicate: the registry held the participation `alias` at the instant bound at `knownAt`; null means now,
 * which is simply "not retracted" (recorded_at and retracted_at are never in the future).
 */
export function participationKnown(alias: string, knownAt: string | null): string {
  if (knownAt === null) return `${alias}.retracted_at IS NULL`;
  return `${alias}.recorded_at <= ${knownAt}::timestamptz AND (${alias}.retracted_at IS NULL OR ${knownAt}::timestamptz < ${alias}.retracted_at)`;
}

/** Both timelines: in force on `asOf`, known at `knownAt` (null: now); values bound on `where`. */
export function participationLive(where: SqlFilter, alias: string, asOf: string, knownAt: Date | null): string {
  const known = knownAt === null ? null : where.bind(knownAt);
  return `${participationInForce(alias, where.bind(asOf))} AND ${participationKnown(alias, known)}`;
}

/** Which participations a read wants: those in force on `asOf` as the registry knew them at `knownAt` (null: now). */
export interface Timelines {
  asOf: string;
  knownAt: Date | null;
}

export interface NewParticipation {
  partyCode: string;
  initiativeId: string;
  role: ParticipationRole;
  validFrom: string;
  validFromPrecision: DatePrecision;
  validTo: string | null;
  validToPrecision: DatePrecision | null;
  sourceUrl: string;
  sourceTitle: string | null;
  sourceNote: string | null;
  supersedesId: string | null;
}

/** Owns participation: rows are inserted and retracted, never changed otherwise or deleted. */
@Injectable()
export class ParticipationsRepository extends RecordsById<Participation> implements AuditedRecords<Participation> {
  readonly entityType = 'participation';

  constructor(db: Database) {
    super(db, Participation, 'participation', 'p');
  }

  /**
   * One page of each initiative's participants (by party code, then id), after the key `after`: one statement
   * for a batch of initiatives.
   */
  async participantPages(
    initiativeIds: readonly string[],
    at: Timelines,
    after: [string, string] | null,
    limit: number,
  ): Promise<Participation[][]> {
    const where = new SqlFilter([initiativeIds]);
    const live = participationLive(where, 'p', at.asOf, at.knownAt);
    const afterSql = after
      ? `AND (p.party_code, p.id) > (${where.bind(after[0])}::text, ${where.bind(after[1])}::uuid)`
      : '';
    const rows = await this.db.reads.rows<Participation>(
      `SELECT page.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
         SELECT ${this.columns} FROM participation p
         WHERE p.initiative_id = k.id AND ${live} ${afterSql}
         ORDER BY p.party_code, p.id LIMIT ${where.bind(limit)}) page`,
      where.values,
    );
    return groupBy(initiativeIds, rows, (row) => row.initiativeId);
  }

  /**
   * How many distinct parties take part in each initiative (or how many rows are in force, for `rows`); only
   * parties in `partyScope` (a subquery of codes built on the filter it is given) when there is one.
   */
  async participantCounts(
    initiativeIds: readonly string[],
    at: Timelines,
    partyScope: ((where: SqlFilter) => string) | null,
    what: 'parties' | 'rows' = 'parties',
  ): Promise<number[]> {
    const where = new SqlFilter([initiativeIds]);
    const live = participationLive(where, 'p', at.asOf, at.knownAt);
    const scope = partyScope ? `AND p.party_code IN (${partyScope(where)})` : '';
    const counted = what === 'parties' ? 'count(DISTINCT p.party_code)' : 'count(*)';
    const rows = await this.db.reads.rows<{ id: string; count: number }>(
      `SELECT p.initiative_id AS id, ${counted}::int AS count FROM participation p
       WHERE p.initiative_id = ANY($1::uuid[]) AND ${live} ${scope} GROUP BY p.initiative_id`,
      where.values,
    );
    return indexBy(initiativeIds, rows, (row) => row.id).map((row) => row?.count ?? 0);
  }

  /** Each party's participations, by initiative key then role. */
  async ofParties(partyCodes: readonly string[], at: Timelines): Promise<Participation[][]> {
    const where = new SqlFilter([partyCodes]);
    const live = participationLive(where, 'p', at.asOf, at.knownAt);
    const rows = await this.db.reads.rows<Participation>(
      `SELECT ${this.columns} FROM participation p JOIN initiative i ON i.id = p.initiative_id
       WHERE p.party_code = ANY($1::text[]) AND ${live} ORDER BY i.key, p.role, p.valid_from`,
      where.values,
    );
    return groupBy(partyCodes, rows, (row) => row.partyCode);
  }

  /** How many distinct initiatives each party takes part in; among `initiativeKeys` when given. */
  async initiativeCounts(
    partyCodes: readonly string[],
    at: Timelines,
    initiativeKeys: readonly string[] | null,
  ): Promise<number[]> {
    const where = new SqlFilter([partyCodes]);
    const live = participationLive(where, 'p', at.asOf, at.knownAt);
    const among = initiativeKeys
      ? `AND p.initiative_id IN (SELECT i.id FROM initiative i WHERE i.key = ANY(${where.bind(initiativeKeys)}::text[]))`
      : '';
    const rows = await this.db.reads.rows<{ code: string; count: number }>(
      `SELECT p.party_code AS code, count(DISTINCT p.initiative_id)::int AS count FROM participation p
       WHERE p.party_code = ANY($1::text[]) AND ${live} ${among} GROUP BY p.party_code`,
      where.values,
    );
    return indexBy(partyCodes, rows, (row) => row.code).map((row) => row?.count ?? 0);
  }

  async insert(tx: Tx, row: NewParticipation): Promise<Participation> {
    const [created] = await tx.rows<Participation>(
      `INSERT INTO participation AS p (party_code, initiative_id, role, valid_from, valid_from_precision, valid_to,
         valid_to_precision, source_url, source_title, source_note, supersedes_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${this.columns}`,
      [
        row.partyCode,
        row.initiativeId,
        row.role,
        row.validFrom,
        row.validFromPrecision,
        row.validTo,
        row.validToPrecision,
        row.sourceUrl,
        row.sourceTitle,
        row.sourceNote,
        row.supersedesId,
      ],
    );
    return created;
  }

  /** Inserts many rows in one statement, answering them in the order given. */
  async insertMany(tx: Tx, rows: readonly NewParticipation[]): Promise<Participation[]> {
    if (rows.length === 0) return [];
    const column = <K extends keyof NewParticipation>(key: K) => rows.map((row) => row[key]);
    return tx.rows<Participation>(
      `WITH created AS (
         INSERT INTO participation AS p (party_code, initiative_id, role, valid_from, valid_from_precision, valid_to,
           valid_to_precision, source_url, source_title, source_note, supersedes_id)
         SELECT r.party_code, r.initiative_id, r.role, r.valid_from, r.valid_from_precision, r.valid_to,
           r.valid_to_precision, r.source_url, r.source_title, r.source_note, r.supersedes_id
         FROM unnest($1::text[], $2::uuid[], $3::text[], $4::date[], $5::text[], $6::date[], $7::text[], $8::text[],
           $9::text[], $10::text[], $11::uuid[]) WITH ORDINALITY
           AS r(party_code, initiative_id, role, valid_from, valid_from_precision, valid_to, valid_to_precision,
             source_url, source_title, source_note, supersedes_id, n)
         ORDER BY r.n
         RETURNING ${this.columns})
       SELECT * FROM created`,
      [
        column('partyCode'),
        column('initiativeId'),
        column('role'),
        column('validFrom'),
        column('validFromPrecision'),
        column('validTo'),
        column('validToPrecision'),
        column('sourceUrl'),
        column('sourceTitle'),
        column('sourceNote'),
        column('supersedesId'),
      ],
    );
  }

  /**
   * Holds off every other write to participation until the transaction ends (reads go on): an import checks the
   * file against the live rows and must write against the same rows.
   */
  async lockForImport(tx: Tx): Promise<void> {
    await tx.rows(`LOCK TABLE participation IN SHARE ROW EXCLUSIVE MODE`);
  }

  /** The live (not retracted) rows of each (party, initiative) pair, whatever their period. */
  async liveOfPairs(tx: Tx, pairs: readonly { partyCode: string; initiativeId: string }[]): Promise<Participation[]> {
    if (pairs.length === 0) return [];
    return tx.rows<Participation>(
      `SELECT ${this.columns} FROM unnest($1::text[], $2::uuid[]) AS k(party_code, initiative_id)
       JOIN participation p ON p.party_code = k.party_code AND p.initiative_id = k.initiative_id
       WHERE p.retracted_at IS NULL`,
      [pairs.map((pair) => pair.partyCode), pairs.map((pair) => pair.initiativeId)],
    );
  }

  /**
   * One page of the participation in force on `asOf` (live rows), in the exchange format's columns, by initiative
   * key, party and id, after the key `after`: the export reads the table in such pages, never all at once.
   */
  async exportPage(
    asOf: string,
    after: { initiativeKey: string; partyCode: string; id: string } | null,
    limit: number,
  ): Promise<(ParticipationRecord & { id: string })[]> {
    const where = new SqlFilter();
    const inForce = participationLive(where, 'p', asOf, null);
    const afterSql = after
      ? `AND i.key >= ${where.bind(after.initiativeKey)}::text AND (i.key > ${where.bind(after.initiativeKey)}::text
           OR (p.party_code, p.id) > (${where.bind(after.partyCode)}::text, ${where.bind(after.id)}::uuid))`
      : '';
    return this.db.reads.rows<ParticipationRecord & { id: string }>(
      `SELECT p.party_code AS "partyCode", i.key AS "initiativeKey", p.role, p.valid_from AS "validFrom",
         p.valid_from_precision AS "validFromPrecision", p.valid_to AS "validTo",
         p.valid_to_precision AS "validToPrecision", p.source_url AS "sourceUrl", p.source_title AS "sourceTitle",
         p.source_note AS "sourceNote", p.id
       FROM initiative i JOIN participation p ON p.initiative_id = i.id
       WHERE ${inForce} ${afterSql}
       ORDER BY i.key, p.party_code, p.id LIMIT ${where.bind(limit)}`,
      where.values,
    );
  }

  /** Retracts the row unless it is already retracted (then nothing changes). */
  async retract(tx: Tx, id: string, reason: string): Promise<void> {
    await tx.rows(
      `UPDATE participation SET retracted_at = now(), retraction_reason = $2 WHERE id = $1 AND retracted_at IS NULL`,
      [id, reason],
    );
  }
}
