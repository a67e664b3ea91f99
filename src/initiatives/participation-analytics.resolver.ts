import { Args, Context, Extensions, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Public } from '../common/access/access.decorator.js';
import type { Page } from '../common/pagination/connection.js';
import type { RequestContext } from '../common/request-context.js';
import { CountriesLoaders } from '../countries/countries.loaders.js';
import { Country } from '../countries/country.entity.js';
import { ChangesArgs, DistributionArgs, MatrixArgs } from './dto/analytics.args.js';
import {
  DistributionBucket,
  ParticipationChange,
  ParticipationChangeConnection,
  ParticipationDistribution,
  ParticipationMatrixConnection,
  ParticipationMatrixRow,
} from './dto/analytics.model.js';
import { InitiativesLoaders } from './initiatives.loaders.js';
import { ParticipationAnalyticsService } from './participation-analytics.service.js';
import { Participation } from './participation.entity.js';

@Public()
@Resolver()
export class ParticipationAnalyticsResolver {
  constructor(private readonly analytics: ParticipationAnalyticsService) {}

  @Query(() => ParticipationDistribution, {
    description:
      "How many countries take part in how many of the selected initiatives (the report's Figure 12), with empty buckets, for any country group; UN member states only by default.",
  })
  participationDistribution(
    @Args() args: DistributionArgs,
    @Context() ctx: RequestContext,
  ): Promise<ParticipationDistribution> {
    return this.analytics.distribution(args, ctx.today);
  }

  @Query(() => ParticipationMatrixConnection, {
    description: 'Countries (rows, by code) by initiatives: the participations in force in each, with role and dates.',
  })
  participationMatrix(@Args() args: MatrixArgs, @Context() ctx: RequestContext): Promise<Page<ParticipationMatrixRow>> {
    return this.analytics.matrix(args, ctx.today);
  }

  @Query(() => ParticipationChangeConnection, {
    description:
      'What changed in [from, to): rows the registry recorded or retracted, and participations that began or ended in the world (as known at `knownAt`, default now).',
  })
  participationChanges(@Args() args: ChangesArgs): Promise<Page<ParticipationChange>> {
    return this.analytics.changes(args);
  }
}

@Resolver(() => DistributionBucket)
export class DistributionBucketResolver {
  constructor(private readonly loaders: CountriesLoaders) {}

  @ResolveField(() => [Country], { description: 'The countries of the bucket, by code.' })
  @Extensions({ listSize: 50 })
  async countries(@Root() bucket: DistributionBucket, @Context() ctx: RequestContext): Promise<Country[]> {
    const countries = await this.loaders.countryByIso3(ctx.loaders).loadMany(bucket.countryCodes);
    return countries.filter((country): country is Country => country !== null && !(country instanceof Error));
  }
}

@Resolver(() => ParticipationMatrixRow)
export class ParticipationMatrixRowResolver {
  constructor(private readonly countries: CountriesLoaders) {}

  @ResolveField(() => Country)
  async country(@Root() row: ParticipationMatrixRow, @Context() ctx: RequestContext): Promise<Country> {
    return (await this.countries.countryByIso3(ctx.loaders).load(row.iso3))!;
  }
}

@Resolver(() => ParticipationChange)
export class ParticipationChangeResolver {
  constructor(private readonly loaders: InitiativesLoaders) {}

  @ResolveField(() => Participation)
  async participation(@Root() change: ParticipationChange, @Context() ctx: RequestContext): Promise<Participation> {
    return (await this.loaders.participationById(ctx.loaders).load(change.participationId))!;
  }
}
