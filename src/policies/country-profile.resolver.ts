import { Args, Context, Extensions, Int, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { ThinFields } from '../common/graphql/thin-fields.js';
import type { RequestContext } from '../common/request-context.js';
import { Country } from '../countries/country.entity.js';
import { NationalAiStrategy } from './national-ai-strategy.entity.js';
import { PoliciesLoaders } from './policies.loaders.js';
import { PolicyInstrument } from './policy-instrument.entity.js';
import { ReadinessScore } from './readiness-score.entity.js';

/**
 * The policy side of a country profile: the fields of Country this module owns, each through a DataLoader. They are
 * read for every country of a page, so they are installed as thin resolvers (see ThinFields), like Country.groups.
 */
@Resolver(() => Country)
export class CountryProfileResolver {
  constructor(
    private readonly loaders: PoliciesLoaders,
    thinFields: ThinFields,
  ) {
    thinFields.register('Country', 'strategies', this.strategiesOf);
    thinFields.register('Country', 'policyInstruments', this.instrumentsOf);
    thinFields.register('Country', 'readiness', this.readinessOf);
  }

  private readonly strategiesOf = (country: Country, _args: unknown, ctx: RequestContext) =>
    this.loaders.strategiesOfParty(ctx.loaders).load(country.iso3);

  private readonly instrumentsOf = (country: Country, _args: unknown, ctx: RequestContext) =>
    this.loaders.instrumentsOfParty(ctx.loaders).load(country.iso3);

  private readonly readinessOf = (country: Country, { year }: { year?: number | null }, ctx: RequestContext) =>
    this.loaders.readinessOfCountry(ctx.loaders, year ?? null).load(country.iso3);

  @ResolveField(() => [NationalAiStrategy], { description: 'National AI strategies, oldest first.' })
  @Extensions({ listSize: 5 })
  strategies(@Root() country: Country, @Context() ctx: RequestContext): Promise<NationalAiStrategy[]> {
    return this.strategiesOf(country, {}, ctx);
  }

  @ResolveField(() => [PolicyInstrument], { description: 'AI policy instruments, by title.' })
  @Extensions({ listSize: 10 })
  policyInstruments(@Root() country: Country, @Context() ctx: RequestContext): Promise<PolicyInstrument[]> {
    return this.instrumentsOf(country, {}, ctx);
  }

  @ResolveField(() => ReadinessScore, {
    nullable: true,
    description:
      'Frontier Technologies Readiness Index ranks of the edition of `year` (the latest edition when left out); ' +
      'null when the country has no score that year (any year that is not an edition, too).',
  })
  readiness(
    @Root() country: Country,
    @Args('year', { type: () => Int, nullable: true }) year: number | null,
    @Context() ctx: RequestContext,
  ): Promise<ReadinessScore | null> {
    return this.readinessOf(country, { year }, ctx);
  }
}
