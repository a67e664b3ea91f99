import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../password-hasher.js';

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
