import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { Role } from '../../common/access/role.js';
import { InputArgs } from '../../common/graphql/input-args.js';

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, for example "filing system".' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the key stops working: in the future and at most API_KEY_MAX_TTL_DAYS (365) days away; ' +
      'API_KEY_TTL_DAYS (90) days from now when not given.',
  })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;

  // Nullable with a default rather than `Boolean! = false`: graphql-jit refuses a required input field left out of a
  // variable even when it has a default.
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'A read-only key runs queries only: every mutation is FORBIDDEN.',
  })
  @IsOptional()
  @IsBoolean()
  readOnly?: boolean | null;

  @Field(() => [Role], {
    nullable: true,
    description:
      'The roles the key may use, among those the caller holds; all of the caller’s current roles when not given. ' +
      'Whatever it is given, a key never acts with a role its owner no longer holds.',
  })
  @IsOptional()
  @IsEnum(Role, { each: true })
  @ArrayMaxSize(4)
  roles?: Role[] | null;
}

@ArgsType()
export class CreateApiKeyArgs extends InputArgs(CreateApiKeyInput) {}
