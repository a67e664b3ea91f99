import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Connection } from '../../common/pagination/connection.js';
import { Company } from '../company.entity.js';

@InputType()
export class RegisterCompanyInput {
  @Field({ description: 'Legal name.' })
  @IsString()
  @Length(1, 300)
  name: string;

  @Field({ description: 'ISO alpha-3 code of the country of incorporation.' })
  @Matches(/^[A-Za-z]{3}$/, { message: 'must be a three-letter ISO 3166-1 alpha-3 code' })
  countryIso3: string;
}

@ArgsType()
export class RegisterCompanyArgs {
  @Field(() => RegisterCompanyInput)
  @ValidateNested()
  @Type(() => RegisterCompanyInput)
  input: RegisterCompanyInput;
}

@InputType()
export class UpdateCompanyInput {
  @Field({ description: 'Legal name.' })
  @IsString()
  @Length(1, 300)
  name: string;
}

@ArgsType()
export class UpdateCompanyArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => UpdateCompanyInput)
  @ValidateNested()
  @Type(() => UpdateCompanyInput)
  input: UpdateCompanyInput;
}

@ObjectType()
export class CompanyConnection extends Connection(Company) {}
