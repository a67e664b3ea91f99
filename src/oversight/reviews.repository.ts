import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../audit/audited-writes.js';
import { groupBy } from '../common/loaders/batch-results.js';
import { Database } from '../database/database.js';
import { RecordsById } from '../database/records-by-id.js';
import type { Tx } from '../database/transaction.js';
import type { FindingSeverity, ReviewDecision } from './oversight-terms.js';
import { ReviewFinding } from './review-finding.entity.js';
import { Review } from './review.entity.js';

export type ReviewRow = Omit<Review, 'disclosure' | 'regulator' | 'reviewer'>;
export type FindingRow = Omit<ReviewFinding, 'review'>;

export interface NewFinding {
  reviewId: string;
  fieldPath: string;
  severity: FindingSeverity;
  requirement: string;
  comment: string;
  createdBy: string | null;
}

/** Owns review and review_finding. */
@Injectable()
export class ReviewsRepository extends RecordsById<ReviewRow> implements AuditedRecords<ReviewRow> {
  readonly entityType = 'review';
  readonly findingType = 'review_finding';

  constructor(db: Database) {
    super(db, Review, 'review', 'r');
  }

  /** Each filing's reviews, oldest first (IDX_review_disclosure). */
  async ofDisclosures(disclosureIds: readonly string[]): Promise<ReviewRow[][]> {
    const rows = await this.db.reads.rows<ReviewRow>(
      `SELECT ${this.columns} FROM review r WHERE r.disclosure_id = ANY($1::uuid[]) ORDER BY r.opened_at, r.id`,
      [disclosureIds],
    );
    return groupBy(disclosureIds, rows, (row) => row.disclosureId);
  }

  /** Opens a review; a second open review of the filing fails UQ_review_open_disclosure. */
  async insert(
    tx: Tx,
    review: { disclosureId: string; regulatorId: string; reviewerId: string | null },
  ): Promise<ReviewRow> {
    const [created] = await tx.rows<ReviewRow>(
      `INSERT INTO review AS r (disclosure_id, regulator_id, reviewer_id) VALUES ($1, $2, $3) RETURNING ${this.columns}`,
      [review.disclosureId, review.regulatorId, review.reviewerId],
    );
    return created;
  }

  /** Decides an open review (a decided one never changes: the review_decided trigger refuses). */
  async decide(tx: Tx, id: string, decision: ReviewDecision, summary: string): Promise<void> {
    await tx.rows(
      `UPDATE review SET decision = $2, summary = $3, decided_at = greatest(now(), opened_at)
       WHERE id = $1 AND decided_at IS NULL`,
      [id, decision, summary],
    );
  }

  async insertFinding(tx: Tx, finding: NewFinding): Promise<FindingRow> {
    const [created] = await tx.rows<FindingRow>(
      `INSERT INTO review_finding AS f (review_id, field_path, severity, requirement, comment, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${this.db.columns(ReviewFinding, 'f')}`,
      [finding.reviewId, finding.fieldPath, finding.severity, finding.requirement, finding.comment, finding.createdBy],
    );
    return created;
  }

  async findingCount(tx: Tx, reviewId: string): Promise<number> {
    const [{ count }] = await tx.rows<{ count: number }>(
      `SELECT count(*)::int AS count FROM review_finding WHERE review_id = $1`,
      [reviewId],
    );
    return count;
  }

  /** Each review's findings, in the order added (IDX_review_finding_review). */
  async findingsOf(reviewIds: readonly string[]): Promise<FindingRow[][]> {
    const rows = await this.db.reads.rows<FindingRow>(
      `SELECT ${this.db.columns(ReviewFinding, 'f')} FROM review_finding f
       WHERE f.review_id = ANY($1::uuid[]) ORDER BY f.created_at, f.id`,
      [reviewIds],
    );
    return groupBy(reviewIds, rows, (row) => row.reviewId);
  }
}
