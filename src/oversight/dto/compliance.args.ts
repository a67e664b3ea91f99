import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { ReusableValidation } from '../../common/errors/validation-pipe.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { PARTY_CODE, PARTY_CODE_MESSAGE } from './requirement.args.js';

const AS_OF = 'The date to answer for, YYYY-MM-DD; default today (UTC).';

@ArgsType()
@ReusableValidation()
export class ComplianceStatusArgs {
  @Field(() => ID)
  @IsUUID()
  companyId: string;

  @Field(() => String, {
    nullable: true,
    description: 'A party code (KEN, EU); leave out for wherever the requirements reach the company.',
  })
  @IsOptional()
  @Matches(PARTY_CODE, { message: PARTY_CODE_MESSAGE })
  jurisdiction?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: AS_OF })
  @IsOptional()
  @IsString()
  asOf?: string | null;
}

@ArgsType()
@ReusableValidation()
export class ComplianceOverviewArgs {
  @Field({ description: 'A party code (KEN, EU): a country, or a group with its members on the date.' })
  @Matches(PARTY_CODE, { message: PARTY_CODE_MESSAGE })
  jurisdiction: string;

  @Field(() => LocalDateScalar, { nullable: true, description: AS_OF })
  @IsOptional()
  @IsString()
  asOf?: string | null;
}

@ArgsType()
@ReusableValidation()
export class SystemComplianceArgs {
  @Field(() => String, { nullable: true, description: 'A party code; leave out for everywhere it is deployed.' })
  @IsOptional()
  @Matches(PARTY_CODE, { message: PARTY_CODE_MESSAGE })
  jurisdiction?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: AS_OF })
  @IsOptional()
  @IsString()
  asOf?: string | null;
}
