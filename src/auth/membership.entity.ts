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
import { User } from './user.entity.js';

/**
 * A user's membership of exactly one company (filers) or one regulator (regulator staff). The company and
 * regulator tables belong to their own modules; auth knows them by id only.
 */
@ObjectType({ description: "A user's membership of a company or of a regulator." })
@Entity('user_membership')
@Check('CHK_user_membership_target', `num_nonnulls("company_id", "regulator_id") = 1`)
@Index('UQ_user_membership_company', ['userId', 'companyId'], { unique: true, where: `"company_id" IS NOT NULL` })
@Index('UQ_user_membership_regulator', ['userId', 'regulatorId'], { unique: true, where: `"regulator_id" IS NOT NULL` })
@Index('IDX_user_membership_company', ['companyId'])
@Index('IDX_user_membership_regulator', ['regulatorId'])
export class Membership {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'company_id', type: 'uuid', nullable: true })
  companyId: string | null;

  // Named by entity name, not imported: auth sits below the companies and oversight modules.
  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: unknown;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'regulator_id', type: 'uuid', nullable: true })
  regulatorId: string | null;

  @ManyToOne('Regulator', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'regulator_id' })
  regulator?: unknown;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
