import { Public } from '../common/access/access.decorator.js';
import { Args, Context, Extensions, Info, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsField } from '../common/graphql/selection.js';
import { AsOfArg, type AsOf } from '../common/graphql/as-of.arg.js';
import { ThinFields } from '../common/graphql/thin-fields.js';
import type { Page } from '../common/pagination/connection.js';
import type { RequestContext } from '../common/request-context.js';
import { CountriesLoaders } from './countries.loaders.js';
import type { CountryRow } from './countries.repository.js';
import { countryShape } from './country-shape.js';
import { CountriesService } from './countries.service.js';
import { CountryGroup } from './country-group.entity.js';
import { Country } from './country.entity.js';
import { CountriesArgs } from './dto/countries.args.js';
import { CountryConnection } from './dto/country-connection.model.js';
import { CountryLookupArgs, ISO3_CODE } from './dto/lookup.args.js';

@Public()
@Resolver(() => Country)
export class CountriesResolver {
  constructor(
    private readonly countryService: CountriesService,
    private readonly loaders: CountriesLoaders,
    thinFields: ThinFields,
  ) {
    thinFields.register('Country', 'groups', this.groupsOf);
    // The most frequent lookup: anonymous reads with a well-formed code skip Nest's pipeline; anything else
    // (credentials, a malformed code and its validation error) takes the decorated resolver below.
    thinFields.registerPublicQuery('country', ({ iso3 }: { iso3: unknown }, ctx, info) =>
      typeof iso3 === 'string' && ISO3_CODE.test(iso3) ? this.country({ iso3 }, info, ctx) : undefined,
    );
  }

  /**
   * Country.groups, installed as a thin resolver: one of the hottest fields of list queries. A page read with its
   * groups answers from the row, with no promise; otherwise the DataLoader batches the page's countries.
   */
  private readonly groupsOf = (
    country: CountryRow,
    { asOf }: AsOf,
    ctx: RequestContext,
  ): CountryGroup[] | Promise<CountryGroup[]> => {
    const date = asOf ?? ctx.today;
    const preloaded = country.preloadedGroups;
    if (preloaded?.asOf === date) return preloaded.groups;
    return this.loaders.groupsOfParty(ctx.loaders, date).load(country.iso3);
  };

  @Query(() => CountryConnection, { description: 'Countries ordered by alpha-3 code, filtered and paginated.' })
  countries(
    @Args() args: CountriesArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: RequestContext,
  ): Promise<Page<CountryRow>> {
    const shape = countryShape(info, ['edges', 'node'], this.countryService.countryColumns(), ctx.today);
    return this.countryService.listCountries(args, selectsField(info, 'totalCount'), shape);
  }

  @Query(() => Country, { nullable: true, description: 'One country by ISO alpha-3 code; null when there is none.' })
  country(
    @Args() { iso3 }: CountryLookupArgs,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: RequestContext,
  ): Promise<CountryRow | null> {
    return this.countryService.findCountry(
      iso3,
      countryShape(info, [], this.countryService.countryColumns(), ctx.today),
    );
  }

  @ResolveField(() => [CountryGroup], { description: 'Groups the country belongs to on `asOf` (default today).' })
  @Extensions({ listSize: 8 })
  groups(
    @Root() country: CountryRow,
    @AsOfArg() asOf: string | null,
    @Context() ctx: RequestContext,
  ): CountryGroup[] | Promise<CountryGroup[]> {
    return this.groupsOf(country, { asOf }, ctx);
  }
}
