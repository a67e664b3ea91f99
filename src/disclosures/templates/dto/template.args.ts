import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ReusableValidation } from '../../../common/errors/validation-pipe.js';
import { MAX_TEMPLATE_VERSION, TEMPLATE_KEY_MESSAGE } from './publish-template.input.js';

/** Keys as the table allows them (3 to 64 characters), for lookups. */
const STORED_KEY = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

@ArgsType()
@ReusableValidation()
export class DisclosureTemplatesArgs {
  @Field(() => String, { nullable: true, description: "Only this key's versions." })
  @IsOptional()
  @Matches(STORED_KEY, { message: TEMPLATE_KEY_MESSAGE })
  key?: string | null;
}

@ArgsType()
@ReusableValidation()
export class DisclosureTemplateArgs {
  @Field()
  @Matches(STORED_KEY, { message: TEMPLATE_KEY_MESSAGE })
  key: string;

  @Field(() => Int, { nullable: true, description: 'The latest when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TEMPLATE_VERSION)
  version?: number | null;
}
