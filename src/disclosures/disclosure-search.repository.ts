import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '../common/errors/app-errors.js';
import { groupBy } from '../common/loaders/batch-results.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { Database } from '../database/database.js';
import { SqlFilter } from '../database/sql-filter.js';
import type { DisclosureFilter } from './dto/disclosure.args.js';
import type { Company } from '../companies/company.entity.js';
import { Disclosure } from './disclosure.entity.js';
import type { DisclosureRow } from './disclosures.repository.js';

/** A filed row of a public list: no content unless asked for, and the sort key of its cursor. */
export type ListedDisclosure = Omit<DisclosureRow, 'content' | 'publicContent'> & {
  /** The public view of the content, when the list was asked for it. */
  publicContent?: unknown;
  /** submitted_at in microseconds since 1970 (exact, unlike a JavaScript Date). */
  submittedMicros: string;
  /** Relevance, for a text search. */
  rank?: string;
  /**
   * The filing's company, when the list's statement read it too (its dates as ISO text, which the DateTime
   * scalar writes as they are): Disclosure.company then answers without a lookup.
   */
  preloadedCompany?: Company;
};

export type DraftRow = DisclosureRow & { createdMicros: string };

/** The columns of a listed filing (under alias d): everything clients read of it but the content. */
export const LISTED = [
  'id',
  'companyId',
  'aiSystemId',
  'templateKey',
  'templateVersion',
  'kind',
  'reportingPeriod',
  'status',
  'confidential',
  'accessionNumber',
  'submittedAt',
  'ledgerSeq',
  'contentHash',
  'publicHash',
  'previousHash',
  'amendsId',
  'amendmentType',
  'amendmentReason',
  'createdBy',
  'createdAt',
  'updatedAt',
] as const;

const RANK = /^[0-9]+(\.[0-9]+)?(e-?[0-9]+)?$/;

/** A rank as ts_rank writes it: a real, so zero or between about 1e-37 and 3e38 (beyond, PostgreSQL refuses it). */
function isRank(text: string): boolean {
  if (!RANK.test(text)) return false;
  const value = Number(text);
  // Zero written as zero; a non-zero mantissa that reads as 0 here is too small for a real.
  if (value === 0) return /^[0.]+(e|$)/.test(text);
  return value >= 1e-37 && value <= 3e38;
}
/** submitted_at (alias d) in exact microseconds, the sort key lists page on. */
export const MICROS = `(extract(epoch FROM d.submitted_at) * 1000000)::bigint::text AS "submittedMicros"`;
const FROM_MICROS = (placeholder: string) =>
  `(timestamptz 'epoch' + ${placeholder}::bigint * interval '1 microsecond')`;

/**
 * The public reads of filings (submitted ones only, never drafts): newest first, or by relevance for a text
 * search, keyset-paginated. Jurisdiction reads the companies module's deployments in the same statement.
 */
@Injectable()
export class DisclosureSearchRepository {
  constructor(private readonly db: Database) {}

  private get listed(): string {
    return this.db.columns(Disclosure, 'd', LISTED);
  }

  /** Filed rows matching `filter`; every condition reads an index of its own (see the entity). */
  private conditions(filter: DisclosureFilter, where = new SqlFilter()): SqlFilter {
    return where
      .where('d.submitted_at IS NOT NULL')
      .when(filter.companyId, (p) => `d.company_id = ${p}`)
      .when(filter.aiSystemId, (p) => `d.ai_system_id = ${p}`)
      .when(filter.templateKey, (p) => `d.template_key = ${p}`)
      .when(filter.kind, (p) => `d.kind = ${p}`)
      .when(filter.status, (p) => `d.status = ${p}`)
      .when(
        filter.jurisdiction?.toUpperCase(),
        (p) =>
          `EXISTS (SELECT 1 FROM ai_system_deployment dep WHERE dep.ai_system_id = d.ai_system_id AND dep.party_code = ${p})`,
      )
      .when(filter.submittedFrom, (p) => `d.submitted_at >= ${p}::timestamptz`)
      .when(filter.submittedTo, (p) => `d.submitted_at < ${p}::timestamptz`);
  }

  /**
   * The filings matching `filter`, as a FROM clause: the search documents (alias s) matching its text, joined to
   * the filings (alias d) only when another condition needs them. `where` receives the conditions.
   */
  private matching(filter: DisclosureFilter & { text: string }, where: SqlFilter): { from: string; query: string } {
    const query = `websearch_to_tsquery('english', ${where.bind(filter.text)})`;
    where.where(`s.document @@ ${query}`);
    // Every search document is of a filed disclosure: the filings' table is read for other conditions only.
    const join = Object.entries(filter).some(([key, value]) => key !== 'text' && value !== null && value !== undefined);
    if (join) where.where(this.conditions(filter, where.nested()).sql);
    return { from: `disclosure_search s${join ? ' JOIN disclosure d ON d.id = s.disclosure_id' : ''}`, query };
  }

  async page(
    filter: DisclosureFilter,
    first: number,
    after: string | null | undefined,
    withContent: boolean,
  ): Promise<ListedDisclosure[]> {
    const content = withContent ? `, coalesce(d.public_content, d.content) AS "publicContent"` : '';
    if (filter.text) {
      const where = new SqlFilter();
      const { from, query } = this.matching({ ...filter, text: filter.text }, where);
      let keyset = '';
      if (after) {
        const [r, micros, id] = decodeCursor(after, ['text', 'integer', 'uuid']);
        if (!isRank(r)) throw BadUserInputError.field('after', 'is not a cursor returned by this list');
        keyset = `WHERE (ranked.score, ranked.submitted_at, ranked.id) < (${where.bind(r)}::real, ${FROM_MICROS(where.bind(micros))}, ${where.bind(id)}::uuid)`;
      }
      // Every match is ranked, on the search documents' narrow rows: the page's filings, and their content, are
      // read only for the page. OFFSET 0 keeps the subquery from being flattened, so that ts_rank runs once per
      // match, not once for the output and again for the sort. The rank goes into the cursor as text, which reads
      // back as the same real.
      return this.db.reads.rows<ListedDisclosure>(
        `SELECT ${this.listed}${content}, ${MICROS}, page.score::text AS rank FROM (
           SELECT ranked.id, ranked.submitted_at, ranked.score FROM (
             SELECT s.disclosure_id AS id, s.submitted_at, ts_rank(s.document, ${query}) AS score
             FROM ${from} WHERE ${where.sql} OFFSET 0
           ) ranked ${keyset}
           ORDER BY ranked.score DESC, ranked.submitted_at DESC, ranked.id DESC
           LIMIT ${where.bind(first + 1)}
         ) page JOIN disclosure d ON d.id = page.id
         ORDER BY page.score DESC, page.submitted_at DESC, page.id DESC`,
        where.values,
      );
    }
    const where = this.conditions(filter);
    if (after) {
      const [micros, id] = decodeCursor(after, ['integer', 'uuid']);
      where.where(`(d.submitted_at, d.id) < (${FROM_MICROS(where.bind(micros))}, ${where.bind(id)}::uuid)`);
    }
    return this.db.reads.rows<ListedDisclosure>(
      `SELECT ${this.listed}${content}, ${MICROS} FROM disclosure d WHERE ${where.sql}
       ORDER BY d.submitted_at DESC, d.id DESC LIMIT ${where.bind(first + 1)}`,
      where.values,
    );
  }

  /** The number of filed rows matching `filter` (asked for through totalCount). */
  async count(filter: DisclosureFilter): Promise<number> {
    let where: SqlFilter;
    let from = 'disclosure d';
    if (filter.text) {
      where = new SqlFilter();
      from = this.matching({ ...filter, text: filter.text }, where).from;
    } else {
      where = this.conditions(filter);
    }
    const [{ count }] = await this.db.reads.rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${from} WHERE ${where.sql}`,
      where.values,
    );
    return count;
  }

  /** The first `first` filings of each company (newest first): one statement for a page of companies. */
  async latestOfCompanies(companyIds: readonly string[], first: number): Promise<ListedDisclosure[][]> {
    const newest = `SELECT ${this.listed}, ${MICROS} FROM disclosure d
         WHERE d.company_id = %s AND d.submitted_at IS NOT NULL
         ORDER BY d.submitted_at DESC, d.id DESC LIMIT $2`;
    // One company (a company read, the common case) gets a statement of its own: PostgreSQL keeps one generic
    // plan for it, where the array form is planned again on every call (its generic plan, costed for an array of
    // unknown length, never wins), which on this many-indexed table took 2.4 times as long (pgbench: 12,600
    // against 39,000 statements per second).
    const rows = await this.db.reads.rows<ListedDisclosure>(
      companyIds.length === 1
        ? newest.replace('%s', '$1::uuid')
        : `SELECT latest.* FROM unnest($1::uuid[]) AS c(id) CROSS JOIN LATERAL (${newest.replace('%s', 'c.id')}) latest`,
      [companyIds.length === 1 ? companyIds[0] : companyIds, first + 1],
    );
    return groupBy(companyIds, rows, (row) => row.companyId);
  }

  /** A company's drafts, newest first, for its filers. */
  drafts(companyId: string, first: number, after: string | null | undefined): Promise<DraftRow[]> {
    const key = after ? decodeCursor(after, ['integer', 'uuid']) : null;
    return this.db.reads.rows<DraftRow>(
      `SELECT ${this.db.columns(Disclosure, 'd')},
         (extract(epoch FROM d.created_at) * 1000000)::bigint::text AS "createdMicros"
       FROM disclosure d
       WHERE d.company_id = $1 AND d.status = 'DRAFT'
         AND ($2::bigint IS NULL OR (d.created_at, d.id) < (${FROM_MICROS('$2')}, $3::uuid))
       ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
      [companyId, key?.[0] ?? null, key?.[1] ?? null, first + 1],
    );
  }

  async draftCount(companyId: string): Promise<number> {
    const [{ count }] = await this.db.reads.rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM disclosure d WHERE d.company_id = $1 AND d.status = 'DRAFT'`,
      [companyId],
    );
    return count;
  }
}
