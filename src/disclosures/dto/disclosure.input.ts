import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { InputArgs } from '../../common/graphql/input-args.js';
import { AmendmentType, ConfidentialityReason } from '../disclosure-terms.js';

export const REPORTING_PERIOD = /^[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;
const TEMPLATE_KEY = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
/** RFC 6901: '/'-separated tokens, '~' only as ~0 or ~1. */
const JSON_POINTER = /^(\/([^~/]|~[01])*)+$/;

@InputType()
export class CreateDisclosureDraftInput {
  @Field(() => ID)
  @IsUUID()
  companyId: string;

  @Field(() => ID, { description: 'One of the company’s AI systems.' })
  @IsUUID()
  aiSystemId: string;

  @Field()
  @Matches(TEMPLATE_KEY, { message: 'must be a template key such as unctad-impact-assessment' })
  templateKey: string;

  @Field(() => Int, { nullable: true, description: 'The template version; the latest when left out.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  templateVersion?: number | null;

  @Field({ description: 'YYYY, YYYY-Qn, YYYY-Hn or YYYY-MM.' })
  @Matches(REPORTING_PERIOD, { message: 'must be YYYY, YYYY-Qn, YYYY-Hn or YYYY-MM' })
  reportingPeriod: string;
}

@ArgsType()
export class CreateDisclosureDraftArgs extends InputArgs(CreateDisclosureDraftInput) {}

@InputType()
export class ConfidentialFieldInput {
  @Field({ description: 'JSON Pointer of the field, for example /risks or /trainingData/sources.' })
  @IsString()
  @MaxLength(512)
  @Matches(JSON_POINTER, { message: 'must be a JSON Pointer such as /risks/0/mitigation' })
  path: string;

  @Field(() => ConfidentialityReason)
  @IsEnum(ConfidentialityReason)
  reason: ConfidentialityReason;
}

@InputType()
export class UpdateDisclosureDraftInput {
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The whole content (it replaces the draft’s); left out: unchanged. Partial content is fine.',
  })
  @IsOptional()
  @IsObject()
  content?: Record<string, unknown> | null;

  @Field(() => [ConfidentialFieldInput], {
    nullable: true,
    description: 'The fields to withhold from the public (the whole list); left out: unchanged.',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ConfidentialFieldInput)
  confidential?: ConfidentialFieldInput[] | null;
}

@ArgsType()
export class UpdateDisclosureDraftArgs extends InputArgs(UpdateDisclosureDraftInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
export class AmendDisclosureArgs {
  @Field(() => ID, { description: 'The filing to amend; an amendment’s own original when it is an amendment.' })
  @IsUUID()
  originalId: string;

  @Field(() => AmendmentType)
  @IsEnum(AmendmentType)
  type: AmendmentType;

  @Field()
  @IsString()
  @Length(1, 2000)
  reason: string;
}
