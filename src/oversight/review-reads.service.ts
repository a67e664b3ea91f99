import { Injectable } from '@nestjs/common';
import type { AuditEvent } from '../audit/audit-event.entity.js';
import { AuditLoaders } from '../audit/audit.loaders.js';
import type { AuditedRecordRef } from '../audit/audit.repository.js';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../common/access/principal.js';
import { todayUtc } from '../common/dates.js';
import { NotFoundError } from '../common/errors/app-errors.js';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { ConfidentialReaders, type FilingRef } from '../disclosures/confidential-readers.js';
import type { ReviewQueueArgs } from './dto/review.args.js';
import type { ReviewQueueItem } from './dto/review.model.js';
import { RegulatorsRepository } from './regulators.repository.js';
import { ReviewQueueRepository, type QueueRead } from './review-queue.repository.js';
import { ageInDays } from './review-rules.js';
import { ReviewsLoaders } from './reviews.loaders.js';
import { ReviewsRepository, type FindingRow, type ReviewRow } from './reviews.repository.js';

/** A review as one caller may see it: `restricted` for the public (no reviewer, no findings). */
export type ReviewView = ReviewRow & { restricted?: boolean };

/**
 * What a caller may read of reviews. The public sees decided reviews (decision, summary, when, which regulator);
 * the filing's readers in full (its company's filers, the regulators whose jurisdiction covers its AI system) see
 * open reviews, reviewers, findings and the audit events too.
 */
@Injectable()
export class ReviewReadsService {
  constructor(
    private readonly regulators: RegulatorsRepository,
    private readonly queue: ReviewQueueRepository,
    private readonly reviews: ReviewsRepository,
    private readonly loaders: ReviewsLoaders,
    private readonly readers: ConfidentialReaders,
    private readonly audit: AuditService,
    private readonly auditLoaders: AuditLoaders,
  ) {}

  /** SUBMITTED filings about AI systems deployed in the regulator's jurisdiction today, oldest first. */
  async reviewQueue(args: ReviewQueueArgs, read: QueueRead): Promise<Page<ReviewQueueItem>> {
    const today = todayUtc();
    const now = new Date();
    const rows = await this.queue.page(args.regulatorId, today, args.first, args.after, read);
    // The page's statement reads the regulator itself; an empty page may be an unknown one.
    const jurisdiction = async () => {
      const [regulator] = await this.regulators.byIds([args.regulatorId]);
      if (!regulator) throw new NotFoundError('regulator', args.regulatorId);
      return regulator.jurisdiction;
    };
    if (!rows.length) await jurisdiction();
    return toPage(
      rows.map((row) => ({
        disclosure: row,
        waitingSince: row.submittedAt!,
        ageDays: ageInDays(row.submittedAt!, now),
      })),
      args.first,
      (item) => [item.disclosure.submittedMicros, item.disclosure.id],
      !!args.after,
      async () => this.queue.count(await jurisdiction(), today),
    );
  }

  /** A filing's reviews, oldest first: for the public only the decided ones, restricted. */
  async reviewsOf(filing: FilingRef, principal: Principal | null, loaders: LoaderRegistry): Promise<ReviewView[]> {
    const reviews = await this.loaders.reviewsOfDisclosure(loaders).load(filing.id);
    if (!reviews.length) return reviews;
    if (await this.readers.loader(loaders, principal).load(filing)) return reviews;
    return reviews
      .filter((review) => review.decidedAt !== null)
      .map((review) => ({ ...review, reviewerId: null, restricted: true }));
  }

  /** A review's findings; null for a caller who sees the review restricted. */
  findingsOf(review: ReviewView, loaders: LoaderRegistry): Promise<FindingRow[]> | null {
    return review.restricted ? null : this.loaders.findingsOfReview(loaders).load(review.id);
  }

  /**
   * The audit events of a filing, its reviews and their findings, newest first: for its readers in full only
   * (null for anyone else). The first page of every filing of a list comes in one statement.
   */
  async auditEventsOf(
    filing: FilingRef,
    args: PageArgs,
    principal: Principal | null,
    loaders: LoaderRegistry,
  ): Promise<Page<AuditEvent> | null> {
    if (!(await this.readers.loader(loaders, principal).load(filing))) return null;
    const reviews = await this.loaders.reviewsOfDisclosure(loaders).load(filing.id);
    const findings = await this.loaders.findingsOfReview(loaders).loadMany(reviews.map((review) => review.id));
    const records: AuditedRecordRef[] = [
      { entityType: 'disclosure', entityId: filing.id },
      ...reviews.map((review) => ({ entityType: this.reviews.entityType, entityId: review.id })),
      ...findings.flatMap((each) => {
        if (each instanceof Error) throw each;
        return each.map((finding) => ({ entityType: this.reviews.findingType, entityId: finding.id }));
      }),
    ];
    if (args.after) return this.audit.ofRecords(records, args);
    const rows = await this.auditLoaders.firstPageOf(loaders, args.first).load({ key: filing.id, records });
    return toPage(
      rows,
      args.first,
      (row) => [row.id],
      false,
      () => this.audit.countOf(records),
    );
  }
}
