import { Context, ID, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Membership } from '../auth/membership.entity.js';
import type { RequestContext } from '../common/request-context.js';
import { CompaniesLoaders } from './companies.loaders.js';
import { COMPANY } from './company-scope.js';
import { Company } from './company.entity.js';

/** The company side of a membership: the fields of Membership that name a company. */
@Resolver(() => Membership)
export class CompanyMembershipResolver {
  constructor(private readonly loaders: CompaniesLoaders) {}

  @ResolveField(() => ID, { nullable: true })
  companyId(@Root() membership: Membership): string | null {
    return membership.organizationKind === COMPANY ? membership.organizationId : null;
  }

  @ResolveField(() => Company, { nullable: true })
  async company(@Root() membership: Membership, @Context() ctx: RequestContext): Promise<Company | null> {
    const id = this.companyId(membership);
    return id ? this.loaders.companyById(ctx.loaders).load(id) : null;
  }
}
