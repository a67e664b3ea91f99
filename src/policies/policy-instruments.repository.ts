import { Injectable } from '@nestjs/common';
import { groupBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { Tx } from '../database/transaction.js';
import type { PolicyInstrumentFilter } from './dto/policy-lists.args.js';
import type { PolicyLever, PolicyOrientation } from './policy-levers.js';
import { PolicyInstrument } from './policy-instrument.entity.js';
import { RecordsById } from '../database/records-by-id.js';

export interface InstrumentFields {
  title: string;
  orientation: PolicyOrientation;
  lever: PolicyLever;
  sourceUrl: string | null;
}

/** The sort key of the instruments list: party, title (unique). */
export type InstrumentKey = [partyCode: string, title: string];

/** Owns policy_instrument. */
@Injectable()
export class PolicyInstrumentsRepository extends RecordsById<PolicyInstrument> {
  readonly entityType = 'policy_instrument';
  readonly label = 'policy instrument';

  constructor(db: Database) {
    super(db, PolicyInstrument, 'policy_instrument');
  }

  /** Each party's instruments, by title, in the order of `partyCodes`. */
  async ofParties(partyCodes: readonly string[]): Promise<PolicyInstrument[][]> {
    const rows = await this.db.reads.rows<PolicyInstrument>(
      `SELECT ${this.columns} FROM policy_instrument t WHERE t.party_code = ANY($1::varchar[]) ORDER BY t.title`,
      [partyCodes],
    );
    return groupBy(partyCodes, rows, (row) => row.partyCode);
  }

  /** Up to `limit` instruments matching `filter` after `after`, by party and title; and their count on demand. */
  async page(filter: PolicyInstrumentFilter, after: InstrumentKey | null, limit: number) {
    const where = new SqlFilter()
      .when(filter.partyCode?.toUpperCase(), (code) => `t.party_code = ${code}`)
      .when(filter.orientation, (orientation) => `t.orientation = ${orientation}`)
      .when(filter.lever, (lever) => `t.lever = ${lever}`);
    const matching = where.sql;
    const matchingValues = where.snapshot();
    const afterSql = after
      ? `(t.party_code, t.title) > (${where.bind(after[0])}::varchar, ${where.bind(after[1])}::text)`
      : 'TRUE';
    const rows = await this.db.reads.rows<PolicyInstrument>(
      `SELECT ${this.columns} FROM policy_instrument t WHERE ${matching} AND ${afterSql}
       ORDER BY t.party_code, t.title LIMIT ${where.bind(limit)}`,
      where.values,
    );
    const count = async () => {
      const [{ count }] = await this.db.reads.rows<{ count: number }>(
        `SELECT count(*) AS count FROM policy_instrument t WHERE ${matching}`,
        matchingValues,
      );
      return count;
    };
    return { rows, count };
  }

  async insert(tx: Tx, partyCode: string, fields: InstrumentFields): Promise<PolicyInstrument> {
    const [created] = await tx.rows<PolicyInstrument>(
      `INSERT INTO policy_instrument AS t (party_code, title, orientation, lever, source_url)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${this.columns}`,
      [partyCode, fields.title, fields.orientation, fields.lever, fields.sourceUrl],
    );
    return created;
  }

  /** Sets the fields given; a change that changes nothing leaves the row (and its updated_at) alone. */
  async update(tx: Tx, id: string, fields: Partial<InstrumentFields>): Promise<void> {
    await tx.rows(
      `UPDATE policy_instrument SET title = COALESCE($2::text, title),
         orientation = COALESCE($3::varchar, orientation), lever = COALESCE($4::varchar, lever),
         source_url = COALESCE($5::text, source_url), updated_at = now()
       WHERE id = $1 AND (title, orientation, lever, source_url) IS DISTINCT FROM
         (COALESCE($2::text, title), COALESCE($3::varchar, orientation), COALESCE($4::varchar, lever),
          COALESCE($5::text, source_url))`,
      [id, fields.title ?? null, fields.orientation ?? null, fields.lever ?? null, fields.sourceUrl ?? null],
    );
  }
}
