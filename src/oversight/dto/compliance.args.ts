import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { ReusableValidation } from '../../common/errors/validation-pipe.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { PARTY_CODE, PARTY_CODE_MESSAGE } from './requirement.args.js';

/** The date every compliance question is asked about. */
@ArgsType()
abstract class ComplianceDateArgs {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The date to answer for, YYYY-MM-DD; default today (UTC).',
  })
  @IsOptional()
  @IsString()
  asOf?: string | null;
}

@ArgsType()
@ReusableValidation()
export class ComplianceStatusArgs extends ComplianceDateArgs {
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
}

@ArgsType()
@ReusableValidation()
export class ComplianceOverviewArgs extends ComplianceDateArgs {
  @Field({ description: 'A party code (KEN, EU): a country, or a group with its members on the date.' })
  @Matches(PARTY_CODE, { message: PARTY_CODE_MESSAGE })
  jurisdiction: string;
}

@ArgsType()
@ReusableValidation()
export class SystemComplianceArgs extends ComplianceDateArgs {
  @Field(() => String, { nullable: true, description: 'A party code; leave out for everywhere it is deployed.' })
  @IsOptional()
  @Matches(PARTY_CODE, { message: PARTY_CODE_MESSAGE })
  jurisdiction?: string | null;
}
