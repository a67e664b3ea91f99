import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { SignedInFastPaths } from '../auth/signed-in-fast-paths.js';
import { Allow, AllowInScope } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor, CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { selectedFields } from '../common/graphql/selection.js';
import type { Page } from '../common/pagination/connection.js';
import { isValidFirstPage } from '../common/pagination/page-args.js';
import { ReviewQueueArgs } from './dto/review.args.js';
import { AddFindingArgs, DecideReviewArgs, StartReviewArgs } from './dto/review.input.js';
import { ReviewQueueConnection, type ReviewQueueItem } from './dto/review.model.js';
import { REGULATOR } from './regulator-scope.js';
import { ReviewFinding } from './review-finding.entity.js';
import { ReviewReadsService } from './review-reads.service.js';
import { Review } from './review.entity.js';
import type { FindingRow, ReviewRow } from './reviews.repository.js';
import { ReviewsService } from './reviews.service.js';
import { SUMMARY_FIELDS } from './review-queue.repository.js';

@Resolver(() => Review)
export class ReviewsResolver {
  constructor(
    private readonly workflow: ReviewsService,
    private readonly reads: ReviewReadsService,
    fastPaths: SignedInFastPaths,
  ) {
    // A regulator's staff open the first page of their queue over and over: skip Nest's pipeline when it is that.
    fastPaths.registerQuery(ReviewsResolver, 'reviewQueue', (args: Partial<ReviewQueueArgs>, _caller, _ctx, info) =>
      typeof args.regulatorId === 'string' && isUUID(args.regulatorId) && isValidFirstPage(args)
        ? this.queue(args as ReviewQueueArgs, info)
        : undefined,
    );
  }

  @Query(() => ReviewQueueConnection, {
    description:
      'Filings awaiting review (SUBMITTED) about AI systems deployed in the regulator’s jurisdiction today, oldest ' +
      'first: the regulator’s staff only.',
  })
  @AllowInScope([Role.REGULATOR], { kind: REGULATOR, id: (args) => args.regulatorId })
  reviewQueue(@Args() args: ReviewQueueArgs, @Info() info: GraphQLResolveInfo): Promise<Page<ReviewQueueItem>> {
    return this.queue(args, info);
  }

  private queue(args: ReviewQueueArgs, info: GraphQLResolveInfo): Promise<Page<ReviewQueueItem>> {
    const selected = selectedFields(info, ['edges', 'node', 'disclosure']).map((field) => field.name.value);
    return this.reads.reviewQueue(args, {
      withContent: selected.includes('content'),
      summary: selected.every((name) => SUMMARY_FIELDS.has(name)),
    });
  }

  @Mutation(() => Review, {
    description:
      'Opens the review of a SUBMITTED filing (it becomes UNDER_REVIEW) about an AI system deployed in the ' +
      'regulator’s jurisdiction. One open review per filing: a second is CONFLICT.',
  })
  @Allow(Role.REGULATOR)
  startReview(
    @Args() { disclosureId, regulatorId }: StartReviewArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<ReviewRow> {
    return this.workflow.start(disclosureId, regulatorId, principal, actor);
  }

  @Mutation(() => ReviewFinding, { description: 'Adds a finding to an open review: its regulator’s staff only.' })
  @Allow(Role.REGULATOR)
  addFinding(
    @Args() { reviewId, input }: AddFindingArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<FindingRow> {
    return this.workflow.addFinding(reviewId, input, principal, actor);
  }

  @Mutation(() => Review, {
    description:
      'Decides an open review, once: the filing becomes ACCEPTED, REJECTED or AMENDMENT_REQUESTED; accepting an ' +
      'amendment supersedes the version accepted before it. A second decision, at once or later, is CONFLICT ' +
      'naming the stored one. Its regulator’s staff only.',
  })
  @Allow(Role.REGULATOR)
  decideReview(
    @Args() { reviewId, decision, summary }: DecideReviewArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<ReviewRow> {
    return this.workflow.decide(reviewId, decision, summary, principal, actor);
  }
}
