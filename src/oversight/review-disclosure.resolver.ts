import { Args, Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import type { AuditEvent } from '../audit/audit-event.entity.js';
import { AuditEventConnection } from '../audit/dto/audit-event-connection.model.js';
import { CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import type { Page } from '../common/pagination/connection.js';
import { PageArgs } from '../common/pagination/page-args.js';
import type { RequestContext } from '../common/request-context.js';
import type { FilingRef } from '../disclosures/confidential-readers.js';
import { DisclosureView } from '../disclosures/dto/disclosure.model.js';
import { ReviewReadsService, type ReviewView } from './review-reads.service.js';
import { Review } from './review.entity.js';

/** The oversight side of a filing: Disclosure.reviews and Disclosure.auditEvents. */
@Resolver(() => DisclosureView)
export class ReviewDisclosureResolver {
  constructor(private readonly reads: ReviewReadsService) {}

  @ResolveField(() => [Review], {
    description:
      'Its reviews, oldest first. The public sees decided ones; the company’s filers and the regulators whose ' +
      'jurisdiction covers the AI system see open ones too, with reviewers and findings.',
  })
  reviews(
    @Root() filing: FilingRef,
    @CurrentPrincipal() principal: Principal | null,
    @Context() ctx: RequestContext,
  ): Promise<ReviewView[]> {
    return this.reads.reviewsOf(filing, principal, ctx.loaders);
  }

  @ResolveField(() => AuditEventConnection, {
    nullable: true,
    description:
      'What happened to it, its reviews and their findings, newest first: for the company’s filers and the ' +
      'regulators whose jurisdiction covers the AI system; null for anyone else.',
  })
  auditEvents(
    @Root() filing: FilingRef,
    @Args() args: PageArgs,
    @CurrentPrincipal() principal: Principal | null,
    @Context() ctx: RequestContext,
  ): Promise<Page<AuditEvent> | null> {
    return this.reads.auditEventsOf(filing, args, principal, ctx.loaders);
  }
}
