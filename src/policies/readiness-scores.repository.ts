import { Injectable } from '@nestjs/common';
import { indexBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';
import { RecordsById } from '../database/records-by-id.js';
import { ReadinessScore } from './readiness-score.entity.js';

export interface RankFields {
  rank: number;
  ictRank: number | null;
  skillsRank: number | null;
  rndRank: number | null;
  industryRank: number | null;
  financeRank: number | null;
}

/** The sort key of a year's ranking: rank, then country (ranks may tie). */
export type RankingKey = [rank: number, countryIso3: string];

/** Owns readiness_score. */
@Injectable()
export class ReadinessScoresRepository extends RecordsById<ReadinessScore> {
  readonly entityType = 'readiness_score';
  readonly label = 'readiness score';

  constructor(db: Database) {
    super(db, ReadinessScore, 'readiness_score');
  }

  /** Each country's score in `year` (its latest when `year` is null), or null, in the order of `codes`. */
  async ofCountries(codes: readonly string[], year: number | null): Promise<(ReadinessScore | null)[]> {
    const rows =
      year === null
        ? await this.db.reads.rows<ReadinessScore>(
            `SELECT DISTINCT ON (t.country_iso3) ${this.columns} FROM readiness_score t
             WHERE t.country_iso3 = ANY($1::varchar[]) ORDER BY t.country_iso3, t.year DESC`,
            [codes],
          )
        : await this.db.reads.rows<ReadinessScore>(
            `SELECT ${this.columns} FROM readiness_score t WHERE t.country_iso3 = ANY($1::varchar[]) AND t.year = $2::int`,
            [codes, year],
          );
    return indexBy(codes, rows, (row) => row.countryIso3);
  }

  /** Up to `limit` scores of `year` after `after`, in rank order; and their count on demand. */
  async ranking(year: number, after: RankingKey | null, limit: number) {
    const rows = await this.db.reads.rows<ReadinessScore>(
      `SELECT ${this.columns} FROM readiness_score t
       WHERE t.year = $1::int AND ($2::int IS NULL OR (t.rank, t.country_iso3) > ($2::int, $3::varchar))
       ORDER BY t.rank, t.country_iso3 LIMIT $4`,
      [year, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    const count = async () => {
      const [{ count }] = await this.db.reads.rows<{ count: number }>(
        `SELECT count(*) AS count FROM readiness_score t WHERE t.year = $1::int`,
        [year],
      );
      return count;
    };
    return { rows, count };
  }

  async insert(tx: Tx, countryIso3: string, year: number, ranks: RankFields): Promise<ReadinessScore> {
    const [created] = await tx.rows<ReadinessScore>(
      `INSERT INTO readiness_score AS t (country_iso3, year, rank, ict_rank, skills_rank, rnd_rank, industry_rank,
                                         finance_rank)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${this.columns}`,
      [
        countryIso3,
        year,
        ranks.rank,
        ranks.ictRank,
        ranks.skillsRank,
        ranks.rndRank,
        ranks.industryRank,
        ranks.financeRank,
      ],
    );
    return created;
  }

  /** Sets the ranks given; a change that changes nothing leaves the row (and its updated_at) alone. */
  async update(tx: Tx, id: string, ranks: Partial<RankFields>): Promise<void> {
    const next = `(COALESCE($2::smallint, rank), COALESCE($3::smallint, ict_rank), COALESCE($4::smallint, skills_rank),
      COALESCE($5::smallint, rnd_rank), COALESCE($6::smallint, industry_rank), COALESCE($7::smallint, finance_rank))`;
    await tx.rows(
      `UPDATE readiness_score SET (rank, ict_rank, skills_rank, rnd_rank, industry_rank, finance_rank) = ${next},
         updated_at = now()
       WHERE id = $1 AND (rank, ict_rank, skills_rank, rnd_rank, industry_rank, finance_rank) IS DISTINCT FROM ${next}`,
      [
        id,
        ranks.rank ?? null,
        ranks.ictRank ?? null,
        ranks.skillsRank ?? null,
        ranks.rndRank ?? null,
        ranks.industryRank ?? null,
        ranks.financeRank ?? null,
      ],
    );
  }
}
