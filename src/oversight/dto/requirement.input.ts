import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OrganizationRole, RiskLevel } from '../../companies/ai-system-terms.js';
import { IsTrimmedText } from '../../companies/dto/company-fields.js';
import { InputArgs } from '../../common/graphql/input-args.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { MAX_TEMPLATE_VERSION } from '../../disclosures/templates/dto/publish-template.input.js';
import { INITIATIVE_KEY, INITIATIVE_KEY_MESSAGE } from '../../initiatives/dto/initiative.input.js';
import { Regime } from '../oversight-terms.js';

export const MAX_REQUIREMENT_TEMPLATES = 20;
export const TEMPLATE_KEY = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

@InputType()
export class RequirementTemplateInput {
  @Field({ description: 'A template key, for example unctad-transparency-report.' })
  @Matches(TEMPLATE_KEY, { message: 'must be a template key such as unctad-transparency-report' })
  key: string;

  // Nullable rather than a schema default: graphql-jit does not apply defaults inside an input variable.
  @Field(() => Int, { nullable: true, description: 'The oldest version a filing may use; default 1.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TEMPLATE_VERSION)
  minVersion?: number | null;
}

@InputType({
  description:
    "Creates a requirement, or with `id` replaces one. Its issuer is a regulator (`regulatorId`, or the caller's " +
    'only regulator when left out) or, for a curator, an initiative (`initiativeKey`); the issuer never changes.',
})
export class SetDisclosureRequirementInput {
  @Field(() => ID, { nullable: true, description: 'The requirement to replace; leave out to create one.' })
  @IsOptional()
  @IsUUID()
  id?: string | null;

  @Field(() => ID, { nullable: true, description: 'The issuing regulator: the caller must act for it.' })
  @IsOptional()
  @IsUUID()
  regulatorId?: string | null;

  @Field(() => String, { nullable: true, description: 'The initiative it is attached to (curators only).' })
  @IsOptional()
  @Matches(INITIATIVE_KEY, { message: INITIATIVE_KEY_MESSAGE })
  initiativeKey?: string | null;

  @Field({ description: '1 to 300 characters.' })
  @IsTrimmedText(1, 300)
  title: string;

  @Field(() => Regime)
  @IsEnum(Regime)
  regime: Regime;

  @Field(() => [RiskLevel], { description: 'The risk levels it applies to; empty: all.' })
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(RiskLevel, { each: true })
  riskLevels: RiskLevel[];

  @Field(() => [OrganizationRole], { description: "The companies' roles it applies to; empty: all." })
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(OrganizationRole, { each: true })
  organizationRoles: OrganizationRole[];

  @Field(() => [RequirementTemplateInput], {
    description: `The templates a filing is expected under, 1 to ${MAX_REQUIREMENT_TEMPLATES}, each key once.`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REQUIREMENT_TEMPLATES)
  @ValidateNested({ each: true })
  @Type(() => RequirementTemplateInput)
  templates: RequirementTemplateInput[];

  @Field()
  @IsBoolean()
  certificationRequired: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The scheme a required certification must be of (any when left out); only with certificationRequired.',
  })
  @IsOptional()
  @IsTrimmedText(1, 200)
  certificationScheme?: string | null;

  @Field(() => LocalDateScalar, { description: 'First day it applies.' })
  @IsString()
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day it no longer applies; leave out if open.' })
  @IsOptional()
  @IsString()
  effectiveUntil?: string | null;
}

@ArgsType()
export class SetDisclosureRequirementArgs extends InputArgs(SetDisclosureRequirementInput) {}
