import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { IsTrimmedText } from '../../companies/dto/company-fields.js';
import { CertificationStatus, Regime } from '../oversight-terms.js';

@InputType()
export class IssueCertificationInput {
  @Field(() => ID, { description: 'The certified company (or the company of the certified AI system).' })
  @IsUUID()
  companyId: string;

  @Field(() => ID, { nullable: true, description: 'One of the company’s AI systems; left out: the company.' })
  @IsOptional()
  @IsUUID()
  aiSystemId?: string | null;

  @Field({ description: 'The scheme, for example "ISO/IEC 42001", 1 to 200 characters.' })
  @IsTrimmedText(1, 200)
  scheme: string;

  @Field(() => Regime)
  @IsEnum(Regime)
  regime: Regime;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Default today (UTC); never in the future.' })
  @IsOptional()
  @IsString()
  issuedOn?: string | null;

  @Field(() => LocalDateScalar, { description: 'The first day it no longer holds; after issuedOn.' })
  @IsString()
  expiresOn: string;

  @Field(() => Boolean, { nullable: true, description: 'Start ACTIVE rather than PENDING (default false).' })
  @IsOptional()
  @IsBoolean()
  activate?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The issuing regulator, when you act for several.' })
  @IsOptional()
  @IsUUID()
  regulatorId?: string | null;
}

@ArgsType()
export class IssueCertificationArgs extends InputArgs(IssueCertificationInput) {}

@ArgsType()
export class ChangeCertificationStatusArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => CertificationStatus, { description: 'ACTIVE, SUSPENDED or REVOKED.' })
  @IsEnum(CertificationStatus)
  status: CertificationStatus;

  @Field({ description: 'Why, 1 to 2000 characters; kept in the history.' })
  @IsTrimmedText(1, 2000)
  reason: string;
}
