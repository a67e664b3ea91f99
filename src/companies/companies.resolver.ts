import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Membership } from '../auth/membership.entity.js';
import { Allow, AllowInScope, Public } from '../common/access/access.decorator.js';
import { Actor, CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import type { Page } from '../common/pagination/connection.js';
import { PageArgs } from '../common/pagination/page-args.js';
import type { RequestContext } from '../common/request-context.js';
import { IdArgs } from '../auth/dto/auth.inputs.js';
import { CompaniesService } from './companies.service.js';
import { Company } from './company.entity.js';
import { CompanyConnection, RegisterCompanyArgs, UpdateCompanyArgs } from './dto/company.inputs.js';

@Resolver(() => Company)
export class CompaniesResolver {
  constructor(private readonly registry: CompaniesService) {}

  @Query(() => CompanyConnection, { description: 'Registered companies, by name.' })
  @Public()
  companies(@Args() args: PageArgs): Promise<Page<Company>> {
    return this.registry.list(args);
  }

  @Query(() => Company, { nullable: true })
  @Public()
  async company(@Args() { id }: IdArgs): Promise<Company | null> {
    return (await this.registry.byIds([id]))[0];
  }

  @Mutation(() => Company, { description: 'Registers a company; a filer who registers it becomes its member.' })
  @Allow(Role.FILER, Role.ADMIN)
  registerCompany(
    @Args() { input }: RegisterCompanyArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<Company> {
    return this.registry.register(input, actor, principal.roles.has(Role.FILER));
  }

  @Mutation(() => Company, { description: "Changes a company's details: its filers, or an admin." })
  @AllowInScope([Role.FILER, Role.ADMIN], { kind: 'company', id: (args) => args.id })
  updateCompany(@Args() { id, input }: UpdateCompanyArgs, @Actor() actor: AuditActor): Promise<Company> {
    return this.registry.update(id, input, actor);
  }
}

@Resolver(() => Membership)
export class MembershipCompanyResolver {
  constructor(private readonly companies: CompaniesService) {}

  @ResolveField(() => Company, { nullable: true })
  async company(@Root() membership: Membership, @Context() ctx: RequestContext): Promise<Company | null> {
    if (!membership.companyId) return null;
    return ctx.loaders.get('company', (ids: readonly string[]) => this.companies.byIds(ids)).load(membership.companyId);
  }
}
