import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../common/pagination/cursor.js';
import { Database } from '../database/database.js';
import { LISTED, MICROS, type ListedDisclosure } from '../disclosures/disclosure-search.repository.js';
import { Disclosure } from '../disclosures/disclosure.entity.js';
import { systemsInJurisdiction } from './jurisdiction-scope.js';

/**
 * Filings awaiting review in a jurisdiction: SUBMITTED, about an AI system deployed there on the date. Reads the
 * disclosures module's table and the companies module's deployments in one statement (a read join down).
 *
 * A page walks IDX_disclosure_review_queue (SUBMITTED filings in submission order, with their AI system) from the
 * cursor, reading the index alone, and tests each entry against the jurisdiction's systems, hashed once; only the
 * page's rows are then read. On 1,000,000 filings of which 50,000 await review, a page takes 15 to 30 ms for the
 * widest jurisdiction and for one with nothing in the queue alike, whichever plan PostgreSQL caches for it (a
 * correlated EXISTS let the planner pick, for some jurisdictions, plans of 300 to 500 ms).
 */
@Injectable()
export class ReviewQueueRepository {
  constructor(private readonly db: Database) {}

  private get queued(): string {
    return this.db.columns(Disclosure, 'd', LISTED);
  }

  page(
    jurisdiction: string,
    onDate: string,
    first: number,
    after: string | null | undefined,
    withContent: boolean,
  ): Promise<ListedDisclosure[]> {
    const key = after ? decodeCursor(after, ['integer', 'uuid']) : null;
    const content = withContent ? `, coalesce(d.public_content, d.content) AS "publicContent"` : '';
    // The page's ids first, from the index alone; then their rows.
    return this.db.reads.rows<ListedDisclosure>(
      `SELECT ${this.queued}${content}, ${MICROS}
       FROM (SELECT q.id, q.submitted_at FROM disclosure q
             WHERE q.status = 'SUBMITTED'
               AND ($3::bigint IS NULL
                    OR (q.submitted_at, q.id) > (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid))
               AND (q.ai_system_id IN ${systemsInJurisdiction('$1', '$2')}) IS TRUE
             ORDER BY q.submitted_at, q.id LIMIT $5) page
       JOIN disclosure d ON d.id = page.id
       ORDER BY page.submitted_at, page.id`,
      [jurisdiction, onDate, key?.[0] ?? null, key?.[1] ?? null, first + 1],
    );
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
