import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Organization } from './organization.entity.js';
import type { User } from './user.entity.js';

/**
 * A user's membership of one organisation. The modules that own each kind of organisation add the GraphQL fields
 * that name it (`companyId`, `regulatorId`...).
 */
@ObjectType({ description: "A user's membership of a company or of a regulator." })
@Entity('user_membership')
@Index('UQ_user_membership', ['userId', 'organizationId'], { unique: true })
@Index('IDX_user_membership_organization', ['organizationId'])
export class Membership {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  // By name: User lists its memberships, so importing it here would make the two files import each other.
  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The organisation's kind ("company", "regulator"), read with the membership. */
  organizationKind: string;
}
