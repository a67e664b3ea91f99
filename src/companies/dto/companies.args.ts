import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { ReusableValidation } from '../../common/errors/validation-pipe.js';
import { PageArgs } from '../../common/pagination/page-args.js';
import { IsCountryIso3, IsLei, IsTrimmedText } from './company-fields.js';

@InputType()
export class CompanyFilter {
  @Field(() => String, { nullable: true, description: 'Country of incorporation: ISO alpha-3, case-insensitive.' })
  @IsOptional()
  @IsCountryIso3()
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'The sector exactly as stated (surrounding spaces ignored).' })
  @IsOptional()
  @IsTrimmedText(1, 200)
  sector?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Part of the name, case-insensitive, up to 200 characters (spaces around it ignored), with at least 3 letters or digits in a row.',
  })
  @IsOptional()
  @IsTrimmedText(1, 200)
  // The name index (trigrams) needs three characters to narrow anything; shorter text would read every company.
  @Matches(/[\p{L}\p{N}]{3}/u, { message: 'must hold at least 3 letters or digits in a row' })
  text?: string | null;
}

@ArgsType()
export class CompaniesArgs extends PageArgs {
  @Field(() => CompanyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyFilter)
  filter?: CompanyFilter | null;
}

/** `company(id:)` or `company(lei:)`: exactly one of them. */
@ArgsType()
@ReusableValidation()
export class CompanyLookupArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Legal Entity Identifier, any case.' })
  @IsOptional()
  @IsLei()
  lei?: string | null;
}
