import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { PageArgs } from '../../common/pagination/page-args.js';

@ArgsType()
export class ReviewQueueArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  regulatorId: string;
}
