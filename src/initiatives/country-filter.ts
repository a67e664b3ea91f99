import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CountryFilterExtensions } from '../countries/country-filter-extensions.js';
import { CountryFilter } from '../countries/dto/countries.args.js';
import { INITIATIVE_KEY, INITIATIVE_KEY_MESSAGE } from './dto/initiative.input.js';
import { InitiativesService } from './initiatives.service.js';
import { countryParticipationConditions } from './participation-analytics.repository.js';

/** The fields initiatives adds to CountryFilter (read through this type; the countries module does not name them). */
export interface ParticipationFilterFields {
  initiativeKey?: string | null;
  minInitiatives?: number | null;
  maxInitiatives?: number | null;
}

/** Most initiatives a count filter may name; far above any real count, low enough to stay an int. */
const MAX_COUNT = 100_000;

// Declared on CountryFilter when this file loads (before the schema is built), as auth's membership scopes are.
const target = CountryFilter.prototype as unknown as object;

Field(() => String, {
  nullable: true,
  description: 'Only countries taking part in this initiative on `asOf` (as the registry knows it now).',
})(target, 'initiativeKey');
IsOptional()(target, 'initiativeKey');
Matches(INITIATIVE_KEY, { message: INITIATIVE_KEY_MESSAGE })(target, 'initiativeKey');

for (const [name, description] of [
  ['minInitiatives', 'Only countries taking part in at least this many initiatives on `asOf`.'],
  ['maxInitiatives', 'Only countries taking part in at most this many initiatives on `asOf`.'],
] as const) {
  Field(() => Int, { nullable: true, description })(target, name);
  IsOptional()(target, name);
  IsInt()(target, name);
  Min(0)(target, name);
  Max(MAX_COUNT)(target, name);
}

/** How the fields above filter: registered with the countries module when this module starts. */
@Injectable()
export class CountryParticipationFilter implements OnModuleInit {
  constructor(
    private readonly extensions: CountryFilterExtensions,
    private readonly initiatives: InitiativesService,
  ) {}

  onModuleInit(): void {
    this.extensions.add({
      apply: (filter, where, asOf) => countryParticipationConditions(where, filter as ParticipationFilterFields, asOf),
      unknownReference: async (filter) => {
        const key = (filter as ParticipationFilterFields).initiativeKey;
        if (key && !(await this.initiatives.find(key))) {
          return { field: 'initiativeKey', message: `names no initiative: "${key}"` };
        }
        return null;
      },
    });
  }
}
