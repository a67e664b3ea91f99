import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { InputArgs } from '../../common/graphql/input-args.js';

/**
 * Who joins which organisation. The organisation fields (`companyId`, `regulatorId`...) are added by the modules
 * that own each kind (registerMembershipScope); exactly one must be given.
 */
@InputType()
export class GrantMembershipInput {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  [organizationField: string]: string | null | undefined;
}

@ArgsType()
export class GrantMembershipArgs extends InputArgs(GrantMembershipInput) {}
