import { Field, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../common/graphql/scalars.js';
import {
  Check,
  Column,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CountryGroup } from './country-group.entity.js';
import { Party } from './party.entity.js';

/** Dates are half-open: a member on day d when valid_from <= d < valid_to (a NULL bound is open). */
@ObjectType({ description: 'One period of membership of a party in a group.' })
@Entity('country_group_membership')
@Check('CHK_group_membership_period', `"valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" > "valid_from"`)
@Index('IDX_group_membership_party', ['partyCode'])
// Created NULLS NOT DISTINCT by the migration, so that an open start counts as a value.
@Index('UQ_group_membership_start', ['groupKey', 'partyCode', 'since'], { unique: true })
// Needs btree_gist (created by the migration): one party's periods in one group never overlap.
@Exclusion(
  'EXC_group_membership_period',
  `USING gist ("group_key" WITH =, "party_code" WITH =, daterange("valid_from", "valid_to") WITH &&)`,
)
export class GroupMembership {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Key of the group.' })
  @Column({ name: 'group_key', type: 'varchar', length: 32 })
  groupKey: string;

  @ManyToOne(() => CountryGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_key', referencedColumnName: 'key' })
  group?: Relation<CountryGroup>;

  @Field({ description: 'Code of the member party (ISO alpha-3 for a country).' })
  @Column({ name: 'party_code', type: 'varchar', length: 8 })
  partyCode: string;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_code', referencedColumnName: 'code' })
  party?: Relation<Party>;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day of membership; null: since before records begin.',
  })
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  since: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day no longer a member; null: still a member.' })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  until: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
