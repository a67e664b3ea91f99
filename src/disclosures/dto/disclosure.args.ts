import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ReusableValidation } from '../../common/errors/validation-pipe.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { PageArgs } from '../../common/pagination/page-args.js';
import { DisclosureStatus } from '../disclosure-terms.js';

export const ACCESSION_NUMBER = /^AID-[0-9]{4}-[0-9]{6,12}$/;
const ACCESSION_MESSAGE = 'must be an accession number such as AID-2026-000123';

@InputType()
export class DisclosureFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  companyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  aiSystemId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, { message: 'must be a template key' })
  templateKey?: string | null;

  @Field(() => String, { nullable: true, description: 'IMPACT_ASSESSMENT, TRANSPARENCY_REPORT...' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'must be a template kind such as TRANSPARENCY_REPORT' })
  kind?: string | null;

  @Field(() => DisclosureStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DisclosureStatus)
  status?: DisclosureStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Filings about AI systems deployed there: a country (alpha-3) or EU.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z]{2,8}$/, { message: 'must be a party code such as DEU or EU' })
  jurisdiction?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Submitted at or after.' })
  @IsOptional()
  submittedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Submitted before.' })
  @IsOptional()
  submittedTo?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Full-text search of the public text (web search syntax: words, "a phrase", -not, or); results by relevance.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string | null;
}

@ArgsType()
@ReusableValidation()
export class DisclosuresArgs extends PageArgs {
  @Field(() => DisclosureFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DisclosureFilter)
  filter?: DisclosureFilter | null;
}

@ArgsType()
export class DisclosureArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  id?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ACCESSION_NUMBER, { message: ACCESSION_MESSAGE })
  accessionNumber?: string | null;
}

@ArgsType()
export class AccessionNumberArgs {
  @Field()
  @Matches(ACCESSION_NUMBER, { message: ACCESSION_MESSAGE })
  accessionNumber: string;
}

@ArgsType()
export class DisclosureDiffArgs {
  @Field(() => ID)
  @IsUUID()
  fromId: string;

  @Field(() => ID)
  @IsUUID()
  toId: string;
}

@ArgsType()
export class CompanyIdArgs {
  @Field(() => ID)
  @IsUUID()
  companyId: string;
}

@ArgsType()
export class CompanyDraftsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  companyId: string;
}
