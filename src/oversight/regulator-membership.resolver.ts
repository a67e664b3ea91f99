import { Context, ID, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Membership } from '../auth/membership.entity.js';
import type { RequestContext } from '../common/request-context.js';
import { REGULATOR } from './regulator-scope.js';
import { Regulator } from './regulator.entity.js';
import { RegulatorsLoaders } from './regulators.loaders.js';

/** The regulator side of a membership: the fields of Membership that name a regulator. */
@Resolver(() => Membership)
export class RegulatorMembershipResolver {
  constructor(private readonly loaders: RegulatorsLoaders) {}

  @ResolveField(() => ID, { nullable: true })
  regulatorId(@Root() membership: Membership): string | null {
    return membership.organizationKind === REGULATOR ? membership.organizationId : null;
  }

  @ResolveField(() => Regulator, { nullable: true })
  async regulator(@Root() membership: Membership, @Context() ctx: RequestContext): Promise<Regulator | null> {
    const id = this.regulatorId(membership);
    return id ? this.loaders.regulatorById(ctx.loaders).load(id) : null;
  }
}
