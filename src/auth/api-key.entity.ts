import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Role } from '../common/access/role.js';
import { User } from './user.entity.js';

@ObjectType({
  description:
    'A key for a machine client, acting for its owner with the roles it was given (never more than the owner holds ' +
    'at the time of the request), read-only or not, until it expires. The secret is shown once.',
})
@Entity('api_key')
@Index('IDX_api_key_user', ['userId'])
@Check('CHK_api_key_roles', `"roles" <@ ARRAY['ADMIN', 'CURATOR', 'FILER', 'REGULATOR']::text[]`)
export class ApiKey {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The owner.' })
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'The visible start of the key, to recognise it in lists and logs.' })
  @Index('UQ_api_key_prefix', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  prefix: string;

  /**
   * SHA-256 of the secret part: keys are 256-bit random, so a fast hash cannot be brute-forced. Never selected
   * unless a query names it: only authentication reads it.
   */
  @Column({ name: 'secret_hash', type: 'char', length: 64, select: false })
  secretHash: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Field({ description: 'When the key stops working (every key expires).' })
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Field({ description: 'A read-only key runs no mutation.' })
  @Column({ name: 'read_only', type: 'boolean', default: false })
  readOnly: boolean;

  @Field(() => [Role], {
    description: 'The roles the key may use: those of them its owner holds at the time of each request.',
  })
  @Column({ type: 'text', array: true })
  roles: Role[];

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
