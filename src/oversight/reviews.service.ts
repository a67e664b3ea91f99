import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Principal } from '../common/access/principal.js';
import {
  type AppError,
  ConflictError,
  InvalidStateTransitionError,
  NotFoundError,
} from '../common/errors/app-errors.js';
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
    const closed = (decided: ReviewRow, status: string): AppError =>
      new InvalidStateTransitionError(
        'disclosure',
        status,
        'FINDING',
        `review ${decided.id} was decided (${decided.decision}) and the disclosure is ${status}: findings go on open reviews only`,
      );
    return this.onOpenReview(review, closed, tx, async (tx) => {
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
   * amendment supersedes the version accepted before it). A review is decided once: of two concurrent decisions
   * exactly one is stored, and the other is CONFLICT naming the stored decision and the filing's status, whether it
   * read the review after the first committed or found it decided once it held the lock, and so is any later one.
   * The answer does not depend on timing, as with a second open review.
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
    const taken = (decided: ReviewRow, current: string): AppError =>
      new ConflictError(
        `review ${decided.id} was decided (${decided.decision}) and the disclosure is ${current}: a review is decided once`,
        { decision: decided.decision, from: current, to: status },
      );
    return this.onOpenReview(review, taken, tx, async (tx) => {
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
   * when read or once `work` holds its lock (it throws DecidedMeanwhile), gets the `refusal` for it and the filing's
   * status now, read once the transaction is over: the answer does not depend on timing.
   */
  private async onOpenReview<T>(
    review: ReviewRow,
    refusal: (decided: ReviewRow, filingStatus: string) => AppError,
    tx: Tx | undefined,
    work: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    if (review.decidedAt) throw refusal(review, await this.filingStatus(review));
    try {
      return await this.db.within(tx, work);
    } catch (error) {
      if (error instanceof DecidedMeanwhile) throw refusal(error.review, await this.filingStatus(error.review));
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

  /** The status on record of a decided review's filing, for the refusal to name. */
  private async filingStatus(review: ReviewRow): Promise<string> {
    const [filing] = await this.filingReads.byIds([review.disclosureId], null);
    return filing?.status ?? 'decided';
  }
}

/** Thrown inside a review's transaction when its lock shows it decided by a concurrent request. */
class DecidedMeanwhile extends Error {
  constructor(readonly review: ReviewRow) {
    super(`review ${review.id} was decided by a concurrent request (${review.decision})`);
  }
}
