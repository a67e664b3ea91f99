import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Connection } from '../../common/pagination/connection.js';
import { Regulator } from '../regulator.entity.js';

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
export class CreateRegulatorArgs {
  @Field(() => CreateRegulatorInput)
  @ValidateNested()
  @Type(() => CreateRegulatorInput)
  input: CreateRegulatorInput;
}

@InputType()
export class UpdateRegulatorInput {
  @Field()
  @IsString()
  @Length(1, 300)
  name: string;
}

@ArgsType()
export class UpdateRegulatorArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => UpdateRegulatorInput)
  @ValidateNested()
  @Type(() => UpdateRegulatorInput)
  input: UpdateRegulatorInput;
}

@ObjectType()
export class RegulatorConnection extends Connection(Regulator) {}
