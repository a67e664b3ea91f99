import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ReusableValidation } from '../../common/errors/validation-pipe.js';
import { PageArgs } from '../../common/pagination/page-args.js';
import { IsTrimmedText } from '../../companies/dto/company-fields.js';
import { CertificationStatus, Regime } from '../oversight-terms.js';

@InputType()
export class CertificationFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  companyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  aiSystemId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The issuing regulator.' })
  @IsOptional()
  @IsUUID()
  regulatorId?: string | null;

  @Field(() => String, { nullable: true, description: 'The scheme, exactly as issued.' })
  @IsOptional()
  @IsTrimmedText(1, 200)
  scheme?: string | null;

  @Field(() => Regime, { nullable: true })
  @IsOptional()
  @IsEnum(Regime)
  regime?: Regime | null;

  @Field(() => CertificationStatus, { nullable: true, description: 'The status as read: EXPIRED works too.' })
  @IsOptional()
  @IsEnum(CertificationStatus)
  status?: CertificationStatus | null;
}

@ArgsType()
@ReusableValidation()
export class CertificationsArgs extends PageArgs {
  @Field(() => CertificationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CertificationFilter)
  filter?: CertificationFilter | null;
}
