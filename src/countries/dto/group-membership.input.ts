import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';

const GROUP_KEY = /^[A-Za-z0-9_]{2,32}$/;
const PARTY_CODE = /^[A-Za-z]{2,8}$/;

@InputType()
export class AddGroupMemberInput {
  @Field({ description: 'Group key, for example "G20"; case-insensitive.' })
  @Matches(GROUP_KEY, { message: 'must be a group key such as G7' })
  groupKey: string;

  @Field({ description: 'Party code: ISO alpha-3 for a country, EU or AU for an organisation; case-insensitive.' })
  @Matches(PARTY_CODE, { message: 'must be a party code such as KEN or EU' })
  partyCode: string;

  @Field(() => LocalDateScalar, { description: 'First day of membership.' })
  @IsString()
  since: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string | null;
}

@ArgsType()
export class AddGroupMemberArgs extends InputArgs(AddGroupMemberInput) {}

@InputType()
export class EndGroupMembershipInput {
  @Field({ description: 'Group key; case-insensitive.' })
  @Matches(GROUP_KEY, { message: 'must be a group key such as G7' })
  groupKey: string;

  @Field({ description: 'Party code; case-insensitive.' })
  @Matches(PARTY_CODE, { message: 'must be a party code such as KEN or EU' })
  partyCode: string;

  @Field(() => LocalDateScalar, { description: 'First day no longer a member (periods are half-open).' })
  @IsString()
  until: string;
}

@ArgsType()
export class EndGroupMembershipArgs extends InputArgs(EndGroupMembershipInput) {}
