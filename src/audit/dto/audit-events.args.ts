import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/page-args.js';

@InputType()
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'For example "company" or "user".' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,64}$/, { message: 'must be an entity type such as company' })
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'The acting user.' })
  @IsOptional()
  @IsUUID()
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this instant, inclusive.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Up to this instant, exclusive.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilter)
  filter?: AuditEventFilter | null;
}
