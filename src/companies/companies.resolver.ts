import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AllowInScope, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor, CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { IdArgs } from '../common/graphql/id.args.js';
import type { Page } from '../common/pagination/connection.js';
import { PageArgs } from '../common/pagination/page-args.js';
import { CompaniesService } from './companies.service.js';
import { COMPANY } from './company-scope.js';
import { Company } from './company.entity.js';
import { CompanyConnection } from './dto/company-connection.model.js';
import { RegisterCompanyArgs, UpdateCompanyArgs } from './dto/company.input.js';

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
  @AllowInScope([Role.FILER, Role.ADMIN], { kind: COMPANY, id: (args) => args.id })
  updateCompany(@Args() { id, input }: UpdateCompanyArgs, @Actor() actor: AuditActor): Promise<Company> {
    return this.registry.update(id, input, actor);
  }
}
