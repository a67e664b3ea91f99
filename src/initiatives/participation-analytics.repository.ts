import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { SqlFilter } from '../database/sql-filter.js';
import { participationKnown, participationLive, type Timelines } from './participations.repository.js';

/** A subquery of country codes, built on the statement's filter (CountriesService.countrySelection). */
export type CountryScope = (where: SqlFilter) => string;

export interface DistributionRow {
  initiativeCount: number;
  countryCount: number;
  countries: string[];
  /** How many initiatives were selected (N): the buckets run 0..N. */
  selected: number;
}

export interface MatrixCellRow {
  participationId: string;
  initiativeKey: string;
  role: string;
  validFrom: string;
  validFromPrecision: string;
  validTo: string | null;
  validToPrecision: string | null;
}

export interface MatrixRow {
  iso3: string;
  cells: MatrixCellRow[];
  /** How many of the keys name an initiative (null when every initiative is selected). */
  selected: number | null;
}

/** A period on both timelines: instants [from, to), and the calendar days whose midnight (UTC) falls in it. */
export interface ChangeRange {
  from: Date;
  to: Date;
  fromDate: string;
  toDate: string;
  /** Registry time at which world changes are judged; null: now. */
  knownAt: Date | null;
}

export interface ChangeRow {
  kind: string;
  at: Date;
  /** `at` to the microsecond, for the cursor (a JavaScript Date keeps milliseconds). */
  atKey: string;
  participationId: string;
}

/**
 * The selected initiatives (id, key) by key, for a MATERIALIZED CTE `selected`: read once per statement, not once
 * per country.
 */
function selectedInitiatives(where: SqlFilter, keys: readonly string[]): string {
  return `SELECT i.id, i.key FROM initiative i WHERE i.key = ANY(${where.bind(keys)}::text[])`;
}

/**
 * The condition that `p.initiative_id` is one of the CTE `selected`, as `= ANY(array)` computed once (an InitPlan):
 * in a btree on (party_code, initiative_id, ...) that is one probe per selected initiative within the country's
 * rows, where a join would read all the country's rows, or probe the exclusion constraint's GiST index (about
 * ten times slower per probe), which cannot take an array.
 */
const AMONG_SELECTED = `p.initiative_id = ANY((SELECT array_agg(s.id) FROM selected s)::uuid[])`;

/**
 * The statements over participation across countries and initiatives: each is one statement, aggregated in
 * PostgreSQL.
 */
@Injectable()
export class ParticipationAnalyticsRepository {
  constructor(private readonly db: Database) {}

  /**
   * For k = 0..N (N initiatives selected), the countries in `countries` taking part in exactly k of them, on both
   * timelines. A country counts once per initiative whatever its roles there.
   */
  distribution(countries: CountryScope, keys: readonly string[] | null, at: Timelines): Promise<DistributionRow[]> {
    const where = new SqlFilter();
    const selected = keys === null ? `SELECT i.id FROM initiative i` : selectedInitiatives(where, keys);
    const scope = countries(where);
    const live = participationLive(where, 'p', at.asOf, at.knownAt);
    // With every initiative selected, each country's rows are counted on a range scan of the (party, initiative,
    // dates) index, distinct initiatives by a Unique over the index order: no sort or hash of every row, which
    // spilled to disk on 200,000 events. With some selected, only their rows are read, on the (initiative, party)
    // index (for knownAt = now, the partial one over rows not retracted, which carries the dates), then hashed.
    const counts =
      keys === null
        ? `SELECT e.iso3, (SELECT count(*) FROM (SELECT DISTINCT p.initiative_id FROM participation p
             WHERE p.party_code = e.iso3 AND ${live}) d)::int AS n
           FROM (${scope}) e`
        : `SELECT e.iso3, count(DISTINCT p.initiative_id)::int AS n
           FROM (${scope}) e LEFT JOIN participation p ON p.party_code = e.iso3
             AND p.initiative_id IN (SELECT s.id FROM selected s) AND ${live}
           GROUP BY e.iso3`;
    return this.db.reads.rows<DistributionRow>(
      `WITH selected AS (${selected}), counts AS (${counts})
       SELECT b.k AS "initiativeCount", count(c.iso3)::int AS "countryCount",
         COALESCE(array_agg(c.iso3 ORDER BY c.iso3) FILTER (WHERE c.iso3 IS NOT NULL), '{}') AS countries,
         n.n AS selected
       FROM (SELECT count(*)::int AS n FROM selected) n
       CROSS JOIN generate_series(0, n.n) AS b(k)
       LEFT JOIN counts c ON c.n = b.k
       GROUP BY b.k, n.n ORDER BY b.k`,
      where.values,
    );
  }

  /**
   * A page of countries in `countries` (by code, after `afterIso3`), each with its participations in force in the
   * selected initiatives: the cells of the matrix, as JSON in the same statement.
   */
  matrixPage(
    countries: CountryScope,
    keys: readonly string[] | null,
    at: Timelines,
    afterIso3: string | null,
    limit: number,
  ): Promise<MatrixRow[]> {
    const where = new SqlFilter();
    const scope = countries(where);
    const after = afterIso3 === null ? '' : `WHERE e.iso3 > ${where.bind(afterIso3)}`;
    const selected = keys === null ? null : selectedInitiatives(where, keys);
    const live = participationLive(where, 'p', at.asOf, at.knownAt);
    // Only the page's countries' rows in the selected initiatives are read: per country, one probe per selected
    // initiative into the (party, initiative, valid_from) index, which for knownAt = now (the partial index over
    // rows not retracted) also carries every column of a cell, so the heap is not read.
    const cells = `SELECT json_agg(json_build_object('participationId', p.id, 'initiativeKey', i.key, 'role', p.role,
           'validFrom', p.valid_from, 'validFromPrecision', p.valid_from_precision, 'validTo', p.valid_to,
           'validToPrecision', p.valid_to_precision) ORDER BY i.key, p.role, p.valid_from)
         FROM participation p JOIN ${selected === null ? 'initiative' : 'selected'} i ON i.id = p.initiative_id
         WHERE p.party_code = r.iso3 ${selected === null ? '' : `AND ${AMONG_SELECTED}`} AND ${live}`;
    return this.db.reads.rows<MatrixRow>(
      `${selected === null ? '' : `WITH selected AS MATERIALIZED (${selected})`}
       SELECT r.iso3, COALESCE((${cells}), '[]'::json) AS cells,
         ${selected === null ? 'NULL::int' : '(SELECT count(*)::int FROM selected)'} AS selected
       FROM (SELECT e.iso3 FROM (${scope}) e ${after} ORDER BY e.iso3 LIMIT ${where.bind(limit)}) r
       ORDER BY r.iso3`,
      where.values,
    );
  }

  async countCountries(countries: CountryScope): Promise<number> {
    const where = new SqlFilter();
    const [{ count }] = await this.db.reads.rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM (${countries(where)}) e`,
      where.values,
    );
    return count;
  }

  /**
   * What changed in [from, to): on the registry's timeline, rows recorded or retracted then; in the world, as the
   * registry knows it at `knownAt` (null: now), participations that began (JOINED) or ended (LEFT) on a day from `fromDate`
   * (inclusive) to `toDate` (exclusive), placed at midnight UTC. Ordered by time, kind, id; after `after`.
   */
  changes(
    range: ChangeRange,
    after: { at: string; kind: string; id: string } | null,
    limit: number,
  ): Promise<ChangeRow[]> {
    const where = new SqlFilter();
    const changes = this.changesIn(where, range);
    const afterSql = after
      ? `WHERE (c.at, c.kind, c.id) > (${where.bind(after.at)}::timestamptz, ${where.bind(after.kind)}::text, ${where.bind(after.id)}::uuid)`
      : '';
    return this.db.reads.rows<ChangeRow>(
      `SELECT c.kind, c.at, to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "atKey",
         c.id AS "participationId" FROM (${changes}) c ${afterSql}
       ORDER BY c.at, c.kind, c.id LIMIT ${where.bind(limit)}`,
      where.values,
    );
  }

  async countChanges(range: ChangeRange): Promise<number> {
    const where = new SqlFilter();
    const [{ count }] = await this.db.reads.rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM (${this.changesIn(where, range)}) c`,
      where.values,
    );
    return count;
  }

  /**
   * What changed in [from, to): on the registry's timeline, rows recorded or retracted then; in the world, as the
   * registry knows it at `knownAt` (null: now), participations that began (JOINED) or ended (LEFT) on a day from `fromDate`
   * (inclusive) to `toDate` (exclusive), placed at midnight UTC. Each branch reads an index.
   */
  private changesIn(where: SqlFilter, range: ChangeRange): string {
    const from = where.bind(range.from);
    const to = where.bind(range.to);
    const fromDate = where.bind(range.fromDate);
    const toDate = where.bind(range.toDate);
    const known = participationKnown('p', range.knownAt === null ? null : where.bind(range.knownAt));
    return `SELECT 'RECORDED'::text AS kind, p.recorded_at AS at, p.id FROM participation p
         WHERE p.recorded_at >= ${from}::timestamptz AND p.recorded_at < ${to}::timestamptz
       UNION ALL
       SELECT 'RETRACTED', p.retracted_at, p.id FROM participation p
         WHERE p.retracted_at >= ${from}::timestamptz AND p.retracted_at < ${to}::timestamptz
       UNION ALL
       SELECT 'JOINED', p.valid_from::timestamp AT TIME ZONE 'UTC', p.id FROM participation p
         WHERE p.valid_from >= ${fromDate}::date AND p.valid_from < ${toDate}::date AND ${known}
       UNION ALL
       SELECT 'LEFT', p.valid_to::timestamp AT TIME ZONE 'UTC', p.id FROM participation p
         WHERE p.valid_to >= ${fromDate}::date AND p.valid_to < ${toDate}::date AND ${known}`;
  }
}

/**
 * The CountryFilter conditions initiatives adds (see country-filter.ts), on the country under alias `c`:
 * participation in force on `asOf`, as known now.
 */
export function countryParticipationConditions(
  where: SqlFilter,
  filter: { initiativeKey?: string | null; minInitiatives?: number | null; maxInitiatives?: number | null },
  asOf: string,
): void {
  if (filter.initiativeKey) {
    const live = participationLive(where, 'p', asOf, null);
    where.where(
      `EXISTS (SELECT 1 FROM participation p JOIN initiative i ON i.id = p.initiative_id
         WHERE p.party_code = c.iso3 AND i.key = ${where.bind(filter.initiativeKey)} AND ${live})`,
    );
  }
  const min = filter.minInitiatives ?? null;
  const max = filter.maxInitiatives ?? null;
  if (min !== null || max !== null) {
    const live = participationLive(where, 'p', asOf, null);
    const count = `(SELECT count(DISTINCT p.initiative_id) FROM participation p WHERE p.party_code = c.iso3 AND ${live})`;
    if (min !== null) where.where(`${count} >= ${where.bind(min)}::int`);
    if (max !== null) where.where(`${count} <= ${where.bind(max)}::int`);
  }
}
