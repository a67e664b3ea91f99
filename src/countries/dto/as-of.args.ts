import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';

@ArgsType()
export class AsOfArgs {
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The date to answer for, YYYY-MM-DD; default today (UTC).' })
  @IsOptional()
  asOf?: string | null;
}
