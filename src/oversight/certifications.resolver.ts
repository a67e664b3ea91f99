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
import { Certification } from './certification.entity.js';
import { CertificationsLoaders } from './certifications.loaders.js';
import type { CertificationHistoryRow, CertificationRow } from './certifications.repository.js';
import { CertificationsService } from './certifications.service.js';
import { CertificationsArgs } from './dto/certification.args.js';
import { ChangeCertificationStatusArgs, IssueCertificationArgs } from './dto/certification.input.js';
import { CertificationConnection, CertificationStatusChangeView } from './dto/certification.model.js';
import { Regulator } from './regulator.entity.js';
import { RegulatorsLoaders } from './regulators.loaders.js';

@Resolver(() => Certification)
export class CertificationsResolver {
  constructor(
    private readonly registry: CertificationsService,
    private readonly loaders: CertificationsLoaders,
    private readonly companies: CompaniesLoaders,
    private readonly regulators: RegulatorsLoaders,
  ) {}

  @Query(() => CertificationConnection, {
    description: 'Certifications, latest expiry first; filter by holder, issuer, scheme, regime or status as read.',
  })
  @Public()
  certifications(@Args() args: CertificationsArgs): Promise<Page<CertificationRow>> {
    return this.registry.list(args);
  }

  @Query(() => Certification, { nullable: true, description: 'One certification; null when there is none.' })
  @Public()
  certification(@Args() { id }: IdArgs): Promise<CertificationRow | null> {
    return this.registry.find(id);
  }

  @Mutation(() => Certification, {
    description:
      'Issues a certification to a company (or one of its AI systems) in your jurisdiction: PENDING, or ACTIVE with `activate`.',
  })
  @Allow(Role.REGULATOR)
  issueCertification(
    @Args() { input }: IssueCertificationArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<CertificationRow> {
    return this.registry.issue(input, principal, actor);
  }

  @Mutation(() => Certification, {
    description:
      "Moves a certification: PENDING -> ACTIVE, ACTIVE <-> SUSPENDED, any -> REVOKED (final); the issuer's staff.",
  })
  @Allow(Role.REGULATOR)
  changeCertificationStatus(
    @Args() { id, status, reason }: ChangeCertificationStatusArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<CertificationRow> {
    return this.registry.changeStatus(id, status, reason, principal, actor);
  }

  @ResolveField(() => Company)
  async company(@Root() row: CertificationRow, @Context() ctx: RequestContext): Promise<Company> {
    return (await this.companies.companyById(ctx.loaders).load(row.companyId))!;
  }

  @ResolveField(() => AISystem, { nullable: true, description: 'The certified AI system; null for the company.' })
  aiSystem(@Root() row: CertificationRow, @Context() ctx: RequestContext): Promise<AISystem | null> | null {
    return row.aiSystemId ? this.companies.aiSystemById(ctx.loaders).load(row.aiSystemId) : null;
  }

  @ResolveField(() => Regulator, { description: 'The issuer.' })
  async regulator(@Root() row: CertificationRow, @Context() ctx: RequestContext): Promise<Regulator> {
    return (await this.regulators.regulatorById(ctx.loaders).load(row.regulatorId))!;
  }

  @ResolveField(() => [CertificationStatusChangeView], {
    description: 'Every status it took, oldest first, from the one it was issued in.',
  })
  history(@Root() row: CertificationRow, @Context() ctx: RequestContext): Promise<CertificationHistoryRow[]> {
    return this.loaders.historyOf(ctx.loaders).load(row.id);
  }
}
