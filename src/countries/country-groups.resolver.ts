import { Public } from '../common/access/access.decorator.js';
import { Args, Context, Extensions, Int, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AsOfArg, type AsOf } from '../common/graphql/as-of.arg.js';
import { ThinFields } from '../common/graphql/thin-fields.js';
import type { RequestContext } from '../common/request-context.js';
import { CountriesLoaders } from './countries.loaders.js';
import { CountriesService } from './countries.service.js';
import { CountryGroup } from './country-group.entity.js';
import { GroupLookupArgs } from './dto/lookup.args.js';
import { GroupMembership } from './group-membership.entity.js';
import { Party } from './party.entity.js';

@Public()
@Resolver(() => CountryGroup)
export class CountryGroupsResolver {
  constructor(
    private readonly countries: CountriesService,
    private readonly loaders: CountriesLoaders,
    thinFields: ThinFields,
  ) {
    thinFields.register('CountryGroup', 'members', this.membersOf);
    thinFields.register('CountryGroup', 'memberCount', this.memberCountOf);
    thinFields.register('CountryGroup', 'memberships', this.membershipsOf);
  }

  // The relation fields below are installed as thin resolvers (see ThinFields).
  private readonly membersOf = (group: CountryGroup, { asOf }: AsOf, ctx: RequestContext): Promise<Party[]> =>
    this.loaders.membersOfGroup(ctx.loaders, asOf ?? ctx.today).load(group.key);

  private readonly memberCountOf = async (group: CountryGroup, args: AsOf, ctx: RequestContext): Promise<number> =>
    (await this.membersOf(group, args, ctx)).length;

  private readonly membershipsOf = (
    group: CountryGroup,
    _args: unknown,
    ctx: RequestContext,
  ): Promise<GroupMembership[]> => this.loaders.membershipsOfGroup(ctx.loaders).load(group.key);

  @Query(() => [CountryGroup], { description: 'All country groups, ordered by key.' })
  @Extensions({ listSize: 20 })
  countryGroups(): Promise<CountryGroup[]> {
    return this.countries.listGroups();
  }

  @Query(() => CountryGroup, { nullable: true, description: 'One group by key; null when there is none.' })
  countryGroup(@Args() { key }: GroupLookupArgs): Promise<CountryGroup | null> {
    return this.countries.findGroup(key);
  }

  @ResolveField(() => [Party], { description: 'Members on `asOf` (default today), ordered by code.' })
  @Extensions({ listSize: 50 })
  members(
    @Root() group: CountryGroup,
    @AsOfArg() asOf: string | null,
    @Context() ctx: RequestContext,
  ): Promise<Party[]> {
    return this.membersOf(group, { asOf }, ctx);
  }

  @ResolveField(() => Int, { description: 'Number of members on `asOf` (default today).' })
  @Extensions({ cost: 1 }) // reads the members: a query for each distinct asOf
  memberCount(
    @Root() group: CountryGroup,
    @AsOfArg() asOf: string | null,
    @Context() ctx: RequestContext,
  ): Promise<number> {
    return this.memberCountOf(group, { asOf }, ctx);
  }

  @ResolveField(() => [GroupMembership], { description: 'Every membership period, past and present.' })
  @Extensions({ listSize: 60 })
  memberships(@Root() group: CountryGroup, @Context() ctx: RequestContext): Promise<GroupMembership[]> {
    return this.membershipsOf(group, {}, ctx);
  }
}
