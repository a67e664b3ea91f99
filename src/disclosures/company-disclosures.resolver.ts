import { Args, Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { PageArgs } from '../common/pagination/page-args.js';
import { Company } from '../companies/company.entity.js';
import { DisclosureReadsService } from './disclosure-reads.service.js';
import type { ListedDisclosure } from './disclosure-search.repository.js';
import { DisclosuresLoaders } from './disclosures.loaders.js';
import { DisclosureConnection } from './dto/disclosure.model.js';

/** Company.disclosures: the company's filings, newest first (public: filed ones only). */
@Resolver(() => Company)
export class CompanyDisclosuresResolver {
  constructor(
    private readonly reads: DisclosureReadsService,
    private readonly loaders: DisclosuresLoaders,
  ) {}

  @ResolveField(() => DisclosureConnection, { description: 'Its filings, newest first (submitted ones only).' })
  async disclosures(
    @Root() company: Company,
    @Args() args: PageArgs,
    @Context() ctx: RequestContext,
  ): Promise<Page<ListedDisclosure>> {
    if (args.after) return this.reads.list({ ...args, filter: { companyId: company.id } }, false);
    // The first page of every company of a list, in one statement.
    const rows = await this.loaders.latestOfCompany(ctx.loaders, args.first).load(company.id);
    return toPage(
      rows,
      args.first,
      (row) => [row.submittedMicros, row.id],
      false,
      () => this.reads.count({ companyId: company.id }),
    );
  }
}
