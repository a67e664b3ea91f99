import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Allow, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor, CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { IdArgs } from '../common/graphql/id.args.js';
import type { Page } from '../common/pagination/connection.js';
import type { RequestContext } from '../common/request-context.js';
import { AISystem } from '../companies/ai-system.entity.js';
import { CompaniesLoaders } from '../companies/companies.loaders.js';
import { Company } from '../companies/company.entity.js';
import { DisclosuresLoaders } from '../disclosures/disclosures.loaders.js';
import type { DisclosureRow } from '../disclosures/disclosures.repository.js';
import { DisclosureView } from '../disclosures/dto/disclosure.model.js';
import { EnforcementActionsArgs } from './dto/enforcement-action.args.js';
import { RecordEnforcementActionArgs, UpdateEnforcementStatusArgs } from './dto/enforcement-action.input.js';
import { EnforcementActionConnection, EnforcementStatusChangeView, Money } from './dto/enforcement-action.model.js';
import { EnforcementAction } from './enforcement-action.entity.js';
import type { EnforcementActionRow, EnforcementHistoryRow } from './enforcement-actions.repository.js';
import { EnforcementActionsService } from './enforcement-actions.service.js';
import { EnforcementLoaders } from './enforcement.loaders.js';
import { Regulator } from './regulator.entity.js';
import { RegulatorsLoaders } from './regulators.loaders.js';

@Resolver(() => EnforcementAction)
export class EnforcementActionsResolver {
  constructor(
    private readonly actions: EnforcementActionsService,
    private readonly loaders: EnforcementLoaders,
    private readonly companies: CompaniesLoaders,
    private readonly regulators: RegulatorsLoaders,
    private readonly disclosures: DisclosuresLoaders,
  ) {}

  @Query(() => EnforcementActionConnection, {
    description: 'Enforcement actions, newest decision first; filter by jurisdiction, company, system, kind, status.',
  })
  @Public()
  enforcementActions(@Args() args: EnforcementActionsArgs): Promise<Page<EnforcementActionRow>> {
    return this.actions.list(args);
  }

  @Query(() => EnforcementAction, { nullable: true, description: 'One enforcement action; null when there is none.' })
  @Public()
  enforcementAction(@Args() { id }: IdArgs): Promise<EnforcementActionRow | null> {
    return this.actions.find(id);
  }

  @Mutation(() => EnforcementAction, {
    description:
      'Records a decision against a company (or one of its AI systems) in your jurisdiction; it starts OPEN.',
  })
  @Allow(Role.REGULATOR)
  recordEnforcementAction(
    @Args() { input }: RecordEnforcementActionArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<EnforcementActionRow> {
    return this.actions.record(input, principal, actor);
  }

  @Mutation(() => EnforcementAction, {
    description:
      'Moves an action: OPEN -> UNDER_APPEAL, OPEN or UNDER_APPEAL -> RESOLVED | WITHDRAWN; the staff of its regulator.',
  })
  @Allow(Role.REGULATOR)
  updateEnforcementStatus(
    @Args() { id, status, reason }: UpdateEnforcementStatusArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<EnforcementActionRow> {
    return this.actions.updateStatus(id, status, reason, principal, actor);
  }

  @ResolveField(() => Money, { nullable: true, description: 'The penalty of a MONETARY_PENALTY; null otherwise.' })
  penalty(@Root() row: EnforcementActionRow): Money | null {
    return row.penaltyAmount !== null && row.penaltyCurrency !== null
      ? { amount: row.penaltyAmount, currency: row.penaltyCurrency }
      : null;
  }

  @ResolveField(() => Company)
  async company(@Root() row: EnforcementActionRow, @Context() ctx: RequestContext): Promise<Company> {
    return (await this.companies.companyById(ctx.loaders).load(row.companyId))!;
  }

  @ResolveField(() => AISystem, { nullable: true })
  aiSystem(@Root() row: EnforcementActionRow, @Context() ctx: RequestContext): Promise<AISystem | null> | null {
    return row.aiSystemId ? this.companies.aiSystemById(ctx.loaders).load(row.aiSystemId) : null;
  }

  @ResolveField(() => Regulator, { description: 'The regulator that decided.' })
  async regulator(@Root() row: EnforcementActionRow, @Context() ctx: RequestContext): Promise<Regulator> {
    return (await this.regulators.regulatorById(ctx.loaders).load(row.regulatorId))!;
  }

  @ResolveField(() => DisclosureView, { nullable: true, description: 'The filing it concerns, if any.' })
  disclosure(
    @Root() row: EnforcementActionRow,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<DisclosureRow | null> | null {
    return row.disclosureId ? this.disclosures.disclosureById(ctx.loaders, principal).load(row.disclosureId) : null;
  }

  @ResolveField(() => [EnforcementStatusChangeView], {
    description: 'Every status it took, oldest first, from OPEN when it was recorded.',
  })
  history(@Root() row: EnforcementActionRow, @Context() ctx: RequestContext): Promise<EnforcementHistoryRow[]> {
    return this.loaders.historyOf(ctx.loaders).load(row.id);
  }
}
