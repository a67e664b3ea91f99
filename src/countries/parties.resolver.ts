import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context.js';
import { CountriesLoaders } from './countries.loaders.js';
import { Country } from './country.entity.js';
import { GroupMembership } from './group-membership.entity.js';
import { PartyKind } from './party-kind.js';
import { Party } from './party.entity.js';

@Resolver(() => Party)
export class PartiesResolver {
  constructor(private readonly loaders: CountriesLoaders) {}

  @ResolveField(() => Country, { nullable: true, description: 'The country, when the party is one.' })
  async country(@Root() party: Party, @Context() ctx: RequestContext): Promise<Country | null> {
    if (party.kind !== PartyKind.COUNTRY) return null;
    return this.loaders.countryByIso3(ctx.loaders).load(party.code);
  }
}

@Resolver(() => GroupMembership)
export class GroupMembershipsResolver {
  constructor(private readonly loaders: CountriesLoaders) {}

  @ResolveField(() => Party)
  async party(@Root() membership: GroupMembership, @Context() ctx: RequestContext): Promise<Party> {
    return (await this.loaders.partyByCode(ctx.loaders).load(membership.partyCode))!;
  }
}
