import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../common/access/role.js';
import { Membership } from './membership.entity.js';

@ObjectType({ description: 'A person who signs in. Visible to themselves (`me`) and to admins.' })
@Entity('app_user')
// Case-insensitive uniqueness: the migration creates it on lower(email).
@Index('UQ_app_user_email', { synchronize: false })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** Never selected unless a query names it: only sign-in reads it. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When an admin disabled the account; its tokens and keys stop working.',
  })
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /**
   * Signed into every access token (`gen`): a token is valid only while it matches, so raising it (sign-out
   * everywhere, disabling the user) ends every token issued before. In the audit trail, not in the API.
   */
  @Column({ name: 'token_generation', type: 'integer', default: 0 })
  tokenGeneration: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  // Read with the user, from user_role and user_membership.
  @Field(() => [Role])
  roles: Role[];

  @Field(() => [Membership])
  memberships: Membership[];
}
