import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Allow, AllowInScope, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor, CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { IdArgs } from '../common/graphql/id.args.js';
import type { RequestContext } from '../common/request-context.js';
import { AISystem } from './ai-system.entity.js';
import type { AISystemRecord } from './ai-systems.repository.js';
import { AISystemsService } from './ai-systems.service.js';
import { CompaniesLoaders } from './companies.loaders.js';
import { COMPANY } from './company-scope.js';
import { Company } from './company.entity.js';
import { RegisterAISystemArgs, UpdateAISystemArgs } from './dto/ai-system.input.js';

@Resolver(() => AISystem)
export class AISystemsResolver {
  constructor(
    private readonly systems: AISystemsService,
    private readonly loaders: CompaniesLoaders,
  ) {}

  @Query(() => AISystem, { nullable: true, description: 'One AI system; null when there is none.' })
  @Public()
  aiSystem(@Args() { id }: IdArgs): Promise<AISystem | null> {
    return this.systems.find(id);
  }

  @ResolveField(() => Company)
  async company(@Root() system: AISystem, @Context() ctx: RequestContext): Promise<Company> {
    // The foreign key guarantees the company; a system is never read without one.
    return (await this.loaders.companyById(ctx.loaders).load(system.companyId))!;
  }

  @ResolveField(() => [String], { description: 'Where it is deployed: party codes (alpha-3, or EU), sorted.' })
  jurisdictions(@Root() system: AISystem | AISystemRecord, @Context() ctx: RequestContext): Promise<string[]> {
    // A system just written carries its jurisdictions already.
    if ('jurisdictions' in system) return Promise.resolve(system.jurisdictions);
    return this.loaders.jurisdictionsOf(ctx.loaders).load(system.id);
  }

  @Mutation(() => AISystem, { description: 'Registers an AI system of a company: its filers, or an admin.' })
  @AllowInScope([Role.FILER, Role.ADMIN], {
    kind: COMPANY,
    id: (args) => (args.input as { companyId?: unknown } | undefined)?.companyId,
  })
  registerAISystem(@Args() { input }: RegisterAISystemArgs, @Actor() actor: AuditActor): Promise<AISystemRecord> {
    return this.systems.register(input, actor);
  }

  @Mutation(() => AISystem, {
    description: "Changes an AI system's details: the filers of its company, or an admin.",
  })
  // The company is known only once the system is read: the service checks the membership.
  @Allow(Role.FILER, Role.ADMIN)
  updateAISystem(
    @Args() { id, input }: UpdateAISystemArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<AISystemRecord> {
    return this.systems.update(id, input, principal, actor);
  }
}
