import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/** The arguments of a lookup or change by uuid: `(id: ID!)`. */
@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
