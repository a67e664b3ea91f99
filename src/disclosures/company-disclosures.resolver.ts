import { Args, Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { isValidFirstPage, PageArgs } from '../common/pagination/page-args.js';
import { ThinFields } from '../common/graphql/thin-fields.js';
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
    thinFields: ThinFields,
  ) {
    // Read with every company page and company read: a first page of a valid size skips Nest's pipeline.
    thinFields.registerFastField('Company', 'disclosures', (company: Company, args: PageArgs, ctx: RequestContext) =>
      isValidFirstPage(args) ? this.firstPage(company, args.first, ctx) : undefined,
    );
  }

  @ResolveField(() => DisclosureConnection, { description: 'Its filings, newest first (submitted ones only).' })
  async disclosures(
    @Root() company: Company,
    @Args() args: PageArgs,
    @Context() ctx: RequestContext,
  ): Promise<Page<ListedDisclosure>> {
    if (args.after) return this.reads.list({ ...args, filter: { companyId: company.id } }, false);
    return this.firstPage(company, args.first, ctx);
  }

  /** The first page of every company of a list, in one statement. */
  private async firstPage(company: Company, first: number, ctx: RequestContext): Promise<Page<ListedDisclosure>> {
    const rows = await this.loaders.latestOfCompany(ctx.loaders, first).load(company.id);
    return toPage(
      rows,
      first,
      (row) => [row.submittedMicros, row.id],
      false,
      () => this.reads.count({ companyId: company.id }),
    );
  }
}
