import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { PageArgs } from '../../common/pagination/page-args.js';
import { DevelopmentStatus } from '../development-status.js';

@InputType()
export class CountryFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only members of this group (G7, G20, OECD, EU, BRICS, LDC...) on `asOf`.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_]{2,32}$/, { message: 'must be a group key such as G7' })
  groupKey?: string | null;

  @Field(() => String, { nullable: true, description: 'UN M49 region: Africa, Americas, Asia, Europe or Oceania.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'UN M49 sub-region, for example "Western Africa".' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  subregion?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  unMember?: boolean | null;

  @Field(() => DevelopmentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DevelopmentStatus)
  developmentStatus?: DevelopmentStatus | null;
}

@ArgsType()
export class CountriesArgs extends PageArgs {
  @Field(() => CountryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CountryFilter)
  filter?: CountryFilter | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Date at which group membership is judged; default today.',
  })
  @IsOptional()
  asOf?: string | null;
}
