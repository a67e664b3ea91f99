import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Allow, AllowInScope, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor, CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { PageArgs } from '../common/pagination/page-args.js';
import { ThinFields } from '../common/graphql/thin-fields.js';
import { isUUID } from 'class-validator';
import type { RequestContext } from '../common/request-context.js';
import type { AISystem } from './ai-system.entity.js';
import type { AISystemKey } from './ai-systems.repository.js';
import { CompaniesLoaders } from './companies.loaders.js';
import { CompaniesService } from './companies.service.js';
import { COMPANY } from './company-scope.js';
import { Company } from './company.entity.js';
import { AISystemConnection } from './dto/ai-system-connection.model.js';
import { CompaniesArgs, CompanyLookupArgs } from './dto/companies.args.js';
import { CompanyConnection } from './dto/company-connection.model.js';
import { RegisterCompanyArgs, UpdateCompanyArgs } from './dto/company.input.js';

@Resolver(() => Company)
export class CompaniesResolver {
  constructor(
    private readonly registry: CompaniesService,
    private readonly loaders: CompaniesLoaders,
    thinFields: ThinFields,
  ) {
    // A company read by id, anonymously: skips Nest's pipeline; by LEI, or with an id the validator would refuse,
    // the decorated resolver answers (and names the field).
    thinFields.registerPublicQuery('company', ({ id, lei }: CompanyLookupArgs) =>
      lei == null && typeof id === 'string' && isUUID(id) ? this.registry.find({ id }) : undefined,
    );
  }

  @Query(() => CompanyConnection, {
    description: 'Registered companies by name, filtered by country, sector or part of the name.',
  })
  @Public()
  companies(@Args() args: CompaniesArgs): Promise<Page<Company>> {
    return this.registry.list(args);
  }

  @Query(() => Company, { nullable: true, description: 'One company by id or by LEI (give one); null when none.' })
  @Public()
  company(@Args() args: CompanyLookupArgs): Promise<Company | null> {
    return this.registry.find(args);
  }

  @ResolveField(() => AISystemConnection, { description: "The company's AI systems, by name." })
  async aiSystems(
    @Root() company: Company,
    @Args() args: PageArgs,
    @Context() ctx: RequestContext,
  ): Promise<Page<AISystem>> {
    const after = args.after ? (decodeCursor(args.after, ['text', 'uuid']) as AISystemKey) : null;
    const rows = await this.loaders.aiSystemsOfCompany(ctx.loaders, after, args.first + 1).load(company.id);
    return toPage(
      rows,
      args.first,
      (row) => [row.name, row.id],
      after !== null,
      () => this.loaders.aiSystemCountOfCompany(ctx.loaders).load(company.id),
    );
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
