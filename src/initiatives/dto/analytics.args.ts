import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsOptional, Matches, ValidateNested } from 'class-validator';
import { ReusableValidation } from '../../common/errors/validation-pipe.js';
import { DateTimeScalar, LocalDateScalar } from '../../common/graphql/scalars.js';
import { PageArgs } from '../../common/pagination/page-args.js';
import { CountryFilter } from '../../countries/dto/countries.args.js';
import { INITIATIVE_KEY, INITIATIVE_KEY_MESSAGE } from './initiative.input.js';

/** Most initiatives one read may name. */
export const MAX_INITIATIVE_KEYS = 5000;

const keysOptions = {
  nullable: true,
  description: `Keys of the initiatives to count (up to ${MAX_INITIATIVE_KEYS}); all initiatives when left out.`,
} as const;

@ArgsType()
@ReusableValidation()
export class DistributionArgs {
  @Field(() => [String], keysOptions)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INITIATIVE_KEYS)
  @Matches(INITIATIVE_KEY, { each: true, message: INITIATIVE_KEY_MESSAGE })
  initiativeKeys?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only countries in this group on `asOf` (G20, LDC...).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_]{2,32}$/, { message: 'must be a group key such as G7' })
  groupKey?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'World date, YYYY-MM-DD; default today (UTC).' })
  @IsOptional()
  asOf?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Registry time; default now.' })
  @IsOptional()
  knownAt?: Date | null;

  @Field(() => Boolean, { defaultValue: true, description: 'Count UN member states only (the 193).' })
  @IsBoolean()
  unMembersOnly: boolean = true;
}

@ArgsType()
export class MatrixArgs extends PageArgs {
  @Field(() => CountryFilter, { nullable: true, description: 'The rows: countries matching this on `asOf`.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CountryFilter)
  countryFilter?: CountryFilter | null;

  @Field(() => [String], keysOptions)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INITIATIVE_KEYS)
  @Matches(INITIATIVE_KEY, { each: true, message: INITIATIVE_KEY_MESSAGE })
  initiativeKeys?: string[] | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'World date, YYYY-MM-DD; default today (UTC).' })
  @IsOptional()
  asOf?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Registry time; default now.' })
  @IsOptional()
  knownAt?: Date | null;
}

@ArgsType()
export class ChangesArgs extends PageArgs {
  @Field(() => DateTimeScalar, { description: 'Start of the period (inclusive).' })
  @IsDate()
  from: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of the period (exclusive); default now.' })
  @IsOptional()
  to?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Registry time at which joins and departures in the period are judged; default now.',
  })
  @IsOptional()
  knownAt?: Date | null;
}

@ArgsType()
@ReusableValidation()
export class InitiativeCountArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'World date, YYYY-MM-DD; default today (UTC).' })
  @IsOptional()
  asOf?: string | null;

  @Field(() => [String], keysOptions)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INITIATIVE_KEYS)
  @Matches(INITIATIVE_KEY, { each: true, message: INITIATIVE_KEY_MESSAGE })
  initiativeKeys?: string[] | null;
}

@ArgsType()
@ReusableValidation()
export class ParticipantCountArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'World date, YYYY-MM-DD; default today (UTC).' })
  @IsOptional()
  asOf?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Registry time; default now.' })
  @IsOptional()
  knownAt?: Date | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Count UN member states only.' })
  @IsBoolean()
  unMembersOnly: boolean = false;
}
