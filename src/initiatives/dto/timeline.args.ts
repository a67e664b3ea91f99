import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { DateTimeScalar, LocalDateScalar } from '../../common/graphql/scalars.js';
import { PageArgs } from '../../common/pagination/page-args.js';

/** The two timelines a participation read is answered on. */
@ArgsType()
export class TimelineArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'World date, YYYY-MM-DD; default today (UTC).' })
  @IsOptional()
  asOf?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Registry time: answer as the registry knew it then; default now.',
  })
  @IsOptional()
  knownAt?: Date | null;
}

@ArgsType()
export class ParticipantsArgs extends PageArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'World date, YYYY-MM-DD; default today (UTC).' })
  @IsOptional()
  asOf?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Registry time: answer as the registry knew it then; default now.',
  })
  @IsOptional()
  knownAt?: Date | null;
}
