import type { SqlRunner } from '../database/sql-runner.js';
import type { InstrumentReference, ReadinessReference, StrategyReference } from './seed/policy-reference.js';

/**
 * The policy seed's writes. Rows are inserted when missing and never updated (ON CONFLICT DO NOTHING, on the id or
 * on any unique key), so curators' corrections survive every restart. Runs in the seed's transaction.
 */
export class PolicyReferenceRepository {
  constructor(private readonly tx: SqlRunner) {}

  async insertStrategies(rows: StrategyReference[]): Promise<void> {
    const column = <K extends keyof StrategyReference>(key: K) => rows.map((row) => row[key]);
    await this.tx.rows(
      `INSERT INTO national_ai_strategy (id, party_code, released_year, title, source_url, confidence)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::smallint[], $4::text[], $5::text[], $6::varchar[])
       ON CONFLICT DO NOTHING`,
      [
        column('id'),
        column('partyCode'),
        column('releasedYear'),
        column('title'),
        column('sourceUrl'),
        column('confidence'),
      ],
    );
  }

  async insertInstruments(rows: InstrumentReference[]): Promise<void> {
    const column = <K extends keyof InstrumentReference>(key: K) => rows.map((row) => row[key]);
    await this.tx.rows(
      `INSERT INTO policy_instrument (id, party_code, title, orientation, lever, source_url)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::text[], $4::varchar[], $5::varchar[], $6::text[])
       ON CONFLICT DO NOTHING`,
      [column('id'), column('partyCode'), column('title'), column('orientation'), column('lever'), column('sourceUrl')],
    );
  }

  async insertReadiness(rows: ReadinessReference[]): Promise<void> {
    const column = <K extends keyof ReadinessReference>(key: K) => rows.map((row) => row[key]);
    await this.tx.rows(
      `INSERT INTO readiness_score (id, country_iso3, year, rank, ict_rank, skills_rank, rnd_rank, industry_rank,
                                    finance_rank)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::smallint[], $4::smallint[], $5::smallint[], $6::smallint[],
                            $7::smallint[], $8::smallint[], $9::smallint[])
       ON CONFLICT DO NOTHING`,
      [
        column('id'),
        column('countryIso3'),
        column('year'),
        column('rank'),
        column('ictRank'),
        column('skillsRank'),
        column('rndRank'),
        column('industryRank'),
        column('financeRank'),
      ],
    );
  }
}
