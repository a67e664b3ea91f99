import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUrl, Length, Matches } from 'class-validator';
import { ReusableValidation } from '../../common/errors/validation-pipe.js';
import { InputArgs } from '../../common/graphql/input-args.js';
import { LocalDateScalar } from '../../common/graphql/scalars.js';
import { InitiativeKind } from '../initiative-kind.js';

export const INITIATIVE_KEY = /^[a-z0-9][a-z0-9_]{1,63}$/;
export const INITIATIVE_KEY_MESSAGE = 'must be a lower-case key such as oecd_ai_2019 (letters, digits, _; 2 to 64)';
export const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: true };

@InputType()
export class CreateInitiativeInput {
  @Field({ description: 'Stable lower-case key, for example "oecd_ai_2019"; never changes.' })
  @Matches(INITIATIVE_KEY, { message: INITIATIVE_KEY_MESSAGE })
  key: string;

  @Field()
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'must not be blank' })
  name: string;

  @Field(() => InitiativeKind)
  @IsEnum(InitiativeKind)
  kind: InitiativeKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  conveningBody?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  adoptedOn?: string | null;

  // Nullable rather than a schema default: graphql-jit does not apply an input field's default inside a variable.
  @Field(() => Boolean, { nullable: true, description: 'Whether it binds its parties in law; default false.' })
  @IsOptional()
  @IsBoolean()
  binding?: boolean | null;

  @Field(() => String, { nullable: true, description: 'An http(s) address.' })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'must be an http(s) URL' })
  @Length(1, 2000)
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  description?: string | null;
}

@ArgsType()
export class CreateInitiativeArgs extends InputArgs(CreateInitiativeInput) {}

/** Fields left out stay as they are; a nullable field given as null is cleared. */
@InputType()
export class UpdateInitiativeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  name?: string | null;

  @Field(() => InitiativeKind, { nullable: true })
  @IsOptional()
  @IsEnum(InitiativeKind)
  kind?: InitiativeKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  conveningBody?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  adoptedOn?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  binding?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'must be an http(s) URL' })
  @Length(1, 2000)
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  description?: string | null;
}

@ArgsType()
export class UpdateInitiativeArgs extends InputArgs(UpdateInitiativeInput) {
  @Field({ description: 'Key of the initiative to change.' })
  @Matches(INITIATIVE_KEY, { message: INITIATIVE_KEY_MESSAGE })
  key: string;
}

@ArgsType()
@ReusableValidation()
export class InitiativeLookupArgs {
  @Field({ description: 'Key of the initiative, for example "oecd_ai_2019".' })
  @IsString()
  @Length(1, 64)
  key: string;
}
