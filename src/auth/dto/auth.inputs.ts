import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDate,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Role } from '../../common/access/role.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-hasher.js';
import { ApiKey } from '../api-key.entity.js';
import { User } from '../user.entity.js';

@ArgsType()
export class LoginArgs {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

@ObjectType()
export class LoginResult {
  @Field({ description: 'Send as "Authorization: Bearer <token>".' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => User)
  user: Omit<User, 'passwordHash'>;
}

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, for example "filing system".' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; never when null.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}

@ArgsType()
export class CreateApiKeyArgs {
  @Field(() => CreateApiKeyInput)
  @ValidateNested()
  @Type(() => CreateApiKeyInput)
  input: CreateApiKeyInput;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field({
    description: 'The key itself. Shown this once; only a hash is kept. Send as "Authorization: ApiKey <key>".',
  })
  key: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

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

  @Field(() => [Role], { defaultValue: [] })
  @IsEnum(Role, { each: true })
  @ArrayMaxSize(4)
  roles: Role[] = [];
}

@ArgsType()
export class CreateUserArgs {
  @Field(() => CreateUserInput)
  @ValidateNested()
  @Type(() => CreateUserInput)
  input: CreateUserInput;
}

@ArgsType()
export class RoleArgs {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;
}

@ArgsType()
export class UserIdArgs {
  @Field(() => ID)
  @IsUUID()
  userId: string;
}

@InputType()
export class GrantMembershipInput {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field(() => ID, { nullable: true, description: 'Give exactly one of companyId and regulatorId.' })
  @IsOptional()
  @IsUUID()
  companyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  regulatorId?: string | null;
}

@ArgsType()
export class GrantMembershipArgs {
  @Field(() => GrantMembershipInput)
  @ValidateNested()
  @Type(() => GrantMembershipInput)
  input: GrantMembershipInput;
}
