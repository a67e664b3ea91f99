import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, Length } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';

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
export class CreateApiKeyArgs extends InputArgs(CreateApiKeyInput) {}
