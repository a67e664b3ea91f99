import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';
import { SourceConfidence } from '../source-confidence.js';
import { IsPartyCode, IsSourceUrl, IsTitle, IsYear } from './policy-fields.js';

@InputType()
export class RecordNationalAiStrategyInput {
  @Field({ description: 'Party code: a country (alpha-3, case-insensitive) or an organisation (EU).' })
  @IsPartyCode()
  partyCode: string;

  @Field(() => Int, { description: 'Year of first release, 1950 to 2100.' })
  @IsYear()
  releasedYear: number;

  @Field({ description: 'Title, 1 to 500 characters; unique for the party.' })
  @IsTitle()
  title: string;

  @Field({ description: 'Where the record comes from: an http or https URL.' })
  @IsSourceUrl()
  sourceUrl: string;

  @Field(() => SourceConfidence)
  @IsEnum(SourceConfidence)
  confidence: SourceConfidence;
}

@ArgsType()
export class RecordNationalAiStrategyArgs extends InputArgs(RecordNationalAiStrategyInput) {}

/** Fields left out keep their value. */
@InputType()
export class UpdateNationalAiStrategyInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsYear()
  releasedYear?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsSourceUrl()
  sourceUrl?: string | null;

  @Field(() => SourceConfidence, { nullable: true })
  @IsOptional()
  @IsEnum(SourceConfidence)
  confidence?: SourceConfidence | null;
}

@ArgsType()
export class UpdateNationalAiStrategyArgs extends InputArgs(UpdateNationalAiStrategyInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
