import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';

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
export class RegisterCompanyArgs extends InputArgs(RegisterCompanyInput) {}

@InputType()
export class UpdateCompanyInput {
  @Field({ description: 'Legal name.' })
  @IsString()
  @Length(1, 300)
  name: string;
}

@ArgsType()
export class UpdateCompanyArgs extends InputArgs(UpdateCompanyInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
