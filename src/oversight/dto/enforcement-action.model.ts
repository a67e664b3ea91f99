import { Field, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../common/graphql/scalars.js';
import { Connection } from '../../common/pagination/connection.js';
import { EnforcementAction } from '../enforcement-action.entity.js';
import { EnforcementStatus } from '../oversight-terms.js';

@ObjectType({ description: 'An exact amount of money in one currency.' })
export class Money {
  @Field(() => DecimalScalar, { description: 'As stored, with two decimals: "1234567.89".' })
  amount: string;

  @Field({ description: 'ISO 4217 alphabetic code.' })
  currency: string;
}

@ObjectType('EnforcementStatusChange', {
  description: 'One status an enforcement action took: from what, to what, when and why.',
})
export class EnforcementStatusChangeView {
  @Field(() => EnforcementStatus, { nullable: true, description: 'Null for the status it was recorded in.' })
  fromStatus: EnforcementStatus | null;

  @Field(() => EnforcementStatus)
  toStatus: EnforcementStatus;

  @Field()
  reason: string;

  @Field()
  changedAt: Date;
}

@ObjectType()
export class EnforcementActionConnection extends Connection(EnforcementAction) {}
