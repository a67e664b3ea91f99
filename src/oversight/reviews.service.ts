import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Principal } from '../common/access/principal.js';
import { ConflictError, InvalidStateTransitionError, NotFoundError } from '../common/errors/app-errors.js';
import { Database } from '../database/database.js';
import { isUniqueViolation } from '../database/pg-errors.js';
import type { Tx } from '../database/transaction.js';
import { DisclosureReadsService } from '../disclosures/disclosure-reads.service.js';
import { DisclosuresService } from '../disclosures/disclosures.service.js';
import type { AddFindingInput } from './dto/review.input.js';
import { OversightScopeService } from './oversight-scope.service.js';
import type { ReviewDecision } from './oversight-terms.js';
import type { Regulator } from './regulator.entity.js';
import { decidedStatus, MAX_FINDINGS_PER_REVIEW } from './review-rules.js';
import { ReviewsRepository, type FindingRow, type ReviewRow } from './reviews.repository.js';

/**
 * The review workflow: a regulator opens the review of a SUBMITTED filing about an AI system deployed in its
 * jurisdiction, adds findings, and decides once. Each call checks who acts and the jurisdiction before anything
 * changes (FORBIDDEN), then changes the review and the filing (through the disclosures module) in one
 * transaction, one audit event per change.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly db: Database,
    private readonly reviews: ReviewsRepository,
    private readonly scope: OversightScopeService,
    private readonly filings: DisclosuresService,
    private readonly filingReads: DisclosureReadsService,
    private readonly writes: AuditedWrites,
  ) {}

  /** SUBMITTED -> UNDER_REVIEW, and the review. A filing with an open review already: CONFLICT. */
  async start(
    disclosureId: string,
    regulatorId: string | null | undefined,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<ReviewRow> {
    const regulator = await this.scope.actingRegulator(principal, regulatorId);
    // Drafts exist for their company's filers only.
    const [filing] = await this.filingReads.byIds([disclosureId], principal);
    if (!filing) throw new NotFoundError('disclosure', disclosureId);
    await this.scope.requireDisclosure(regulator, disclosureId);
    return this.db.within(tx, async (tx) => {
      await this.filings.startReview(disclosureId, actor, tx);
      return this.writes.create(tx, actor, { action: 'review.open', entityType: this.reviews.entityType }, () =>
        this.reviews
          .insert(tx, { disclosureId, regulatorId: regulator.id, reviewerId: actor.userId })
          .catch((error: unknown) => {
            if (isUniqueViolation(error, 'UQ_review_open_disclosure')) {
              throw new ConflictError(`disclosure ${disclosureId} has an open review already`);
            }
            throw error;
          }),
      );
    });
  }

  /** A finding on an open review, by the staff of the review's regulator. */
  async addFinding(
    reviewId: string,
    input: AddFindingInput,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<FindingRow> {
    const review = await this.actOn(reviewId, principal);
    return this.onOpenReview(review, 'FINDING', 'findings go on open reviews only', tx, async (tx) => {
      // The lock queues findings behind a concurrent decision, so that none lands on a decided review.
      const locked = (await this.reviews.lockAndRead(tx, reviewId))!;
      if (locked.decidedAt) throw new DecidedMeanwhile(locked);
      if ((await this.reviews.findingCount(tx, reviewId)) >= MAX_FINDINGS_PER_REVIEW) {
        throw new ConflictError(`review ${reviewId} holds ${MAX_FINDINGS_PER_REVIEW} findings, the most it may`);
      }
      return this.writes.create(tx, actor, { action: 'review.add_finding', entityType: this.reviews.findingType }, () =>
        this.reviews.insertFinding(tx, {
          reviewId,
          fieldPath: input.fieldPath,
          severity: input.severity,
          requirement: input.requirement.trim(),
          comment: input.comment.trim(),
          createdBy: actor.userId,
        }),
      );
    });
  }

  /**
   * Decides an open review and moves the filing on (ACCEPTED, REJECTED, AMENDMENT_REQUESTED; accepting an
   * amendment supersedes the version accepted before it). Of two concurrent decisions exactly one is stored. The
   * other gets INVALID_STATE_TRANSITION naming the decision, whether it read the review after the first committed
   * or found it decided once it held the lock: the answer does not depend on timing.
   */
  async decide(
    reviewId: string,
    decision: ReviewDecision,
    summary: string,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<ReviewRow> {
    const review = await this.actOn(reviewId, principal);
    const status = decidedStatus(decision);
    return this.onOpenReview(review, status, `it cannot become ${status}`, tx, async (tx) => {
      const decided = await this.writes.update(tx, actor, this.reviews, reviewId, 'review.decide', async (locked) => {
        if (locked.decidedAt) throw new DecidedMeanwhile(locked);
        await this.reviews.decide(tx, reviewId, decision, summary.trim());
      });
      await this.filings.recordDecision(review.disclosureId, status, actor, tx);
      return decided;
    });
  }

  /**
   * Runs `work` on a review that was open when read, in `tx` or a transaction of its own. A review found decided,
   * when read or once `work` holds its lock (it throws DecidedMeanwhile), is INVALID_STATE_TRANSITION naming the
   * decision, named once the transaction is over: the answer does not depend on timing.
   */
  private async onOpenReview<T>(
    review: ReviewRow,
    to: string,
    why: string,
    tx: Tx | undefined,
    work: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    if (review.decidedAt) throw await this.decided(review, to, why);
    try {
      return await this.db.within(tx, work);
    } catch (error) {
      if (error instanceof DecidedMeanwhile) throw await this.decided(error.review, to, why);
      throw error;
    }
  }

  /** The review, once the caller is known to act for its regulator, which still covers the filing's system. */
  private async actOn(reviewId: string, principal: Principal): Promise<ReviewRow> {
    const [review] = await this.reviews.byIds([reviewId]);
    if (!review) throw new NotFoundError('review', reviewId);
    const regulator: Regulator = await this.scope.actingRegulator(principal, review.regulatorId);
    await this.scope.requireDisclosure(regulator, review.disclosureId);
    return review;
  }

  /** A decided review takes nothing more: the error names the review's decision and the filing's status now. */
  private async decided(review: ReviewRow, to: string, why: string): Promise<InvalidStateTransitionError> {
    const [filing] = await this.filingReads.byIds([review.disclosureId], null);
    const status = filing?.status ?? 'decided';
    return new InvalidStateTransitionError(
      'disclosure',
      status,
      to,
      `review ${review.id} was decided (${review.decision}) and the disclosure is ${status}: ${why}`,
    );
  }
}

/** Thrown inside a review's transaction when its lock shows it decided by a concurrent request. */
class DecidedMeanwhile extends Error {
  constructor(readonly review: ReviewRow) {
    super(`review ${review.id} was decided by a concurrent request (${review.decision})`);
  }
}
