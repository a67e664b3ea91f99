import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';
import { PolicyLever, PolicyOrientation } from '../policy-levers.js';
import { IsPartyCode, IsSourceUrl, IsTitle } from './policy-fields.js';

@InputType()
export class RecordPolicyInstrumentInput {
  @Field({ description: 'Party code: a country (alpha-3, case-insensitive) or an organisation (EU).' })
  @IsPartyCode()
  partyCode: string;

  @Field({ description: 'Title, 1 to 500 characters; unique for the party.' })
  @IsTitle()
  title: string;

  @Field(() => PolicyOrientation)
  @IsEnum(PolicyOrientation)
  orientation: PolicyOrientation;

  @Field(() => PolicyLever)
  @IsEnum(PolicyLever)
  lever: PolicyLever;

  @Field(() => String, { nullable: true, description: 'Where the record comes from: an http or https URL.' })
  @IsOptional()
  @IsSourceUrl()
  sourceUrl?: string | null;
}

@ArgsType()
export class RecordPolicyInstrumentArgs extends InputArgs(RecordPolicyInstrumentInput) {}

/** Fields left out keep their value. */
@InputType()
export class UpdatePolicyInstrumentInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  title?: string | null;

  @Field(() => PolicyOrientation, { nullable: true })
  @IsOptional()
  @IsEnum(PolicyOrientation)
  orientation?: PolicyOrientation | null;

  @Field(() => PolicyLever, { nullable: true })
  @IsOptional()
  @IsEnum(PolicyLever)
  lever?: PolicyLever | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsSourceUrl()
  sourceUrl?: string | null;
}

@ArgsType()
export class UpdatePolicyInstrumentArgs extends InputArgs(UpdatePolicyInstrumentInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
