import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { ReusableValidation } from '../../common/errors/validation-pipe.js';
import { PageArgs } from '../../common/pagination/page-args.js';
import { EnforcementKind, EnforcementStatus } from '../oversight-terms.js';

@InputType()
export class EnforcementActionFilter {
  @Field(() => String, {
    nullable: true,
    description: "The deciding regulator's jurisdiction, a party code (FRA, EU): exactly that one, any case.",
  })
  @IsOptional()
  @Matches(/^[A-Za-z]{2,8}$/, { message: 'must be a party code such as FRA or EU' })
  jurisdiction?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  companyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  aiSystemId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  regulatorId?: string | null;

  @Field(() => EnforcementKind, { nullable: true })
  @IsOptional()
  @IsEnum(EnforcementKind)
  kind?: EnforcementKind | null;

  @Field(() => EnforcementStatus, { nullable: true })
  @IsOptional()
  @IsEnum(EnforcementStatus)
  status?: EnforcementStatus | null;
}

@ArgsType()
@ReusableValidation()
export class EnforcementActionsArgs extends PageArgs {
  @Field(() => EnforcementActionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnforcementActionFilter)
  filter?: EnforcementActionFilter | null;
}
