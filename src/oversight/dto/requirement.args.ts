import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/page-args.js';
import { INITIATIVE_KEY, INITIATIVE_KEY_MESSAGE } from '../../initiatives/dto/initiative.input.js';

export const PARTY_CODE = /^[A-Za-z]{2,8}$/;
export const PARTY_CODE_MESSAGE = 'must be a party code such as KEN or EU';

@InputType()
export class DisclosureRequirementFilter {
  @Field(() => String, {
    nullable: true,
    description: "Regulators' requirements for this jurisdiction (a party code, any case).",
  })
  @IsOptional()
  @Matches(PARTY_CODE, { message: PARTY_CODE_MESSAGE })
  jurisdiction?: string | null;

  @Field(() => String, { nullable: true, description: 'Requirements attached to this initiative.' })
  @IsOptional()
  @Matches(INITIATIVE_KEY, { message: INITIATIVE_KEY_MESSAGE })
  initiativeKey?: string | null;
}

@ArgsType()
export class DisclosureRequirementsArgs extends PageArgs {
  @Field(() => DisclosureRequirementFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DisclosureRequirementFilter)
  filter?: DisclosureRequirementFilter | null;
}
