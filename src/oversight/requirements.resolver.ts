import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Allow, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor, CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import type { Page } from '../common/pagination/connection.js';
import type { RequestContext } from '../common/request-context.js';
import { Initiative } from '../initiatives/initiative.entity.js';
import { InitiativesLoaders } from '../initiatives/initiatives.loaders.js';
import { DisclosureRequirement } from './disclosure-requirement.entity.js';
import { DisclosureRequirementConnection } from './dto/requirement-connection.model.js';
import { DisclosureRequirementsArgs } from './dto/requirement.args.js';
import { SetDisclosureRequirementArgs } from './dto/requirement.input.js';
import { Regulator } from './regulator.entity.js';
import { RegulatorsLoaders } from './regulators.loaders.js';
import { RequirementsService } from './requirements.service.js';

@Resolver(() => DisclosureRequirement)
export class RequirementsResolver {
  constructor(
    private readonly requirements: RequirementsService,
    private readonly regulators: RegulatorsLoaders,
    private readonly initiatives: InitiativesLoaders,
  ) {}

  @Query(() => DisclosureRequirementConnection, {
    description: 'Disclosure requirements, by effective date: public, like everything compliance is computed from.',
  })
  @Public()
  disclosureRequirements(@Args() args: DisclosureRequirementsArgs): Promise<Page<DisclosureRequirement>> {
    return this.requirements.list(args);
  }

  @Mutation(() => DisclosureRequirement, {
    description:
      "Creates or (with id) replaces a requirement: a regulator's staff for their regulator's jurisdiction, or a " +
      'curator for an initiative.',
  })
  // Which of the two roles is needed depends on the issuer, checked by the service.
  @Allow(Role.REGULATOR, Role.CURATOR)
  setDisclosureRequirement(
    @Args() { input }: SetDisclosureRequirementArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<DisclosureRequirement> {
    return this.requirements.set(input, principal, actor);
  }

  @ResolveField(() => Regulator, { nullable: true, description: 'The issuing regulator, if a regulator issued it.' })
  async regulator(@Root() requirement: DisclosureRequirement, @Context() ctx: RequestContext) {
    return requirement.regulatorId ? this.regulators.regulatorById(ctx.loaders).load(requirement.regulatorId) : null;
  }

  @ResolveField(() => Initiative, { nullable: true, description: 'The initiative it is attached to, if any.' })
  async initiative(@Root() requirement: DisclosureRequirement, @Context() ctx: RequestContext) {
    return requirement.initiativeId
      ? this.initiatives.initiativeById(ctx.loaders).load(requirement.initiativeId)
      : null;
  }
}
