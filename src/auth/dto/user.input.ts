import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Role } from '../../common/access/role.js';
import { InputArgs } from '../../common/graphql/input-args.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-hasher.js';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, {
    message: `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`,
  })
  password: string;

  // Nullable with a default rather than `[Role!]! = []`: graphql-jit refuses a required input field left out of a
  // variable even when it has a default (the second identical createUser failed).
  @Field(() => [Role], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsEnum(Role, { each: true })
  @ArrayMaxSize(4)
  roles?: Role[] | null = [];
}

@ArgsType()
export class CreateUserArgs extends InputArgs(CreateUserInput) {}
