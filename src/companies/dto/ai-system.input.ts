import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';
import { LifecycleStage, OrganizationRole, RiskLevel } from '../ai-system-terms.js';
import { IsPartyCodes, IsTrimmedText } from './company-fields.js';

export const MAX_JURISDICTIONS = 300;

const NAME = 'Name, 1 to 300 characters; unique in the company, ignoring case.';
const PURPOSE = 'What the system is for, 1 to 5000 characters.';
const JURISDICTIONS = `Where it is deployed: party codes (a country's alpha-3 code, or EU), any case, 1 to ${MAX_JURISDICTIONS}.`;

@InputType()
export class RegisterAISystemInput {
  @Field(() => ID, { description: 'The company that develops or deploys it.' })
  @IsUUID()
  companyId: string;

  @Field({ description: NAME })
  @IsTrimmedText(1, 300)
  name: string;

  @Field({ description: PURPOSE })
  @IsTrimmedText(1, 5000)
  purpose: string;

  @Field(() => RiskLevel)
  @IsEnum(RiskLevel)
  riskLevel: RiskLevel;

  @Field(() => OrganizationRole)
  @IsEnum(OrganizationRole)
  organizationRole: OrganizationRole;

  @Field(() => LifecycleStage)
  @IsEnum(LifecycleStage)
  lifecycleStage: LifecycleStage;

  @Field(() => [String], { description: JURISDICTIONS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_JURISDICTIONS)
  @IsPartyCodes()
  jurisdictions: string[];
}

@ArgsType()
export class RegisterAISystemArgs extends InputArgs(RegisterAISystemInput) {}

/** Fields left out (or null) keep their value; `jurisdictions` replaces the whole set. */
@InputType()
export class UpdateAISystemInput {
  @Field(() => String, { nullable: true, description: NAME })
  @IsOptional()
  @IsTrimmedText(1, 300)
  name?: string | null;

  @Field(() => String, { nullable: true, description: PURPOSE })
  @IsOptional()
  @IsTrimmedText(1, 5000)
  purpose?: string | null;

  @Field(() => RiskLevel, { nullable: true })
  @IsOptional()
  @IsEnum(RiskLevel)
  riskLevel?: RiskLevel | null;

  @Field(() => OrganizationRole, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationRole)
  organizationRole?: OrganizationRole | null;

  @Field(() => LifecycleStage, { nullable: true })
  @IsOptional()
  @IsEnum(LifecycleStage)
  lifecycleStage?: LifecycleStage | null;

  @Field(() => [String], { nullable: true, description: `${JURISDICTIONS} Replaces the whole set.` })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_JURISDICTIONS)
  @IsPartyCodes()
  jurisdictions?: string[] | null;
}

@ArgsType()
export class UpdateAISystemArgs extends InputArgs(UpdateAISystemInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
