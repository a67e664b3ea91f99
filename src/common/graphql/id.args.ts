import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ReusableValidation } from '../errors/validation-pipe.js';

/** The arguments of a lookup or change by uuid: `(id: ID!)`. */
@ArgsType()
@ReusableValidation()
export class IdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
