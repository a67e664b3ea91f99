import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { ThinFields } from '../common/graphql/thin-fields.js';
import type { RequestContext } from '../common/request-context.js';
import { CountriesLoaders } from './countries.loaders.js';
import { Country } from './country.entity.js';
import { GroupMembership } from './group-membership.entity.js';
import { PartyKind } from './party-kind.js';
import { Party } from './party.entity.js';

@Resolver(() => Party)
export class PartiesResolver {
  constructor(
    private readonly loaders: CountriesLoaders,
    thinFields: ThinFields,
  ) {
    thinFields.register('Party', 'country', this.countryOf);
  }

  /** Party.country, installed as a thin resolver (see ThinFields). */
  private readonly countryOf = async (party: Party, _args: unknown, ctx: RequestContext): Promise<Country | null> =>
    party.kind === PartyKind.COUNTRY ? this.loaders.countryByIso3(ctx.loaders).load(party.code) : null;

  @ResolveField(() => Country, { nullable: true, description: 'The country, when the party is one.' })
  country(@Root() party: Party, @Context() ctx: RequestContext): Promise<Country | null> {
    return this.countryOf(party, {}, ctx);
  }
}

@Resolver(() => GroupMembership)
export class GroupMembershipsResolver {
  constructor(
    private readonly loaders: CountriesLoaders,
    thinFields: ThinFields,
  ) {
    thinFields.register('GroupMembership', 'party', this.partyOf);
  }

  /** GroupMembership.party, installed as a thin resolver (see ThinFields). */
  private readonly partyOf = async (membership: GroupMembership, _args: unknown, ctx: RequestContext): Promise<Party> =>
    (await this.loaders.partyByCode(ctx.loaders).load(membership.partyCode))!;

  @ResolveField(() => Party)
  party(@Root() membership: GroupMembership, @Context() ctx: RequestContext): Promise<Party> {
    return this.partyOf(membership, {}, ctx);
  }
}
