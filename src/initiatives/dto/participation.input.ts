import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUrl, IsUUID, Length, Matches } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { DatePrecision } from '../date-precision.js';
import { ParticipationRole } from '../participation-role.js';
import { HTTP_URL, INITIATIVE_KEY, INITIATIVE_KEY_MESSAGE } from './initiative.input.js';

@InputType()
export class RecordParticipationInput {
  @Field({ description: 'Party code: ISO alpha-3 for a country, EU or AU for an organisation; case-insensitive.' })
  @Matches(/^[A-Za-z]{2,8}$/, { message: 'must be a party code such as KEN or EU' })
  partyCode: string;

  @Field()
  @Matches(INITIATIVE_KEY, { message: INITIATIVE_KEY_MESSAGE })
  initiativeKey: string;

  @Field(() => ParticipationRole)
  @IsEnum(ParticipationRole)
  role: ParticipationRole;

  @Field(() => LocalDateScalar, { description: 'First day it was true in the world.' })
  @IsString()
  validFrom: string;

  // Nullable rather than a schema default: graphql-jit does not apply an enum default inside an input variable.
  @Field(() => DatePrecision, { nullable: true, description: 'How exact validFrom is; default DAY.' })
  @IsOptional()
  @IsEnum(DatePrecision)
  validFromPrecision?: DatePrecision | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day it was no longer true; leave out if it still is.',
  })
  @IsOptional()
  validTo?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'Default DAY when validTo is given.' })
  @IsOptional()
  @IsEnum(DatePrecision)
  validToPrecision?: DatePrecision | null;

  @Field({ description: 'Where the fact comes from: an http(s) address (required).' })
  @IsUrl(HTTP_URL, { message: 'must be an http(s) URL' })
  @Length(1, 2000)
  sourceUrl: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  sourceTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  sourceNote?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A live row this one corrects: it is retracted with `correctionReason` in the same change.',
  })
  @IsOptional()
  @IsUUID()
  correctsId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the corrected row was wrong; required with correctsId.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  correctionReason?: string | null;
}

@ArgsType()
export class RecordParticipationArgs extends InputArgs(RecordParticipationInput) {}

@InputType()
export class EndParticipationInput {
  @Field(() => ID, { description: 'The live, open participation to end.' })
  @IsUUID()
  id: string;

  @Field(() => LocalDateScalar, { description: 'First day it was no longer true.' })
  @IsString()
  validTo: string;

  @Field(() => DatePrecision, { nullable: true, description: 'How exact validTo is; default DAY.' })
  @IsOptional()
  @IsEnum(DatePrecision)
  validToPrecision?: DatePrecision | null;

  @Field(() => String, { nullable: true, description: 'Evidence of the end; the row keeps its source otherwise.' })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'must be an http(s) URL' })
  @Length(1, 2000)
  sourceUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  sourceNote?: string | null;
}

@ArgsType()
export class EndParticipationArgs extends InputArgs(EndParticipationInput) {}

@ArgsType()
export class RetractParticipationArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ description: 'Why the registry no longer believes it.' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
