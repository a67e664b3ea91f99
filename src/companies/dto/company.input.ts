import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';
import { IsCountryIso3, IsLei, IsTrimmedText, IsWebsite } from './company-fields.js';

const LEI = 'Legal Entity Identifier (ISO 17442), any case; unique among companies.';
const SECTOR = 'Economic sector, as the company states it: 1 to 200 characters.';
const WEBSITE = 'An http or https URL, at most 2048 characters.';

@InputType()
export class RegisterCompanyInput {
  @Field({ description: 'Legal name, 1 to 300 characters.' })
  @IsTrimmedText(1, 300)
  name: string;

  @Field({ description: 'ISO alpha-3 code of the country of incorporation.' })
  @IsCountryIso3()
  countryIso3: string;

  @Field(() => String, { nullable: true, description: LEI })
  @IsOptional()
  @IsLei()
  lei?: string | null;

  @Field(() => String, { nullable: true, description: SECTOR })
  @IsOptional()
  @IsTrimmedText(1, 200)
  sector?: string | null;

  @Field(() => String, { nullable: true, description: WEBSITE })
  @IsOptional()
  @IsWebsite()
  website?: string | null;
}

@ArgsType()
export class RegisterCompanyArgs extends InputArgs(RegisterCompanyInput) {}

/** Fields left out keep their value; `null` clears `lei`, `sector` and `website` (and keeps the name). */
@InputType()
export class UpdateCompanyInput {
  @Field(() => String, { nullable: true, description: 'Legal name, 1 to 300 characters.' })
  @IsOptional()
  @IsTrimmedText(1, 300)
  name?: string | null;

  @Field(() => String, { nullable: true, description: `${LEI} null removes it.` })
  @IsOptional()
  @IsLei()
  lei?: string | null;

  @Field(() => String, { nullable: true, description: `${SECTOR} null removes it.` })
  @IsOptional()
  @IsTrimmedText(1, 200)
  sector?: string | null;

  @Field(() => String, { nullable: true, description: `${WEBSITE} null removes it.` })
  @IsOptional()
  @IsWebsite()
  website?: string | null;
}

@ArgsType()
export class UpdateCompanyArgs extends InputArgs(UpdateCompanyInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
