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
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Party } from '../countries/party.entity.js';
import { PolicyLever, PolicyOrientation } from './policy-levers.js';

@ObjectType({
  description: 'A national AI policy instrument (law, programme, plan), classified as in the report’s Table 3.',
})
@Entity('policy_instrument')
@Check('CHK_policy_instrument_orientation', `"orientation" IN ('ADOPTION', 'DEVELOPMENT', 'OVERALL')`)
@Check('CHK_policy_instrument_lever', `"lever" IN ('INFRASTRUCTURE', 'DATA', 'SKILLS', 'OVERALL')`)
@Check('CHK_policy_instrument_title', `length(btrim("title")) BETWEEN 1 AND 500`)
@Check('CHK_policy_instrument_source', `"source_url" IS NULL OR "source_url" ~ '^https?://[^[:space:]]+$'`)
// Also the keyset of the instruments list (party, then title).
@Index('UQ_policy_instrument_party_title', ['partyCode', 'title'], { unique: true })
@Index('IDX_policy_instrument_orientation', ['orientation'])
@Index('IDX_policy_instrument_lever', ['lever'])
export class PolicyInstrument {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Code of the party it belongs to: a country (alpha-3) or an organisation (EU).' })
  @Column({ name: 'party_code', type: 'varchar', length: 8 })
  partyCode: string;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_code', referencedColumnName: 'code' })
  party?: Relation<Party>;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => PolicyOrientation)
  @Column({ type: 'varchar', length: 16 })
  orientation: PolicyOrientation;

  @Field(() => PolicyLever)
  @Column({ type: 'varchar', length: 16 })
  lever: PolicyLever;

  @Field(() => String, { nullable: true, description: 'Where the record comes from (http or https URL), if known.' })
  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
