import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Matches } from 'class-validator';
import { ReusableValidation } from '../../common/errors/validation-pipe.js';

export const ISO3_CODE = /^[A-Za-z]{3}$/;

@ArgsType()
@ReusableValidation()
export class CountryLookupArgs {
  @Field({ description: 'ISO 3166-1 alpha-3 code, case-insensitive.' })
  @IsString()
  @Matches(ISO3_CODE, { message: 'must be a three-letter ISO 3166-1 alpha-3 code' })
  iso3: string;
}

@ArgsType()
@ReusableValidation()
export class GroupLookupArgs {
  @Field({ description: 'Group key, for example "G7"; case-insensitive.' })
  @IsString()
  @Matches(/^[A-Za-z0-9_]{2,32}$/, { message: 'must be a group key such as G7' })
  key: string;
}
