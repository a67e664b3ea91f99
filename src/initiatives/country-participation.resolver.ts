import { Args, Context, Extensions, Int, ResolveField, Resolver, Root } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context.js';
import { Country } from '../countries/country.entity.js';
import { InitiativeCountArgs } from './dto/analytics.args.js';
import { TimelineArgs } from './dto/timeline.args.js';
import { InitiativesLoaders } from './initiatives.loaders.js';
import { Participation } from './participation.entity.js';

/** The participation side of a country: the fields of Country that initiatives adds. */
@Resolver(() => Country)
export class CountryParticipationResolver {
  constructor(private readonly loaders: InitiativesLoaders) {}

  @ResolveField(() => [Participation], {
    description: 'Its participations in force on `asOf` as known at `knownAt`, by initiative key.',
  })
  @Extensions({ listSize: 10 })
  participations(
    @Root() country: Country,
    @Args() args: TimelineArgs,
    @Context() ctx: RequestContext,
  ): Promise<Participation[]> {
    const at = { asOf: args.asOf ?? ctx.today, knownAt: args.knownAt ?? null };
    return this.loaders.participationsOfParty(ctx.loaders, at).load(country.iso3);
  }

  @ResolveField(() => Int, {
    description:
      'How many initiatives it takes part in on `asOf` (among `initiativeKeys` when given; a key that names no initiative counts nothing).',
  })
  @Extensions({ cost: 1 }) // a count query per distinct set of arguments
  initiativeCount(
    @Root() country: Country,
    @Args() args: InitiativeCountArgs,
    @Context() ctx: RequestContext,
  ): Promise<number> {
    const keys = args.initiativeKeys ? args.initiativeKeys.map((key) => key.toLowerCase()) : null;
    return this.loaders
      .initiativeCountOfParty(ctx.loaders, { asOf: args.asOf ?? ctx.today, knownAt: null }, keys)
      .load(country.iso3);
  }
}
