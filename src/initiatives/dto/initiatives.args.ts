import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { PageArgs } from '../../common/pagination/page-args.js';
import { InitiativeKind } from '../initiative-kind.js';

@InputType()
export class InitiativeFilter {
  @Field(() => InitiativeKind, { nullable: true })
  @IsOptional()
  @IsEnum(InitiativeKind)
  kind?: InitiativeKind | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  binding?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Adopted on or after this date.' })
  @IsOptional()
  adoptedFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Adopted before this date.' })
  @IsOptional()
  adoptedBefore?: string | null;
}

@ArgsType()
export class InitiativesArgs extends PageArgs {
  @Field(() => InitiativeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => InitiativeFilter)
  filter?: InitiativeFilter | null;
}
