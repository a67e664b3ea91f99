import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';

@InputType()
export class CreateRegulatorInput {
  @Field()
  @IsString()
  @Length(1, 300)
  name: string;

  @Field({ description: 'Party code of its jurisdiction: a country (alpha-3) or an organisation (EU).' })
  @Matches(/^[A-Za-z]{2,8}$/, { message: 'must be a party code such as FRA or EU' })
  jurisdiction: string;
}

@ArgsType()
export class CreateRegulatorArgs extends InputArgs(CreateRegulatorInput) {}

@InputType()
export class UpdateRegulatorInput {
  @Field()
  @IsString()
  @Length(1, 300)
  name: string;
}

@ArgsType()
export class UpdateRegulatorArgs extends InputArgs(UpdateRegulatorInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
