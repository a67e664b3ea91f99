import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only: a database trigger refuses UPDATE, DELETE and TRUNCATE, and the service's database role may only
 * INSERT and SELECT. Events form one hash chain (audit-chain.ts): ids are handed out in chain order by
 * audit_chain_head, not by a sequence.
 */
@ObjectType({ description: 'Who changed which record, when, from what to what.' })
@Entity('audit_event')
@Index('IDX_audit_event_entity', ['entityType', 'entityId', 'id'])
@Index('IDX_audit_event_actor', ['actorUserId', 'id'])
@Index('IDX_audit_event_occurred', ['occurredAt'])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Field()
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'The user who acted (directly or through an API key).' })
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The API key used, when one was.' })
  @Column({ name: 'actor_api_key_id', type: 'uuid', nullable: true })
  actorApiKeyId: string | null;

  @Field({ description: 'What was done, for example "company.update".' })
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Field()
  @Column({ name: 'entity_type', type: 'varchar', length: 64 })
  entityType: string;

  @Field()
  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Field(() => String, { nullable: true })
  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Field({ description: 'The hash of the event before this one (64 zeros for the first event).' })
  @Column({ name: 'previous_hash', type: 'char', length: 64 })
  previousHash: string;

  @Field({ description: "SHA-256 of the event's canonical JSON, previousHash included (see verifyAuditTrail)." })
  @Column({ type: 'char', length: 64 })
  hash: string;
}
