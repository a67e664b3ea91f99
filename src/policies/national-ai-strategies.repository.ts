import { Injectable } from '@nestjs/common';
import { groupBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { membershipInForce } from '../database/membership-sql.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { Tx } from '../database/transaction.js';
import type { NationalAiStrategyFilter } from './dto/policy-lists.args.js';
import type { StrategyAdoption } from './dto/strategy-adoption.model.js';
import { NationalAiStrategy } from './national-ai-strategy.entity.js';
import { RecordsById } from '../database/records-by-id.js';
import type { SourceConfidence } from './source-confidence.js';

export interface StrategyFields {
  releasedYear: number;
  title: string;
  sourceUrl: string;
  confidence: SourceConfidence;
}

/** The sort key of the strategies list: year, party, title (unique, since a title is unique per party). */
export type StrategyKey = [year: number, partyCode: string, title: string];

/** Owns national_ai_strategy. */
@Injectable()
export class NationalAiStrategiesRepository extends RecordsById<NationalAiStrategy> {
  readonly entityType = 'national_ai_strategy';
  readonly label = 'national AI strategy';

  constructor(db: Database) {
    super(db, NationalAiStrategy, 'national_ai_strategy');
  }

  /** Each party's strategies, oldest first, in the order of `partyCodes`. */
  async ofParties(partyCodes: readonly string[]): Promise<NationalAiStrategy[][]> {
    const rows = await this.db.reads.rows<NationalAiStrategy>(
      `SELECT ${this.columns} FROM national_ai_strategy t WHERE t.party_code = ANY($1::varchar[])
       ORDER BY t.released_year, t.title`,
      [partyCodes],
    );
    return groupBy(partyCodes, rows, (row) => row.partyCode);
  }

  /** Up to `limit` strategies matching `filter` after `after`, by year, party and title; and their count on demand. */
  async page(filter: NationalAiStrategyFilter, after: StrategyKey | null, limit: number) {
    const where = new SqlFilter()
      .when(filter.partyCode?.toUpperCase(), (code) => `t.party_code = ${code}`)
      .when(filter.releasedFrom, (year) => `t.released_year >= ${year}::int`)
      .when(filter.releasedTo, (year) => `t.released_year <= ${year}::int`);
    const matching = where.sql;
    const matchingValues = where.snapshot();
    const afterSql = after
      ? `(t.released_year, t.party_code, t.title) > (${where.bind(after[0])}::int, ${where.bind(after[1])}::varchar, ${where.bind(after[2])}::text)`
      : 'TRUE';
    const rows = await this.db.reads.rows<NationalAiStrategy>(
      `SELECT ${this.columns} FROM national_ai_strategy t WHERE ${matching} AND ${afterSql}
       ORDER BY t.released_year, t.party_code, t.title LIMIT ${where.bind(limit)}`,
      where.values,
    );
    const count = async () => {
      const [{ count }] = await this.db.reads.rows<{ count: number }>(
        `SELECT count(*) AS count FROM national_ai_strategy t WHERE ${matching}`,
        matchingValues,
      );
      return count;
    };
    return { rows, count };
  }

  async insert(tx: Tx, partyCode: string, fields: StrategyFields): Promise<NationalAiStrategy> {
    const [created] = await tx.rows<NationalAiStrategy>(
      `INSERT INTO national_ai_strategy AS t (party_code, released_year, title, source_url, confidence)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${this.columns}`,
      [partyCode, fields.releasedYear, fields.title, fields.sourceUrl, fields.confidence],
    );
    return created;
  }

  /** Sets the fields given; a change that changes nothing leaves the row (and its updated_at) alone. */
  async update(tx: Tx, id: string, fields: Partial<StrategyFields>): Promise<void> {
    await tx.rows(
      `UPDATE national_ai_strategy SET released_year = COALESCE($2::smallint, released_year),
         title = COALESCE($3::text, title), source_url = COALESCE($4::text, source_url),
         confidence = COALESCE($5::varchar, confidence), updated_at = now()
       WHERE id = $1 AND (released_year, title, source_url, confidence) IS DISTINCT FROM
         (COALESCE($2::smallint, released_year), COALESCE($3::text, title), COALESCE($4::text, source_url),
          COALESCE($5::varchar, confidence))`,
      [id, fields.releasedYear ?? null, fields.title ?? null, fields.sourceUrl ?? null, fields.confidence ?? null],
    );
  }

  /**
   * Per group (in the order given) and year: the group's member countries on 31 December, and how many of them had
   * released a first national AI strategy by then and in that year. One statement; a key that names no group has no
   * rows.
   */
  adoption(groupKeys: readonly string[], fromYear: number, toYear: number): Promise<StrategyAdoption[]> {
    const yearEnd = 'make_date(y.year, 12, 31)';
    return this.db.reads.rows<StrategyAdoption>(
      `WITH first_release AS (
         SELECT s.party_code, min(s.released_year) AS year FROM national_ai_strategy s GROUP BY s.party_code
       ), counts AS (
         SELECT g.key AS "groupKey", k.position, y.year,
           count(DISTINCT c.iso3)::int AS "memberCount",
           (count(DISTINCT c.iso3) FILTER (WHERE f.year <= y.year))::int AS "withStrategy",
           (count(DISTINCT c.iso3) FILTER (WHERE f.year = y.year))::int AS "firstReleasedInYear"
         FROM unnest($1::varchar[]) WITH ORDINALITY AS k(key, position)
         JOIN country_group g ON g.key = k.key
         CROSS JOIN generate_series($2::int, $3::int) AS y(year)
         LEFT JOIN (country_group_membership m JOIN country c ON c.iso3 = m.party_code)
           ON m.group_key = g.key AND ${membershipInForce('m', yearEnd)}
         LEFT JOIN first_release f ON f.party_code = c.iso3
         GROUP BY g.key, k.position, y.year
       )
       SELECT "groupKey", year, "memberCount", "withStrategy", "firstReleasedInYear",
         "withStrategy"::float8 / NULLIF("memberCount", 0) AS share
       FROM counts ORDER BY position, year`,
      [groupKeys, fromYear, toYear],
    );
  }
}
