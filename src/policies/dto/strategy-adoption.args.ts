import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches } from 'class-validator';
import { ReusableValidation } from '../../common/errors/validation-pipe.js';
import { IsYear } from './policy-fields.js';

export const MAX_ADOPTION_GROUPS = 10;
export const MAX_ADOPTION_YEARS = 50;

@ArgsType()
@ReusableValidation()
export class StrategyAdoptionArgs {
  @Field(() => [String], {
    description: `Country group keys (LDC, G7, OECD...), case-insensitive; 1 to ${MAX_ADOPTION_GROUPS}.`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ADOPTION_GROUPS)
  @IsString({ each: true })
  @Matches(/^[A-Za-z0-9_]{2,32}$/, { each: true, message: 'must hold group keys such as LDC' })
  groupKeys: string[];

  @Field(() => Int, { description: 'First year, 1950 to 2100.' })
  @IsYear()
  fromYear: number;

  @Field(() => Int, { description: `Last year, from fromYear to at most ${MAX_ADOPTION_YEARS - 1} years after it.` })
  @IsYear()
  toYear: number;
}
