import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';
import { IsTrimmedText, IsWebsite } from '../../companies/dto/company-fields.js';

const WEBSITE = 'An http or https URL, at most 2048 characters.';

@InputType()
export class CreateRegulatorInput {
  @Field({ description: '1 to 300 characters.' })
  @IsTrimmedText(1, 300)
  name: string;

  @Field({ description: 'Party code of its jurisdiction: a country (alpha-3) or an organisation (EU).' })
  @Matches(/^[A-Za-z]{2,8}$/, { message: 'must be a party code such as FRA or EU' })
  jurisdiction: string;

  @Field(() => String, { nullable: true, description: WEBSITE })
  @IsOptional()
  @IsWebsite()
  website?: string | null;
}

@ArgsType()
export class CreateRegulatorArgs extends InputArgs(CreateRegulatorInput) {}

/** Fields left out keep their value; `null` clears `website` (and keeps the name). */
@InputType()
export class UpdateRegulatorInput {
  @Field(() => String, { nullable: true, description: '1 to 300 characters.' })
  @IsOptional()
  @IsTrimmedText(1, 300)
  name?: string | null;

  @Field(() => String, { nullable: true, description: `${WEBSITE} null removes it.` })
  @IsOptional()
  @IsWebsite()
  website?: string | null;
}

@ArgsType()
export class UpdateRegulatorArgs extends InputArgs(UpdateRegulatorInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
