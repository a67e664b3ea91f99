import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { ThinFields } from '../common/graphql/thin-fields.js';
import type { RequestContext } from '../common/request-context.js';
import { AISystem } from '../companies/ai-system.entity.js';
import { CompaniesLoaders } from '../companies/companies.loaders.js';
import { Company } from '../companies/company.entity.js';
import { DisclosureReadsService } from './disclosure-reads.service.js';
import type { ListedDisclosure } from './disclosure-search.repository.js';
import { DisclosuresLoaders } from './disclosures.loaders.js';
import type { DisclosureRow } from './disclosures.repository.js';
import { DisclosureView } from './dto/disclosure.model.js';

type AnyDisclosure = DisclosureRow | ListedDisclosure;

/** The fields of Disclosure that are not columns: the content as the caller may see it, and its relations. */
@Resolver(() => DisclosureView)
export class DisclosureFieldsResolver {
  constructor(
    private readonly reads: DisclosureReadsService,
    private readonly companies: CompaniesLoaders,
    private readonly loaders: DisclosuresLoaders,
    thinFields: ThinFields,
  ) {
    thinFields.register('Disclosure', 'company', this.companyOf);
    thinFields.register('Disclosure', 'aiSystem', this.aiSystemOf);
  }

  /** Disclosure.company and Disclosure.aiSystem, read for every filing of a list: thin resolvers (see ThinFields). */
  private readonly companyOf = (row: AnyDisclosure, _args: unknown, ctx: RequestContext): Company | Promise<Company> =>
    ('preloadedCompany' in row && row.preloadedCompany) ||
    (this.companies.companyById(ctx.loaders).load(row.companyId) as Promise<Company>);

  private readonly aiSystemOf = async (row: AnyDisclosure, _args: unknown, ctx: RequestContext): Promise<AISystem> =>
    (await this.companies.aiSystemById(ctx.loaders).load(row.aiSystemId))!;

  @ResolveField(() => GraphQLJSONObject, {
    description:
      'The content: in full for the company’s filers and for the regulators whose jurisdiction covers the AI ' +
      'system; for everyone else the public view, each confidential field null.',
  })
  content(
    @Root() row: AnyDisclosure,
    @CurrentPrincipal() principal: Principal | null,
    @Context() ctx: RequestContext,
  ): unknown {
    return this.reads.contentFor(row, principal, ctx.loaders);
  }

  @ResolveField(() => Company)
  company(@Root() row: AnyDisclosure, @Context() ctx: RequestContext): Company | Promise<Company> {
    return this.companyOf(row, {}, ctx);
  }

  @ResolveField(() => AISystem)
  aiSystem(@Root() row: AnyDisclosure, @Context() ctx: RequestContext): Promise<AISystem> {
    return this.aiSystemOf(row, {}, ctx);
  }

  @ResolveField(() => DisclosureView, { nullable: true, description: 'The original filing this one amends.' })
  amends(
    @Root() row: AnyDisclosure,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<DisclosureRow | null> | null {
    return row.amendsId ? this.loaders.disclosureById(ctx.loaders, principal).load(row.amendsId) : null;
  }
}
