import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../common/pagination/cursor.js';
import { Database } from '../database/database.js';
import { LISTED, MICROS, type ListedDisclosure } from '../disclosures/disclosure-search.repository.js';
import { Company } from '../companies/company.entity.js';
import { Disclosure } from '../disclosures/disclosure.entity.js';
import { coveredParties, systemsInJurisdiction } from './jurisdiction-scope.js';

/** The jurisdiction of the regulator whose id is bound at $1. */
const JURISDICTION = '(SELECT r.jurisdiction FROM regulator r WHERE r.id = $1::uuid)';

/**
 * What varies between the queue's statements. The limits are written into the text (validated integers: the page
 * size is 1 to 100), and a first page has no cursor condition: each shape is then a statement PostgreSQL plans
 * once, where bound limits and an optional cursor had it plan every call again (0.7 ms).
 */
interface QueueShape extends QueueRead {
  cursor: boolean;
  limit: number;
}

/** What a page's query reads of each filing. */
export interface QueueRead {
  withContent: boolean;
  /** Only SUMMARY_FIELDS: the summary columns are read (no hashes, ledger position or timestamps but one). */
  summary: boolean;
}

/** Of the listed columns, those of a queue page that shows what is waiting and whose it is. */
const SUMMARY_COLUMNS = [
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
  'amendsId',
] as const satisfies readonly (typeof LISTED)[number][];

/** The filing's fields a summary page may select: its summary columns, and its company and AI system. */
export const SUMMARY_FIELDS: ReadonlySet<string> = new Set<string>([
  ...SUMMARY_COLUMNS,
  'company',
  'aiSystem',
  '__typename',
]);

/** After the cursor bound at $3 (microseconds) and $4 (id), when there is one. */
function fromCursor(alias: string, shape: QueueShape): string {
  return shape.cursor
    ? `AND (${alias}.submitted_at, ${alias}.id) > (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid)`
    : '';
}

/** How many queue entries a page walks, probing each, before it hashes the jurisdiction's systems instead. */
const WALK = 500;

/**
 * Filings awaiting review in a jurisdiction: SUBMITTED, about an AI system deployed there on the date. Reads the
 * disclosures module's table and the companies module's deployments (a read join down).
 *
 * A page walks IDX_disclosure_review_queue (SUBMITTED filings in submission order, with their AI system) from the
 * cursor. Where the jurisdiction has many of the queue's filings, probing the first entries one by one fills the
 * page at once (walkStatement: under 1 ms for the EU on 1,000,000 filings, against 40 ms for hashing its 100,000
 * systems first); where it has few, hashing its systems once is cheaper (hashStatement). The walk is bounded, so
 * a page costs at most the bounded walk plus the hash.
 */
@Injectable()
export class ReviewQueueRepository {
  /** How many entries a page walks before hashing instead (WALK; lowered by tests to take the other way). */
  walkLength = WALK;

  constructor(private readonly db: Database) {}

  /** A queued filing's columns, with its company (alias c): a page of the queue shows whose filing it is. */
  private queued(summary: boolean): string {
    const columns = this.db.columns(Disclosure, 'd', summary ? SUMMARY_COLUMNS : LISTED);
    return `${columns}, ${this.db.jsonObject(Company, 'c')} AS "preloadedCompany"`;
  }

  /** A page of the queue of the regulator `regulatorId` (its jurisdiction read in the same statement). */
  async page(
    regulatorId: string,
    onDate: string,
    first: number,
    after: string | null | undefined,
    read: QueueRead,
  ): Promise<ListedDisclosure[]> {
    // Written into the statement's text: an integer, never anything else.
    if (!Number.isSafeInteger(first) || first < 1) throw new RangeError(`page size ${first}`);
    const key = after ? decodeCursor(after, ['integer', 'uuid']) : null;
    const values = key ? [regulatorId, onDate, key[0], key[1]] : [regulatorId, onDate];
    const shape = { ...read, cursor: key !== null, limit: first + 1 };
    const walk = this.walkLength;
    const walked = await this.db.reads.rows<ListedDisclosure & { hit: boolean; position: number }>(
      this.walkStatement({ ...shape, walk }),
      values,
    );
    const hits = walked.filter((row) => row.hit);
    // Enough found, or the queue ended within the walk (its last entry never came back): that is the page.
    // Otherwise the jurisdiction has few of the queue's filings, and hashing its systems is the cheap way.
    // (The rows keep their two extra properties: deleting them would slow every later read of the rows.)
    if (hits.length >= first + 1 || !walked.some((row) => row.position === walk)) return hits.slice(0, first + 1);
    return this.db.reads.rows<ListedDisclosure>(this.hashStatement(shape), values);
  }

  /**
   * The oldest `walk` entries of the queue (from the cursor, on IDX_disclosure_review_queue, index only), each
   * probed for a deployment in the jurisdiction (one primary-key probe; the covered parties computed once) as it
   * is read, in order until the page is full: about 0.3 ms where most filings are in the jurisdiction (the EU).
   * Each row says whether it is a `hit` and its `position` in the walk; the walk's last entry comes back whether
   * it is a hit or not, so that a page that did not fill can tell a walk cut short from a queue that ended.
   */
  private walkStatement(shape: QueueShape & { walk: number }): string {
    return `SELECT ${this.queued(shape.summary)}${this.content(shape.withContent)}, ${MICROS},
         page.hit, page.position FROM (
         SELECT w.id, w.submitted_at, w.hit, w.position FROM (
           SELECT q.id, q.submitted_at, (row_number() OVER (ORDER BY q.submitted_at, q.id))::int AS position,
             -- OFFSET 0 keeps the probe a per-entry test in walk order (not a join hashing every deployment)
             EXISTS (SELECT 1 FROM ai_system_deployment dep WHERE dep.ai_system_id = q.ai_system_id
                       AND dep.party_code = ANY((SELECT array_agg(p.code) FROM ${coveredParties(JURISDICTION, '$2')} AS p(code))::varchar[])
                     OFFSET 0) AS hit
           FROM (SELECT q.id, q.submitted_at, q.ai_system_id FROM disclosure q
                 WHERE q.status = 'SUBMITTED' ${fromCursor('q', shape)}
                 ORDER BY q.submitted_at, q.id LIMIT ${shape.walk}) q
         ) w
         WHERE w.hit OR w.position = ${shape.walk}
         ORDER BY w.submitted_at, w.id LIMIT ${shape.limit + 1}) page
       JOIN disclosure d ON d.id = page.id JOIN company c ON c.id = d.company_id
       ORDER BY page.submitted_at, page.id`;
  }

  /**
   * The queue from the cursor (index only) tested against the jurisdiction's systems, hashed once; only the
   * page's rows are then read. On 1,000,000 filings of which 50,000 await review, 15 to 30 ms for any
   * jurisdiction, whichever plan PostgreSQL caches (a correlated EXISTS let the planner pick, for some
   * jurisdictions, plans of 300 to 500 ms).
   */
  private hashStatement(shape: QueueShape): string {
    return `SELECT ${this.queued(shape.summary)}${this.content(shape.withContent)}, ${MICROS}
       FROM (SELECT q.id, q.submitted_at FROM disclosure q
             WHERE q.status = 'SUBMITTED' ${fromCursor('q', shape)}
               AND (q.ai_system_id IN ${systemsInJurisdiction(JURISDICTION, '$2')}) IS TRUE
             ORDER BY q.submitted_at, q.id LIMIT ${shape.limit}) page
       JOIN disclosure d ON d.id = page.id JOIN company c ON c.id = d.company_id
       ORDER BY page.submitted_at, page.id`;
  }

  private content(withContent: boolean): string {
    return withContent ? `, coalesce(d.public_content, d.content) AS "publicContent"` : '';
  }

  async count(jurisdiction: string, onDate: string): Promise<number> {
    const [{ count }] = await this.db.reads.rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM disclosure d
       WHERE d.status = 'SUBMITTED' AND (d.ai_system_id IN ${systemsInJurisdiction('$1', '$2')}) IS TRUE`,
      [jurisdiction, onDate],
    );
    return count;
  }
}
