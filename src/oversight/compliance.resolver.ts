import { Args, Context, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Public } from '../common/access/access.decorator.js';
import type { RequestContext } from '../common/request-context.js';
import { AISystem } from '../companies/ai-system.entity.js';
import { CompaniesLoaders } from '../companies/companies.loaders.js';
import { Company } from '../companies/company.entity.js';
import { ComplianceService } from './compliance.service.js';
import { DisclosureRequirement } from './disclosure-requirement.entity.js';
import { ComplianceOverviewArgs, ComplianceStatusArgs, SystemComplianceArgs } from './dto/compliance.args.js';
import {
  ComplianceOverview,
  ComplianceStatus,
  RequirementCompliance,
  SystemCompliance,
} from './dto/compliance.model.js';
import { RequirementsLoaders } from './requirements.loaders.js';

/**
 * Compliance is public: it is computed only from public records (requirements, filed disclosures' statuses and
 * accession numbers, certifications, enforcement actions), never from a draft or a confidential field.
 */
@Resolver(() => ComplianceStatus)
export class ComplianceResolver {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly companies: CompaniesLoaders,
  ) {}

  @Query(() => ComplianceStatus, {
    nullable: true,
    description: "A company's compliance on a date (default today), computed when asked; null for no such company.",
  })
  @Public()
  complianceStatus(
    @Args() { companyId, jurisdiction, asOf }: ComplianceStatusArgs,
    @Context() ctx: RequestContext,
  ): Promise<ComplianceStatus | null> {
    return this.compliance.ofCompany(companyId, jurisdiction, asOf ?? ctx.today);
  }

  @Query(() => ComplianceOverview, { description: "How many of a jurisdiction's companies have each status." })
  @Public()
  complianceOverview(
    @Args() { jurisdiction, asOf }: ComplianceOverviewArgs,
    @Context() ctx: RequestContext,
  ): Promise<ComplianceOverview> {
    return this.compliance.overview(jurisdiction, asOf ?? ctx.today);
  }

  @ResolveField(() => Company)
  async company(@Root() status: ComplianceStatus, @Context() ctx: RequestContext): Promise<Company> {
    return (await this.companies.companyById(ctx.loaders).load(status.companyId))!;
  }
}

/** The requirement and the AI system of a row, through the request's loaders. */
@Resolver(() => RequirementCompliance)
export class RequirementComplianceResolver {
  constructor(
    private readonly requirements: RequirementsLoaders,
    private readonly companies: CompaniesLoaders,
  ) {}

  @ResolveField(() => DisclosureRequirement)
  async requirement(@Root() row: RequirementCompliance, @Context() ctx: RequestContext) {
    return (await this.requirements.requirementById(ctx.loaders).load(row.requirementId))!;
  }

  @ResolveField(() => AISystem)
  async aiSystem(@Root() row: RequirementCompliance, @Context() ctx: RequestContext) {
    return (await this.companies.aiSystemById(ctx.loaders).load(row.aiSystemId))!;
  }
}

/** AISystem.compliance: the systems of a page are assessed together, in one statement per (jurisdiction, date). */
@Resolver(() => AISystem)
export class AISystemComplianceResolver {
  constructor(private readonly requirements: RequirementsLoaders) {}

  @ResolveField(() => SystemCompliance, {
    description: 'Its compliance on a date (default today), in a jurisdiction or everywhere; computed when asked.',
  })
  compliance(
    @Root() system: AISystem,
    @Args() { jurisdiction, asOf }: SystemComplianceArgs,
    @Context() ctx: RequestContext,
  ): Promise<SystemCompliance> {
    return this.requirements.complianceOfSystem(ctx.loaders, jurisdiction ?? null, asOf ?? ctx.today).load(system.id);
  }
}
