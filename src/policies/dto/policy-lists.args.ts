import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/page-args.js';
import { PolicyLever, PolicyOrientation } from '../policy-levers.js';
import { IsPartyCode, IsYear } from './policy-fields.js';

@InputType()
export class NationalAiStrategyFilter {
  @Field(() => String, { nullable: true, description: 'Only this party (country alpha-3 or EU), case-insensitive.' })
  @IsOptional()
  @IsPartyCode()
  partyCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Released in this year or later.' })
  @IsOptional()
  @IsYear()
  releasedFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Released in this year or earlier.' })
  @IsOptional()
  @IsYear()
  releasedTo?: number | null;
}

@ArgsType()
export class NationalAiStrategiesArgs extends PageArgs {
  @Field(() => NationalAiStrategyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NationalAiStrategyFilter)
  filter?: NationalAiStrategyFilter | null;
}

@InputType()
export class PolicyInstrumentFilter {
  @Field(() => String, { nullable: true, description: 'Only this party (country alpha-3 or EU), case-insensitive.' })
  @IsOptional()
  @IsPartyCode()
  partyCode?: string | null;

  @Field(() => PolicyOrientation, { nullable: true })
  @IsOptional()
  @IsEnum(PolicyOrientation)
  orientation?: PolicyOrientation | null;

  @Field(() => PolicyLever, { nullable: true })
  @IsOptional()
  @IsEnum(PolicyLever)
  lever?: PolicyLever | null;
}

@ArgsType()
export class PolicyInstrumentsArgs extends PageArgs {
  @Field(() => PolicyInstrumentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicyInstrumentFilter)
  filter?: PolicyInstrumentFilter | null;
}

@ArgsType()
export class ReadinessRankingArgs extends PageArgs {
  @Field(() => Int, { description: 'Year of the index edition; a year with no scores gives an empty list.' })
  @IsYear(2000)
  year: number;
}
