import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';
import { IsCountryCode, IsRank, IsYear } from './policy-fields.js';

/** The ranks of a score, 1 to 1000; a component left out is not published. */
@InputType({ isAbstract: true })
abstract class RankFields {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsRank()
  ictRank?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsRank()
  skillsRank?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsRank()
  rndRank?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsRank()
  industryRank?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsRank()
  financeRank?: number | null;
}

@InputType()
export class RecordReadinessScoreInput extends RankFields {
  @Field({ description: 'ISO alpha-3 code of the country, case-insensitive.' })
  @IsCountryCode()
  countryIso3: string;

  @Field(() => Int, { description: 'Year of the index edition, 2000 to 2100; one score per country and year.' })
  @IsYear(2000)
  year: number;

  @Field(() => Int, { description: 'Overall rank, 1 to 1000.' })
  @IsRank()
  rank: number;
}

@ArgsType()
export class RecordReadinessScoreArgs extends InputArgs(RecordReadinessScoreInput) {}

/** Ranks left out keep their value. */
@InputType()
export class UpdateReadinessScoreInput extends RankFields {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsRank()
  rank?: number | null;
}

@ArgsType()
export class UpdateReadinessScoreArgs extends InputArgs(UpdateReadinessScoreInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
