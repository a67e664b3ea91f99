import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "The audit trail's hash chain, checked event by event from the first." })
export class AuditTrailVerification {
  @Field({ description: 'True when every event matches its hash and follows the one before it.' })
  valid: boolean;

  @Field(() => Int, { description: 'Events checked, up to and including the first broken one.' })
  checked: number;

  @Field(() => ID, { nullable: true, description: 'The first event that does not verify.' })
  firstBrokenEventId: string | null;

  @Field(() => String, { nullable: true, description: 'Why it does not verify.' })
  reason: string | null;

  @Field(() => ID, { nullable: true, description: 'The newest event of the chain, as its head names it.' })
  lastEventId: string | null;

  @Field({
    description:
      'The hash of that event (64 zeros when there is none): keep it elsewhere, and a later export or verification must reproduce it.',
  })
  lastHash: string;
}
