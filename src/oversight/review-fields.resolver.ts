import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import type { RequestContext } from '../common/request-context.js';
import type { DisclosureRow } from '../disclosures/disclosures.repository.js';
import { DisclosuresLoaders } from '../disclosures/disclosures.loaders.js';
import { DisclosureView } from '../disclosures/dto/disclosure.model.js';
import { Regulator } from './regulator.entity.js';
import { RegulatorsLoaders } from './regulators.loaders.js';
import { ReviewFinding } from './review-finding.entity.js';
import { ReviewReadsService, type ReviewView } from './review-reads.service.js';
import { Review } from './review.entity.js';
import type { FindingRow } from './reviews.repository.js';

/** The relations of Review. */
@Resolver(() => Review)
export class ReviewFieldsResolver {
  constructor(
    private readonly reads: ReviewReadsService,
    private readonly regulators: RegulatorsLoaders,
    private readonly disclosures: DisclosuresLoaders,
  ) {}

  @ResolveField(() => Regulator)
  async regulator(@Root() review: ReviewView, @Context() ctx: RequestContext): Promise<Regulator> {
    return (await this.regulators.regulatorById(ctx.loaders).load(review.regulatorId))!;
  }

  @ResolveField(() => DisclosureView, { nullable: true })
  disclosure(
    @Root() review: ReviewView,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<DisclosureRow | null> {
    return this.disclosures.disclosureById(ctx.loaders, principal).load(review.disclosureId);
  }

  @ResolveField(() => [ReviewFinding], {
    nullable: true,
    description:
      'In the order added; null for the public (only the company’s filers and the regulators whose ' +
      'jurisdiction covers the AI system see findings). At most 100.',
  })
  findings(@Root() review: ReviewView, @Context() ctx: RequestContext): Promise<FindingRow[]> | null {
    return this.reads.findingsOf(review, ctx.loaders);
  }
}
